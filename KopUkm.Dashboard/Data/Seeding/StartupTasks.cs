using Hangfire;
using KopUkm.Dashboard.Features.Assignments;
using KopUkm.Dashboard.Features.Cooperatives;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Jobs;

namespace KopUkm.Dashboard.Data.Seeding;

/// <summary>What every start does before serving: migrate, seed reference data and roles, and register schedules.</summary>
public static class StartupTasks
{
    public static async Task PrepareAsync(WebApplication app)
    {
        await DatabaseSetup.MigrateAsync(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        await SeedReferenceDataAsync(scope.ServiceProvider);
        var demo = scope.ServiceProvider.GetRequiredService<DemoDataSeeder>();
        await demo.EnsureRolesAsync();
        if (app.Configuration.GetValue<bool>("Demo:SeedUsers"))
        {
            await demo.SeedDemoUsersAsync();

            // Demo:SeedCooperatives lets a throwaway Development host (the HTTP and browser tests) skip the few
            // seconds the demo register costs.
            if (app.Environment.IsDevelopment() && app.Configuration.GetValue("Demo:SeedCooperatives", true))
            {
                await scope.ServiceProvider.GetRequiredService<CooperativeDemoSeeder>().SeedAsync();
            }

            // Demo:SeedTickets likewise, for the year of demo tickets.
            if (app.Environment.IsDevelopment() && app.Configuration.GetValue("Demo:SeedTickets", true))
            {
                await scope.ServiceProvider.GetRequiredService<TicketDemoSeeder>().SeedAsync();
            }

            if (app.Environment.IsDevelopment() && app.Configuration.GetValue("Demo:SeedContent", true))
            {
                await scope.ServiceProvider.GetRequiredService<Features.Content.ContentDemoSeeder>().SeedAsync();
            }

            // Demo:SeedItTasks likewise, for the IT task board (after tickets and cases, which some tasks link to).
            if (app.Environment.IsDevelopment() && app.Configuration.GetValue("Demo:SeedItTasks", true))
            {
                await scope.ServiceProvider.GetRequiredService<ItTaskDemoSeeder>().SeedAsync();
            }
        }

        await BackfillAsync(scope.ServiceProvider);
        RecurringJobs.Register(app.Services.GetRequiredService<IRecurringJobManager>(), app.Configuration);
    }

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
