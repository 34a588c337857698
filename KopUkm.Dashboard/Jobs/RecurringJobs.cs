using Hangfire;
using KopUkm.Dashboard.Features.Backups;
using KopUkm.Dashboard.Localization;

namespace KopUkm.Dashboard.Jobs;

/// <summary>The one list of recurring schedules, all in WIB. The jobs themselves live in their features.</summary>
public static class RecurringJobs
{
    public const string NightlyBackup = "backup-nightly";

    internal static void AddJobServices(IServiceCollection services)
    {
        services.AddScoped<BackupJob>();
    }

    public static void Register(IRecurringJobManager jobs, IConfiguration configuration)
    {
        var wib = new RecurringJobOptions { TimeZone = WibTime.Zone };
        jobs.AddOrUpdate<BackupJob>(
            NightlyBackup,
            job => job.RunAsync(CancellationToken.None),
            configuration["Backup:Schedule"] ?? "0 1 * * *",
            wib);
    }
}
