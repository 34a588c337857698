using KopUkm.Dashboard.Common;
namespace KopUkm.Dashboard.Features.Backups;

public static class BackupsSetup
{
    /// <summary>Nightly verified SQLite backups and restore.</summary>
    public static IServiceCollection AddBackups(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<BackupOptions>("Backup");
        services.AddSingleton<SqliteBackupService>();
        services.AddScoped<BackupJob>();
        return services;
    }
}
