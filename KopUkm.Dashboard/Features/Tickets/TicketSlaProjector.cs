using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Calendar;
using KopUkm.Dashboard.Features.ServiceCatalog;
using KopUkm.Dashboard.Features.Tickets.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Features.Tickets;

/// <summary>
/// Turns a ticket's event log into its SLA clocks (through <see cref="TicketSlaCalculator"/>) and stores the snapshot
/// columns the queues filter and sort on. Computed from events every time, so reopenings and edits stay exact.
/// </summary>
public sealed class TicketSlaProjector(WorkingCalendarProvider calendars, IOptions<TicketOptions> options, TimeProvider clock)
{
    /// <summary>Recomputes and stores the ticket's SLA snapshot. Returns the snapshot for callers that react to changes.</summary>
    public async Task<SlaSnapshot> ApplyAsync(AppDbContext db, Ticket ticket, IReadOnlyList<TicketEvent> events, CancellationToken ct)
    {
        var service = ticket.ServiceType
            ?? await db.Set<ServiceType>().AsNoTracking().FirstAsync(s => s.Id == ticket.ServiceTypeId, ct);
        var snapshot = await CalculateCoreAsync(service, events, ct);
        ticket.FirstResponseSla = Map(snapshot.FirstResponse);
        ticket.ResolutionSla = Map(snapshot.Resolution);
        ticket.FirstResponseDueAtUtc = snapshot.FirstResponse.DueAtUtc;
        ticket.ResolutionDueAtUtc = snapshot.Resolution.DueAtUtc;
        ticket.ResolutionMinutesLeft = snapshot.Resolution.IsRunning || snapshot.Resolution.IsPaused
            ? (int)Math.Round(snapshot.Resolution.Remaining.TotalMinutes)
            : null;
        ticket.EverBreached |= snapshot.Worst == SlaState.Breached;
        ticket.FirstResponseWorkingMinutes = StoppedWorkingMinutes(snapshot.FirstResponse);
        ticket.ResolutionWorkingMinutes = StoppedWorkingMinutes(snapshot.Resolution);
        ticket.SlaRefreshedAtUtc = snapshot.AsOfUtc;
        return snapshot;
    }

    /// <summary>
    /// The working time a clock counted, in whole minutes, once it has stopped (met or breached, neither running nor
    /// paused); null while it still runs, is paused or has not started.
    /// </summary>
    public static int? StoppedWorkingMinutes(SlaClock clock) =>
        clock is { IsRunning: false, IsPaused: false, State: SlaState.Met or SlaState.Breached }
            ? (int)Math.Round(clock.Elapsed.TotalMinutes, MidpointRounding.AwayFromZero)
            : null;

    /// <summary>The live view for the ticket page.</summary>
    public async Task<TicketSlaView> CalculateAsync(Ticket ticket, IReadOnlyList<TicketEvent> events, CancellationToken ct)
    {
        var snapshot = await CalculateCoreAsync(ticket.ServiceType!, events, ct);
        return new TicketSlaView(snapshot.FirstResponse, snapshot.Resolution, Map(snapshot.FirstResponse), Map(snapshot.Resolution));
    }

    private async Task<SlaSnapshot> CalculateCoreAsync(ServiceType service, IReadOnlyList<TicketEvent> events, CancellationToken ct)
    {
        var calendar = await calendars.GetAsync(ct);
        var targets = SlaTargets.FromWorkingDays(service.FirstResponseWorkingDays, service.ResolutionWorkingDays, calendar);
        return TicketSlaCalculator.Calculate(ToSlaEvents(events), targets, calendar, clock, options.Value.AtRiskThreshold);
    }

    /// <summary>The events that move the clocks; everything else (notes, assignments, handoffs) leaves them alone.</summary>
    public static IReadOnlyList<SlaEvent> ToSlaEvents(IEnumerable<TicketEvent> events) =>
        [.. events.Select(e => e.Kind switch
            {
                TicketEventKind.Created => new SlaEvent(SlaEventKind.Created, e.AtUtc),
                TicketEventKind.Replied => new SlaEvent(SlaEventKind.FirstResponse, e.AtUtc),
                TicketEventKind.Paused => new SlaEvent(SlaEventKind.Paused, e.AtUtc),
                TicketEventKind.Resumed => new SlaEvent(SlaEventKind.Resumed, e.AtUtc),
                TicketEventKind.Resolved => new SlaEvent(SlaEventKind.Resolved, e.AtUtc),
                TicketEventKind.Reopened => new SlaEvent(SlaEventKind.Reopened, e.AtUtc),
                _ => null,
            })
            .OfType<SlaEvent>()];

    /// <summary>The stored status of a clock: breach first, then a pause (at risk or not), met, at risk, on track.</summary>
    public static SlaStatus Map(SlaClock clock) => clock switch
    {
        { State: SlaState.Breached } => SlaStatus.Breached,
        { IsPaused: true, State: SlaState.AtRisk } => SlaStatus.PausedRisk,
        { IsPaused: true } => SlaStatus.Paused,
        { State: SlaState.Met } => SlaStatus.Met,
        { State: SlaState.AtRisk } => SlaStatus.AtRisk,
        _ => SlaStatus.OnTrack,
    };
}

/// <summary>Both clocks for the ticket page, with the list-chip status of each.</summary>
public sealed record TicketSlaView(SlaClock FirstResponse, SlaClock Resolution, SlaStatus FirstResponseStatus, SlaStatus ResolutionStatus);
