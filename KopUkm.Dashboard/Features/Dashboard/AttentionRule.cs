namespace KopUkm.Dashboard.Features.Dashboard;

/// <summary>
/// The tiers of "Perlu perhatian sekarang", first tier first. The page explains them in the resource
/// <c>Dashboard.UrgentRule</c>, one numbered item per tier; AttentionRuleTests keeps text and tiers in step.
/// </summary>
public enum AttentionTier
{
    /// <summary>Tickets past their resolution target and registration cases past their stage target: a citizen is waiting.</summary>
    CitizenWaiting = 1,

    /// <summary>Pages the public cannot open (found broken by the live check).</summary>
    PageBroken = 2,

    /// <summary>Tickets and registration cases not yet due.</summary>
    CitizenWorkDueNext = 3,

    /// <summary>Live content past its review date.</summary>
    ContentReviewOverdue = 4,

    /// <summary>Live content whose review date is still ahead.</summary>
    ContentReviewDueNext = 5,
}

/// <summary>
/// "Perlu perhatian sekarang", by one rule (docs/dashboard.md): items are ranked by <see cref="AttentionTier"/>; within
/// a tier the earliest due moment comes first, and on equal moments the higher ticket priority.
/// </summary>
public static class AttentionRule
{
    /// <summary>The tiers in ranking order.</summary>
    public static IReadOnlyList<AttentionTier> Tiers { get; } = [.. Enum.GetValues<AttentionTier>().Order()];

    /// <summary>A ticket or registration case: waiting past its target, or still to fall due.</summary>
    public static AttentionTier ForCitizenWork(DateTime dueAtUtc, DateTime nowUtc) =>
        dueAtUtc <= nowUtc ? AttentionTier.CitizenWaiting : AttentionTier.CitizenWorkDueNext;

    /// <summary>A live page or post by its review date.</summary>
    public static AttentionTier ForContentReview(DateTime reviewDueAtUtc, DateTime nowUtc) =>
        reviewDueAtUtc <= nowUtc ? AttentionTier.ContentReviewOverdue : AttentionTier.ContentReviewDueNext;

    /// <summary>The list's order: tier, then due moment, then the higher priority, then the source (so ties are stable).</summary>
    public static IEnumerable<UrgentItem> Rank(IEnumerable<UrgentItem> items) =>
        items.OrderBy(i => i.Tier).ThenBy(i => i.DueAtUtc).ThenByDescending(i => i.PriorityRank).ThenBy(i => i.Source);
}
