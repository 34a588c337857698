namespace KopUkm.Dashboard.Features.Tickets;

/// <summary>
/// One thing that happened to a ticket. Append-only; the SLA clocks are computed from these rows, and the ticket
/// page shows them as its history.
/// </summary>
public sealed class TicketEvent
{
    public long Id { get; set; }

    public int TicketId { get; set; }

    public TicketEventKind Kind { get; set; }

    public TicketStatus? FromStatus { get; set; }

    public TicketStatus? ToStatus { get; set; }

    public int? FromDivisionId { get; set; }

    public int? ToDivisionId { get; set; }

    /// <summary>Reply, note, reason or resolution text, by kind.</summary>
    public string Text { get; set; } = "";

    public string? ByUserId { get; set; }

    public required string ByName { get; set; }

    public DateTime AtUtc { get; set; }

    /// <summary>
    /// For a reply to the applicant: when the applicant's tracking page first showed it (null until then). Set once by
    /// the portal, the only change ever made to an event row.
    /// </summary>
    public DateTime? SeenByApplicantAtUtc { get; set; }
}

public enum TicketEventKind
{
    Created = 1,
    StatusChanged = 2,
    Assigned = 3,
    Replied = 4,
    NoteAdded = 5,
    HandedOff = 6,
    Resolved = 7,
    Closed = 8,
    Reopened = 9,
    Paused = 10,
    Resumed = 11,

    /// <summary>The applicant's answer, written on the tracking page of the public portal.</summary>
    ApplicantAnswered = 12,
}
