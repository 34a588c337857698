using Hangfire;
using KopUkm.Dashboard.Jobs;

namespace KopUkm.Dashboard.Data.Seeding;

/// <summary>What every start does before serving: migrate, seed reference data and roles, and register schedules.</summary>
public static class StartupTasks
{
    public static async Task PrepareAsync(WebApplication app)
    {
        await DatabaseSetup.MigrateAsync(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync();
        var demo = scope.ServiceProvider.GetRequiredService<DemoDataSeeder>();
        await demo.EnsureRolesAsync();
        if (app.Configuration.GetValue<bool>("Demo:SeedUsers"))
        {
            await demo.SeedDemoUsersAsync();
        }

        RecurringJobs.Register(app.Services.GetRequiredService<IRecurringJobManager>(), app.Configuration);
    }
}
