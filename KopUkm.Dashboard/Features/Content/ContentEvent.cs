namespace KopUkm.Dashboard.Features.Content;

/// <summary>One thing that happened to a content item: its history page. Append-only.</summary>
public sealed class ContentEvent
{
    public long Id { get; set; }

    public long ContentItemId { get; set; }

    public ContentEventKind Kind { get; set; }

    public ContentState? FromState { get; set; }

    public ContentState? ToState { get; set; }

    /// <summary>Reason, review note or detail, by kind.</summary>
    public string Text { get; set; } = "";

    /// <summary>Null when the system (a job) acted.</summary>
    public string? ByUserId { get; set; }

    public required string ByName { get; set; }

    public DateTime AtUtc { get; set; }
}

public enum ContentEventKind
{
    Created = 1,
    StateChanged = 2,
    Reviewed = 3,
    Edited = 4,
    FlaggedStale = 5,
    LiveChanged = 6,
    LiveBroken = 7,
    LiveRecovered = 8,
    Imported = 9,
    EditorAssigned = 10,
}
