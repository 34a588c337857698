using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Calendar;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static KopUkm.Dashboard.Features.Tickets.TicketActionSupport;

namespace KopUkm.Dashboard.Features.Tickets;

/// <summary>
/// Handoffs between divisions: the transfer with its reason and acceptance target, and its acceptance, which is the
/// receiving division's first action on the ticket (recorded by <see cref="TicketActionRecorder"/>).
/// </summary>
public sealed class TicketHandoffs(
    IDbContextFactory<AppDbContext> dbFactory,
    AccessGuard guard,
    IOptions<TicketOptions> options,
    WorkingCalendarProvider calendars,
    TicketActionRecorder recorder,
    TimeProvider clock)
{
    /// <summary>Transfers a ticket to another division with a reason; the receiving division has its own acceptance target.</summary>
    public async Task<CommandResult> HandOffAsync(int id, long version, int toDivisionId, string reason, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewTickets);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await LoadForWorkAsync(db, id, version, user, ct) is not { } ticket)
        {
            return CommandResult.Conflict();
        }

        var body = reason?.Trim() ?? "";
        if (body.Length == 0)
        {
            return CommandResult.Fail("Tickets.ReasonRequired", "Text");
        }

        if (toDivisionId == ticket.DivisionId || !await db.Set<Division>().AnyAsync(d => d.Id == toDivisionId && d.IsActive, ct))
        {
            return CommandResult.Fail("Tickets.HandoffTarget", "Division");
        }

        if (!TicketWorkflow.IsOpen(ticket.Status))
        {
            return CommandResult.Fail("Tickets.Closed");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var calendar = await calendars.GetAsync(ct);
        db.Add(new TicketHandoff
        {
            TicketId = id,
            FromDivisionId = ticket.DivisionId,
            ToDivisionId = toDivisionId,
            Reason = body,
            ByName = user.DisplayName,
            HandedOffAtUtc = now,
            AcceptanceDueAtUtc = calendar.AddWorkingDays(now, options.Value.HandoffAcceptanceWorkingDays),
        });
        var from = ticket.Status;
        var handedOff = Event(id, TicketEventKind.HandedOff, user, now, from, TicketStatus.Baru, text: body);
        handedOff.FromDivisionId = ticket.DivisionId;
        handedOff.ToDivisionId = toDivisionId;
        ticket.DivisionId = toDivisionId;
        ticket.AssignedUserId = null;
        ticket.AssignedUserName = null;
        ticket.Status = TicketStatus.Baru;
        return await recorder.SaveAsync(db, ticket, user, [handedOff], ct, countsAsAcceptance: false);
    }

    /// <summary>Working minutes the receiving division took to first act on a handoff; null while it is pending.</summary>
    public static int? AcceptanceWorkingMinutes(TicketHandoff handoff, WorkingCalendar calendar) =>
        handoff.AcceptedAtUtc is { } accepted
            ? (int)Math.Round(calendar.WorkingTimeBetween(handoff.HandedOffAtUtc, accepted).TotalMinutes, MidpointRounding.AwayFromZero)
            : null;

    /// <summary>A handoff is accepted when someone of the receiving division first acts on the ticket: marks pending ones.</summary>
    internal static async Task AcceptPendingAsync(AppDbContext db, Ticket ticket, UserContext user, TimeProvider clock, WorkingCalendarProvider calendars, CancellationToken ct)
    {
        if (user.DivisionId != ticket.DivisionId)
        {
            return;
        }

        var pending = await db.Set<TicketHandoff>()
            .Where(h => h.TicketId == ticket.Id && h.ToDivisionId == ticket.DivisionId && h.AcceptedAtUtc == null)
            .ToListAsync(ct);
        var calendar = pending.Count > 0 ? await calendars.GetAsync(ct) : null;
        foreach (var handoff in pending)
        {
            handoff.AcceptedAtUtc = clock.GetUtcNow().UtcDateTime;
            handoff.AcceptanceWorkingMinutes = AcceptanceWorkingMinutes(handoff, calendar!);
        }
    }
}
