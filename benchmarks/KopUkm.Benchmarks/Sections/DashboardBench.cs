using KopUkm.Benchmarks.Harness;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.PostgreSql;
using KopUkm.Dashboard.Features.Dashboard;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KopUkm.Benchmarks.Sections;

/// <summary>
/// The dashboard's aggregates for the whole office and for the busiest division: the computation the shared feed runs
/// (<c>DashboardQueries.ComputeAsync</c> plus the task board's figures, a fresh context each time), the hand-written
/// SQL floor on the same database, and the cached path a page takes (<see cref="DashboardService.GetAsync"/>).
/// </summary>
internal static class DashboardBench
{
    public const double TargetP50Ms = 100;
    public const double TargetRatio = 1.5;

    public static async Task<IReadOnlyList<DashboardResult>> RunAsync(BenchApp app, ScaleData data, HarnessOptions options)
    {
        var factory = app.Get<IDbContextFactory<AppDbContext>>();
        int busiest;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var open = TicketWorkflow.OpenStatuses;
            busiest = await db.Set<Ticket>().Where(t => open.Contains(t.Status)).GroupBy(t => t.DivisionId)
                .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        }

        var registrationCode = "KLM";
        int? registrationDivision;
        await using (var db = await factory.CreateDbContextAsync())
        {
            registrationDivision = await db.Set<Division>().Where(d => d.Code == registrationCode).Select(d => (int?)d.Id).FirstOrDefaultAsync();
        }

        // The floor reads the same database as the app: the SQLite file, or the PostgreSQL database with the app's session
        // settings (UTC time zone).
        var connection = data.Provider == BenchProvider.Sqlite
            ? DatabaseSetup.SqliteConnectionString(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), app.Get<DataPaths>())
            : PostgreSqlDatabase.ConnectionString(data.ConnectionString!);
        var dashboard = app.Get<DashboardService>();
        var results = new List<DashboardResult>();
        foreach (var (label, scope) in new (string, int?)[] { ("whole office", null), ("one division", busiest) })
        {
            var now = DateTime.UtcNow;
            var registrationsApply = scope is null || scope == registrationDivision;

            async Task<DashboardSnapshot> ComputeAsync()
            {
                await using var db = await factory.CreateDbContextAsync();
                return await DashboardQueries.ComputeAsync(db, scope, registrationCode, now, CancellationToken.None);
            }

            var differences = DashboardFloor.Compute(data.Provider, connection, scope, registrationsApply, now).DifferencesFrom(await ComputeAsync());
            var ef = await Timing.MeasureAsync(ComputeAsync, options.WarmUps, options.Runs);
            var floor = Timing.Measure(() => DashboardFloor.Compute(data.Provider, connection, scope, registrationsApply, now), options.WarmUps, options.Runs);
            var cached = await Timing.MeasureAsync(() => dashboard.GetAsync(scope), options.WarmUps, options.Runs);
            results.Add(new DashboardResult(label, ef, floor, cached, differences));
        }

        return results;
    }
}

internal sealed record DashboardResult(string Scope, Sample Ef, Sample Floor, Sample Cached, IReadOnlyList<string> Differences)
{
    public double Ratio => Ef.P50 / Floor.P50;

    public bool Met => Ef.P50 <= DashboardBench.TargetP50Ms && Ratio <= DashboardBench.TargetRatio;
}
