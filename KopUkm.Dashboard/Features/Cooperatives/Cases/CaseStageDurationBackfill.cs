using System.Diagnostics;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Calendar;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Cooperatives.Cases;

/// <summary>
/// Fills <see cref="CaseEvent.StageWorkingMinutes"/> on stage changes recorded before the column existed (and on the
/// demo cases, which are generated without it): for each change, the working time since the case entered the stage
/// it left — its submission or the stage change before. Written with set-based updates of that column only, like
/// any schema upgrade: no version bump, no audit rows. A rerun finds nothing to do.
/// </summary>
public sealed class CaseStageDurationBackfill(
    IDbContextFactory<AppDbContext> dbFactory,
    WorkingCalendarProvider calendars,
    ILogger<CaseStageDurationBackfill> logger) : IDataBackfill
{
    private const int BatchSize = 500;

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var stopwatch = Stopwatch.StartNew();
        List<int> caseIds;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            caseIds = await db.Set<CaseEvent>().AsNoTracking()
                .Where(e => e.Kind == CaseEventKind.StageChanged && e.StageWorkingMinutes == null)
                .Select(e => e.CaseId).Distinct().OrderBy(id => id).ToListAsync(ct);
        }

        if (caseIds.Count == 0)
        {
            return 0;
        }

        var calendar = await calendars.GetAsync(ct);
        var written = 0;
        foreach (var batch in caseIds.Chunk(BatchSize))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var entries = (await db.Set<CaseEvent>().AsNoTracking()
                    .Where(e => batch.Contains(e.CaseId) && (e.Kind == CaseEventKind.Submitted || e.Kind == CaseEventKind.StageChanged))
                    .Select(e => new { e.Id, e.CaseId, e.Kind, e.AtUtc, e.StageWorkingMinutes })
                    .ToListAsync(ct))
                .GroupBy(e => e.CaseId);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var history in entries)
            {
                DateTime? enteredAt = null;
                foreach (var entry in history.OrderBy(e => e.AtUtc).ThenBy(e => e.Id))
                {
                    if (entry.Kind == CaseEventKind.StageChanged && entry.StageWorkingMinutes is null && enteredAt is { } entered)
                    {
                        var minutes = StageClock.WorkingMinutesInStage(entered, entry.AtUtc, calendar);
                        written += await db.Set<CaseEvent>().Where(e => e.Id == entry.Id)
                            .ExecuteUpdateAsync(set => set.SetProperty(e => e.StageWorkingMinutes, minutes), ct);
                    }

                    enteredAt = entry.AtUtc;
                }
            }

            await transaction.CommitAsync(ct);
        }

        if (written > 0)
        {
            logger.LogInformation("Filled the time in stage on {Count} case stage changes in {Seconds:0.0} s", written, stopwatch.Elapsed.TotalSeconds);
        }

        return written;
    }
}
