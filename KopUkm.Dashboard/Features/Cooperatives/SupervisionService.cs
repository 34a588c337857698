using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Localization;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Cooperatives;

/// <summary>
/// Marks the cooperatives the supervision division should look at, and unmarks them once the reason is gone.
/// Run nightly by <see cref="SupervisionFlagJob"/> and once after the demo data is seeded.
/// </summary>
public sealed class SupervisionService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Rows loaded and saved per round trip: keeps the change tracker and each transaction small.</summary>
    public const int BatchSize = 500;

    /// <summary>
    /// Sets <see cref="Cooperative.NeedsSupervision"/> and <see cref="Cooperative.SupervisionReasons"/> on every
    /// cooperative from <see cref="SupervisionRules"/> as of today in WIB, and clears them where no reason holds any
    /// more. Only rows whose flags actually change are written, as tracked updates, so each change gets its version
    /// bump and audit row; a second run on unchanged data writes nothing.
    /// </summary>
    /// <remarks>
    /// The database evaluates the rule over all rows in one query that returns only the rows to change. A row edited
    /// between that query and its update is skipped (the next run judges it on its new data); one edited within the
    /// few milliseconds of its batch's save fails the run with <see cref="ConcurrencyConflictException"/>, and the
    /// job's retry, which changes nothing twice, finishes it.
    /// </remarks>
    public async Task<SupervisionRunResult> FlagCandidatesAsync(CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(WibTime.ToWib(clock.GetUtcNow().UtcDateTime));
        List<SupervisionCheck> changes;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            changes = await db.Set<Cooperative>().AsNoTracking()
                .Select(SupervisionRules.Check(today))
                .Where(c => c.Due != c.Current || c.Flagged != (c.Due != SupervisionReason.None))
                .OrderBy(c => c.Id)
                .ToListAsync(ct);
        }

        var updated = 0;
        foreach (var batch in changes.Chunk(BatchSize))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var byId = batch.ToDictionary(c => c.Id);
            var ids = byId.Keys.ToList();
            var rows = await db.Set<Cooperative>().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
            foreach (var row in rows.Where(r => r.Version == byId[r.Id].Version))
            {
                row.SupervisionReasons = byId[row.Id].Due;
                row.NeedsSupervision = row.SupervisionReasons != SupervisionReason.None;
                updated++;
            }

            await db.SaveChangesAsync(ct);
        }

        await using var countDb = await dbFactory.CreateDbContextAsync(ct);
        var candidates = await countDb.Set<Cooperative>().CountAsync(c => c.NeedsSupervision, ct);
        return new SupervisionRunResult(updated, changes.Count - updated, candidates);
    }
}

/// <param name="Updated">Cooperatives whose flags changed (each with an audit row).</param>
/// <param name="Skipped">Cooperatives edited while the run was under way, left for the next run.</param>
/// <param name="Candidates">Cooperatives flagged after the run.</param>
public sealed record SupervisionRunResult(int Updated, int Skipped, int Candidates);
