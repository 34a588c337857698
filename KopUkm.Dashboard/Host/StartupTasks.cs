using Hangfire;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Host.Demo;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Host;

/// <summary>What every start does before serving: migrate, seed reference data and roles, and register schedules.</summary>
public static class StartupTasks
{
    public static async Task PrepareAsync(WebApplication app)
    {
        // Before anything is written: a bad setting stops the start here, naming its key.
        app.Services.CheckSettings();
        // Several instances may start together on PostgreSQL: one migrates and seeds, the others wait and find it done.
        await DatabaseSetup.UnderStartupLockAsync(app.Services, () => PrepareDataAsync(app));
        RecurringJobs.Register(app.Services.GetRequiredService<IRecurringJobManager>(), app.Configuration);
    }

    private static async Task PrepareDataAsync(WebApplication app)
    {
        await DatabaseSetup.MigrateAsync(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        await SeedReferenceDataAsync(scope.ServiceProvider);
        var demo = scope.ServiceProvider.GetRequiredService<DemoDataSeeder>();
        await demo.EnsureRolesAsync();
        // Demo accounts share a published password: never where the environment says Production, whatever the
        // settings or launch profile say.
        if (app.Services.GetRequiredService<IOptions<DemoOptions>>().Value.SeedUsers && !app.Environment.IsProduction())
        {
            await demo.SeedDemoUsersAsync();

            // Each feature's demo data, in Development only; a Demo:Seed* switch lets a throwaway host (the HTTP and
            // browser tests) skip the seconds a part costs.
            if (app.Environment.IsDevelopment())
            {
                foreach (var seeder in DemoSeeders(scope.ServiceProvider).Where(s => app.Configuration.GetValue(s.Switch, true)))
                {
                    await seeder.SeedDemoAsync(seed: null);
                }

                await DatabaseSetup.AdvanceIdentitySequencesAsync(scope.ServiceProvider);
            }
        }

        await BackfillAsync(scope.ServiceProvider);
    }

    /// <summary>Every feature's demo seeder, in the order they must run.</summary>
    public static IEnumerable<IDemoSeeder> DemoSeeders(IServiceProvider services) =>
        services.GetServices<IDemoSeeder>().OrderBy(s => s.Order);

    /// <summary>Every feature's <see cref="IDataBackfill"/>, after the data (and any demo data) is in place.</summary>
    public static async Task BackfillAsync(IServiceProvider services, CancellationToken ct = default)
    {
        foreach (var backfill in services.GetServices<IDataBackfill>())
        {
            await backfill.RunAsync(ct);
        }
    }

    /// <summary>Every feature's reference data, the office's base data (regions, divisions, calendar) first.</summary>
    public static async Task SeedReferenceDataAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await services.GetRequiredService<ReferenceDataSeeder>().SeedAsync(ct);
        foreach (var seeder in services.GetServices<IReferenceSeeder>())
        {
            await seeder.SeedAsync(ct);
        }
    }
}
