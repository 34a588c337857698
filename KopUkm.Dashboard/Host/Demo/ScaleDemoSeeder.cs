using System.Diagnostics;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Account.Demo;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Host.Demo;

/// <summary>
/// <c>seed-demo --scale</c>: the demo accounts and teams, then an office of the given <see cref="DemoScale"/> for load
/// measurements, each feature through its own demo seeder and generators. A part whose table already holds rows is
/// left as it is. The bulk rows are written by prepared inserts and bypass the audit trail: no audit rows are written
/// for them (the accounts, made through Identity, are audited as usual).
/// </summary>
public sealed class ScaleDemoSeeder(
    IDbContextFactory<AppDbContext> dbFactory,
    DemoDataSeeder demo,
    IEnumerable<IScaleSeeder> parts)
{
    /// <summary>The seed when none is given.</summary>
    public const int DefaultSeed = 2026;

    /// <summary>Seeds every part that is still empty. The same seed, reference data and day give the same data.</summary>
    public async Task<ScaleDemoSeedResult> SeedAsync(DemoScale scale, int seed = DefaultSeed, IProgress<DemoSeedProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scale);
        var stopwatch = Stopwatch.StartNew();
        var counts = new Dictionary<string, int> { [ScaleDemoSeedResult.Accounts] = await demo.SeedDemoUsersAsync() };
        foreach (var part in parts.OrderBy(p => p.Order))
        {
            foreach (var (name, count) in await part.SeedScaleAsync(scale, seed, progress, ct))
            {
                counts[name] = counts.GetValueOrDefault(name) + count;
            }
        }

        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (db.Database.IsSqlite())
            {
                // Fold the write-ahead log into the database file, so the first readers do not pay for it.
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
            }
            else if (db.Database.IsNpgsql())
            {
                // Freshly bulk-loaded tables have no planner statistics until autovacuum gets round to them (a minute or
                // more later), so the first queries are planned from guesses (a seq scan and sort for a deep page of
                // 10,000 tickets estimated at 1,240). VACUUM ANALYZE gives the planner its statistics and marks the pages
                // all-visible, so index-only scans need not visit the table: the measurements start from a settled database.
                db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
                await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE;", ct);
            }
        }

        return new ScaleDemoSeedResult(counts, stopwatch.Elapsed);
    }
}

/// <summary>What a scale seeding added, by the parts' names (<c>Tickets</c>, <c>TicketEvents</c>…); a part that already held rows counts 0.</summary>
public sealed record ScaleDemoSeedResult(IReadOnlyDictionary<string, int> Counts, TimeSpan Elapsed)
{
    /// <summary>Demo accounts and teams created by any part.</summary>
    public const string Accounts = "Accounts";

    /// <summary>The count of a part's rows; 0 for a name no part wrote.</summary>
    public int this[string name] => Counts.GetValueOrDefault(name);
}
