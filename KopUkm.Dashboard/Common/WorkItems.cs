namespace KopUkm.Dashboard.Common;

/// <summary>
/// How urgent a piece of work is, for SME tickets and IT tasks alike. Stored as its number, so ordering by it
/// follows urgency.
/// </summary>
public enum WorkPriority
{
    Rendah = 1,
    Normal = 2,
    Tinggi = 3,
    Mendesak = 4,
}

/// <summary>The kinds of citizen-facing work another feature (the IT task board) may point at.</summary>
public enum WorkItemKind
{
    None = 0,
    Ticket = 1,
    ContentItem = 2,
    CooperativeCase = 3,
}

/// <summary>A work item as another feature shows it: a label (null when it no longer exists) and its page.</summary>
public sealed record WorkItemReference(WorkItemKind Kind, long Id, string? Label, string Link);

/// <summary>
/// Describes one kind of work item to features that link to it without knowing it (the IT task board links tasks
/// to tickets, registration cases and content items). The feature that owns the kind implements it, applying its
/// own access rules to the label; the kernel defines it, so the dependency points from both features to here.
/// </summary>
public interface IWorkItemSource
{
    WorkItemKind Kind { get; }

    /// <summary>Labels of the existing items among <paramref name="ids"/>; missing ids are left out.</summary>
    Task<IReadOnlyDictionary<long, string>> DescribeAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default);

    /// <summary>The item's page in the app.</summary>
    string LinkTo(long id);

    /// <summary>
    /// The newest items' ids and owner divisions, newest first: what a demo IT task plausibly comes from. Ids only,
    /// nothing personal, so it asks for no permission.
    /// </summary>
    Task<IReadOnlyList<WorkItemOwner>> NewestAsync(int count, CancellationToken ct = default);
}

/// <summary>A work item's id and the division that owns it (null where the kind has no single owner division).</summary>
public sealed record WorkItemOwner(long Id, int? DivisionId);
