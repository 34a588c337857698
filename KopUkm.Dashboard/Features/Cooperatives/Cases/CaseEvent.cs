using KopUkm.Dashboard.Data.Auditing;

namespace KopUkm.Dashboard.Features.Cooperatives.Cases;

/// <summary>
/// The case's timeline: one row per thing that happened (submitted, stage changed, assigned, document checked,
/// comment). Append-only; the stage clock is computed from its stage changes.
/// </summary>
public sealed class CaseEvent
{
    public long Id { get; set; }

    public int CaseId { get; set; }

    public CaseEventKind Kind { get; set; }

    public CaseStage? FromStage { get; set; }

    public CaseStage? ToStage { get; set; }

    /// <summary>Reason, comment text, assignee name or document note, by kind.</summary>
    public string Text { get; set; } = "";

    public DocumentKind? Document { get; set; }

    public string? ByUserId { get; set; }

    public required string ByName { get; set; }

    public DateTime AtUtc { get; set; }

    /// <summary>
    /// On a stage change: the working minutes the case spent in the stage it left, on this visit (from entering it to
    /// now). Null on other kinds of event.
    /// </summary>
    [Derived]
    public int? StageWorkingMinutes { get; set; }
}

public enum CaseEventKind
{
    Submitted = 1,
    StageChanged = 2,
    Assigned = 3,
    DocumentVerified = 4,
    DocumentUnverified = 5,
    Commented = 6,
}
