using KopUkm.Dashboard.Data.Auditing;

namespace KopUkm.Dashboard.Features.Tickets;

/// <summary>
/// A transfer of a ticket to another division: the raw material of the coordination metrics. Accepted is when the
/// receiving division first acted on it (assigned, replied, noted or changed its status).
/// </summary>
public sealed class TicketHandoff
{
    public int Id { get; set; }

    public int TicketId { get; set; }

    public int FromDivisionId { get; set; }

    public int ToDivisionId { get; set; }

    public required string Reason { get; set; }

    public required string ByName { get; set; }

    public DateTime HandedOffAtUtc { get; set; }

    public DateTime AcceptanceDueAtUtc { get; set; }

    public DateTime? AcceptedAtUtc { get; set; }

    /// <summary>Working minutes from the handoff to its acceptance, on the office calendar; null while pending.</summary>
    [Derived]
    public int? AcceptanceWorkingMinutes { get; set; }
}
