using System.Diagnostics;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Calendar;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Tickets;

/// <summary>
/// Fills the stored working durations (<see cref="Ticket.FirstResponseWorkingMinutes"/>,
/// <see cref="Ticket.ResolutionWorkingMinutes"/>, <see cref="TicketHandoff.AcceptanceWorkingMinutes"/>) on rows
/// written before those columns existed. Open tickets would get theirs from the five-minute SLA refresh, but resolved
/// and closed tickets are never refreshed again, so they are done here, at start after the migration.
/// </summary>
/// <remarks>
/// The values are written with set-based updates of only these columns: this is a schema upgrade, not a change
/// anyone made, so it neither bumps the rows' versions (an editor's open form stays valid) nor writes audit rows.
/// A rerun finds only rows whose clock stopped but whose duration is still missing, normally none.
/// </remarks>
public sealed class TicketWorkingDurationBackfill(
    IDbContextFactory<AppDbContext> dbFactory,
    TicketSlaProjector sla,
    WorkingCalendarProvider calendars,
    ILogger<TicketWorkingDurationBackfill> logger) : IDataBackfill
{
    private const int BatchSize = 500;

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var written = await FillTicketsAsync(ct) + await FillHandoffsAsync(ct);
        if (written > 0)
        {
            logger.LogInformation("Filled working durations on {Count} tickets and handoffs in {Seconds:0.0} s", written, stopwatch.Elapsed.TotalSeconds);
        }

        return written;
    }

    private async Task<int> FillTicketsAsync(CancellationToken ct)
    {
        List<int> ids;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            ids = await db.Set<Ticket>().AsNoTracking()
                .Where(t => (t.ResolvedAtUtc != null && t.ResolutionWorkingMinutes == null)
                            || ((t.FirstRespondedAtUtc != null || t.ResolvedAtUtc != null) && t.FirstResponseWorkingMinutes == null))
                .OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(ct);
        }

        var written = 0;
        foreach (var batch in ids.Chunk(BatchSize))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var tickets = await db.Set<Ticket>().AsNoTracking().Include(t => t.ServiceType).Where(t => batch.Contains(t.Id)).ToListAsync(ct);
            var events = (await db.Set<TicketEvent>().AsNoTracking().Where(e => batch.Contains(e.TicketId)).ToListAsync(ct))
                .ToLookup(e => e.TicketId);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var ticket in tickets)
            {
                var view = await sla.CalculateAsync(ticket, [.. events[ticket.Id]], ct);
                var firstResponse = TicketSlaProjector.StoppedWorkingMinutes(view.FirstResponse);
                var resolution = TicketSlaProjector.StoppedWorkingMinutes(view.Resolution);
                if (firstResponse is null && resolution is null)
                {
                    continue;
                }

                written += await db.Set<Ticket>().Where(t => t.Id == ticket.Id).ExecuteUpdateAsync(
                    set => set.SetProperty(t => t.FirstResponseWorkingMinutes, firstResponse)
                        .SetProperty(t => t.ResolutionWorkingMinutes, resolution),
                    ct);
            }

            await transaction.CommitAsync(ct);
        }

        return written;
    }

    private async Task<int> FillHandoffsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pending = await db.Set<TicketHandoff>().AsNoTracking()
            .Where(h => h.AcceptedAtUtc != null && h.AcceptanceWorkingMinutes == null)
            .ToListAsync(ct);
        if (pending.Count == 0)
        {
            return 0;
        }

        var calendar = await calendars.GetAsync(ct);
        var written = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var handoff in pending)
        {
            var minutes = TicketHandoffs.AcceptanceWorkingMinutes(handoff, calendar);
            written += await db.Set<TicketHandoff>().Where(h => h.Id == handoff.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(h => h.AcceptanceWorkingMinutes, minutes), ct);
        }

        await transaction.CommitAsync(ct);
        return written;
    }
}
