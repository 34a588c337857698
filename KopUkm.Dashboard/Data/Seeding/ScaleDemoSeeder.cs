using System.Diagnostics;
using KopUkm.Dashboard.Features.Assignments;
using KopUkm.Dashboard.Features.Content;
using KopUkm.Dashboard.Features.Cooperatives;
using KopUkm.Dashboard.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Data.Seeding;

/// <summary>
/// <c>seed-demo --scale</c>: the demo accounts and teams, then an office of the given <see cref="DemoScale"/> for load
/// measurements, each feature through its own demo seeder and generators. A part whose table already holds rows is
/// left as it is. The bulk rows are written by prepared inserts and bypass the audit trail: no audit rows are written
/// for them (the accounts, made through Identity, are audited as usual).
/// </summary>
public sealed class ScaleDemoSeeder(
    IDbContextFactory<AppDbContext> dbFactory,
    DemoDataSeeder demo,
    CooperativeDemoSeeder cooperatives,
    TicketDemoSeeder tickets,
    ContentDemoSeeder content,
    ItTaskDemoSeeder itTasks)
{
    /// <summary>The seed when none is given.</summary>
    public const int DefaultSeed = 2026;

    /// <summary>Seeds every part that is still empty. The same seed, reference data and day give the same data.</summary>
    public async Task<ScaleDemoSeedResult> SeedAsync(DemoScale scale, int seed = DefaultSeed, IProgress<DemoSeedProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scale);
        var stopwatch = Stopwatch.StartNew();
        var accounts = await demo.SeedDemoUsersAsync();
        var register = await cooperatives.SeedScaleAsync(scale, seed, progress, ct);
        var requests = await tickets.SeedScaleAsync(scale, seed, progress, ct);
        var pages = await content.SeedScaleAsync(scale, seed, progress, ct);
        var tasks = await itTasks.SeedScaleAsync(scale, seed, progress, ct);

        // Fold the write-ahead log into the database file, so the first readers do not pay for it.
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
            }
        }

        return new ScaleDemoSeedResult(
            accounts + requests.OfficersCreated + tasks.StaffCreated,
            register.Cooperatives,
            register.Cases,
            requests.Tickets,
            requests.Events,
            requests.Handoffs,
            pages,
            tasks.Tasks,
            stopwatch.Elapsed);
    }
}

/// <summary>What a scale seeding added; a part that already held rows counts 0.</summary>
public sealed record ScaleDemoSeedResult(
    int Accounts, int Cooperatives, int RegistrationCases, int Tickets, int TicketEvents, int Handoffs, int ContentItems, int ItTasks, TimeSpan Elapsed);
