namespace KopUkm.Dashboard.Features.Assignments;

/// <summary>
/// One thing that happened to an IT task: created, moved, assigned, or an edit of its due date, priority or
/// estimate. Append-only; the task page shows these as its history.
/// </summary>
public sealed class ItTaskEvent
{
    public long Id { get; set; }

    public int TaskId { get; set; }

    public ItTaskEventKind Kind { get; set; }

    /// <summary>The value before, as stored text: a status, an assignee's name, a date (yyyy-MM-dd), a priority or hours.</summary>
    public string? FromValue { get; set; }

    public string? ToValue { get; set; }

    /// <summary>The reason given (reassignment, waiting, reopening), if any.</summary>
    public string Text { get; set; } = "";

    public string? ByUserId { get; set; }

    public required string ByName { get; set; }

    public DateTime AtUtc { get; set; }
}

public enum ItTaskEventKind
{
    Created = 1,
    StatusChanged = 2,
    Assigned = 3,
    DueDateChanged = 4,
    PriorityChanged = 5,
    EstimateChanged = 6,
}
