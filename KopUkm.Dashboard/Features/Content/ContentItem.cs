using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.Auditing;

namespace KopUkm.Dashboard.Features.Content;

/// <summary>
/// One page or post the office publishes, owned by a division. Freshness is kept as stored columns
/// (<see cref="ReviewDueAtUtc"/>, <see cref="Freshness"/>, <see cref="LiveStatus"/>) so that queues filter and count
/// on indexes; <see cref="ContentFreshnessRules"/> is the one place that computes them.
/// </summary>
public sealed class ContentItem : IVersioned
{
    public long Id { get; set; }

    public required string Title { get; set; }

    public ContentKind Kind { get; set; }

    public ContentChannel Channel { get; set; }

    /// <summary>Absolute http(s) URL on the live site or the post's address; null for a draft not yet online.</summary>
    public string? Url { get; set; }

    public int OwnerDivisionId { get; set; }

    public Organization.Division? OwnerDivision { get; set; }

    /// <summary>The editor responsible for keeping it current (an account id); null = the division has no owner for it yet.</summary>
    public string? EditorUserId { get; set; }

    public string? EditorName { get; set; }

    public InformationCategory Category { get; set; }

    /// <summary>An override of the category's default interval; null = the default applies.</summary>
    public int? ReviewIntervalDaysOverride { get; set; }

    public int? ServiceTypeId { get; set; }

    public ContentState State { get; set; }

    public DateTime StateChangedAtUtc { get; set; }

    /// <summary>When it went (or is scheduled to go) live; a date in the future means "scheduled".</summary>
    public DateTime? PublishedAtUtc { get; set; }

    public DateTime? LastReviewedAtUtc { get; set; }

    public string? LastReviewedByName { get; set; }

    public string? LastReviewNote { get; set; }

    /// <summary>When the live check last saw the page's main text change.</summary>
    [Derived]
    public DateTime? LastLiveChangeAtUtc { get; set; }

    [Derived]
    public DateTime? ReviewDueAtUtc { get; set; }

    [Derived]
    public ContentFreshness Freshness { get; set; }

    /// <summary>Why it is in Perlu Pembaruan (or flagged); None when it is not.</summary>
    public StaleReason StaleReason { get; set; }

    // What the live-site check last saw.
    [Derived]
    public LiveStatus LiveStatus { get; set; }

    [Derived]
    public DateTime? LastCheckedAtUtc { get; set; }

    [Derived]
    public int ConsecutiveFailures { get; set; }

    [Derived]
    public string? ETag { get; set; }

    [Derived]
    public DateTime? LastModifiedUtc { get; set; }

    [Derived]
    public string? ContentHash { get; set; }

    [Derived]
    public int BrokenLinkCount { get; set; }

    public string? Notes { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public long Version { get; set; }
}

public enum ContentKind
{
    WebsitePage = 1,
    News = 2,
    Announcement = 3,
    SocialPost = 4,

    /// <summary>A published service standard (PermenPANRB 15/2014) of one catalogue service; its text is a <see cref="Standards.ServiceStandard"/>.</summary>
    ServiceStandard = 5,
}

public enum ContentChannel
{
    Website = 1,
    Instagram = 2,
    Facebook = 3,
    YouTube = 4,
    X = 5,
}

/// <summary>Information categories of UU 14/2008 on public information, plus news.</summary>
public enum InformationCategory
{
    Berkala = 1,
    SertaMerta = 2,
    SetiapSaat = 3,
    Berita = 4,
}

/// <summary>Queue states; <see cref="ContentWorkflow"/> lists the allowed moves.</summary>
public enum ContentState
{
    Draf = 1,
    Ditinjau = 2,
    Disetujui = 3,
    Terbit = 4,
    PerluPembaruan = 5,
    Diarsipkan = 6,
}

public enum ContentFreshness
{
    /// <summary>Not under review dates: drafts, archived items, news and social posts.</summary>
    NotTracked = 0,
    Fresh = 1,
    DueSoon = 2,
    Overdue = 3,
}

public enum StaleReason
{
    None = 0,
    ReviewOverdue = 1,
    ServiceChanged = 2,
    Broken = 3,
    FlaggedByEditor = 4,

    /// <summary>The text of a published service standard was changed and waits for the head's approval.</summary>
    StandardEdited = 5,
}

public enum LiveStatus
{
    NotChecked = 0,
    Ok = 1,
    Broken = 2,
    Error = 3,
    NeedsLogin = 4,
    SkippedByRobots = 5,
}
