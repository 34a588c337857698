using System.Globalization;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Content;

/// <summary>
/// The review-age pass: recomputes every live item's review date and freshness, and moves published items past
/// their review date to Perlu Pembaruan with the reason "review overdue". Running it twice changes nothing more.
/// </summary>
public sealed class ContentReviewAgeService(IDbContextFactory<AppDbContext> dbFactory, ChangeNotifier changes, TimeProvider clock)
{
    private const int BatchSize = 500;

    public Task<ReviewAgeResult> RunAsync(CancellationToken ct = default) => RunAsOfAsync(clock.GetUtcNow().UtcDateTime, ct);

    /// <summary>The pass as of a given instant: the demo seeding runs it as of the start of the day (DemoDay).</summary>
    internal async Task<ReviewAgeResult> RunAsOfAsync(DateTime now, CancellationToken ct = default)
    {
        long lastId = 0;
        int scanned = 0, flagged = 0, updated = 0;
        var touchedDivisions = new HashSet<int>();
        var retries = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            // Keyset batches, one short transaction each: editors keep working while the pass runs.
            var batch = await db.Set<ContentItem>()
                .Where(LiveContent.IsLive)
                .Where(c => c.Id > lastId)
                .OrderBy(c => c.Id)
                .Take(BatchSize)
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            var batchStart = lastId;
            var (batchUpdated, batchFlagged) = (updated, flagged);
            lastId = batch[^1].Id;
            scanned += batch.Count;
            foreach (var item in batch)
            {
                var before = (item.ReviewDueAtUtc, item.Freshness, item.State);
                if (Age(item, now) is { } flaggedEvent)
                {
                    db.Add(flaggedEvent);
                    flagged++;
                }

                if (before != (item.ReviewDueAtUtc, item.Freshness, item.State))
                {
                    updated++;
                    touchedDivisions.Add(item.OwnerDivisionId);
                }
            }

            try
            {
                await db.SaveChangesAsync(ct);
                retries = 0;
            }
            catch (ConcurrencyConflictException) when (retries < 3)
            {
                // Someone saved an item of this batch meanwhile: their save wins; redo the batch from fresh rows.
                retries++;
                (lastId, updated, flagged) = (batchStart, batchUpdated, batchFlagged);
                scanned -= batch.Count;
            }
        }

        foreach (var division in touchedDivisions)
        {
            changes.Publish(ChangeTopic.Content, division.ToString(CultureInfo.InvariantCulture));
        }

        return new ReviewAgeResult(scanned, updated, flagged);
    }

    /// <summary>
    /// One item's part of the pass: recomputes its review date and freshness and, when a published item is past its
    /// review date, moves it to Perlu Pembaruan. Returns the history row to record that move, or null.
    /// </summary>
    internal static ContentEvent? Age(ContentItem item, DateTime now)
    {
        ContentFreshnessRules.Refresh(item, now);
        if (item.State != ContentState.Terbit || item.Freshness != ContentFreshness.Overdue)
        {
            return null;
        }

        item.State = ContentState.PerluPembaruan;
        item.StateChangedAtUtc = now;
        item.StaleReason = StaleReason.ReviewOverdue;
        return ContentActionSupport.Event(
            item.Id, ContentEventKind.FlaggedStale, UserContext.System, now, ContentState.Terbit, ContentState.PerluPembaruan, nameof(StaleReason.ReviewOverdue));
    }
}

public sealed record ReviewAgeResult(int Scanned, int Updated, int FlaggedStale);
