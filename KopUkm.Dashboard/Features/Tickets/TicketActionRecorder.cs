using System.Globalization;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Calendar;
using KopUkm.Dashboard.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Tickets;

/// <summary>
/// Saves one action on a ticket the same way for every use case: its new events, acceptance of a pending handoff,
/// the refreshed SLA snapshot, all in one save, then the <see cref="ChangeTopic.Tickets"/> notice.
/// </summary>
public sealed class TicketActionRecorder(
    WorkingCalendarProvider calendars,
    TicketSlaProjector sla,
    ChangeNotifier changes,
    TimeProvider clock)
{
    /// <summary>Appends the events, marks an open handoff accepted when the receiving division acts, refreshes SLA, saves.</summary>
    internal async Task<CommandResult> SaveAsync(AppDbContext db, Ticket ticket, UserContext user, List<TicketEvent> newEvents, CancellationToken ct, bool countsAsAcceptance = true)
    {
        db.AddRange(newEvents);
        if (countsAsAcceptance)
        {
            await TicketHandoffs.AcceptPendingAsync(db, ticket, user, clock, calendars, ct);
        }

        var events = await db.Set<TicketEvent>().AsNoTracking().Where(e => e.TicketId == ticket.Id).ToListAsync(ct);
        events.AddRange(newEvents);
        await sla.ApplyAsync(db, ticket, events, ct);
        var result = await db.TrySaveAsync(ct);
        if (result.Succeeded)
        {
            changes.Publish(ChangeTopic.Tickets, ticket.DivisionId.ToString(CultureInfo.InvariantCulture));
        }

        return result;
    }
}
