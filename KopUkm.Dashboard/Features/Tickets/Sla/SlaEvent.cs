namespace KopUkm.Dashboard.Features.Tickets.Sla;

/// <summary>One entry of a ticket's event log that moves an SLA clock; the rules are in docs/sla.md.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="AtUtc">When it happened (UTC; an unspecified kind is read as UTC, as stored instants come back from SQLite).</param>
public sealed record SlaEvent(SlaEventKind Kind, DateTime AtUtc);

/// <summary>The kinds of ticket events the SLA clocks react to.</summary>
public enum SlaEventKind
{
    /// <summary>The ticket was received: both clocks start. Only the earliest one counts.</summary>
    Created,

    /// <summary>The office's first reply to the applicant: stops the first-response clock.</summary>
    FirstResponse,

    /// <summary>The ticket waits on the applicant: pauses the resolution clock.</summary>
    Paused,

    /// <summary>The applicant answered: the paused resolution clock runs again.</summary>
    Resumed,

    /// <summary>The ticket was closed as solved: stops the resolution clock, and the first-response clock if still running.</summary>
    Resolved,

    /// <summary>A resolved ticket was opened again: the resolution clock continues from the time already spent.</summary>
    Reopened,
}
