using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
namespace KopUkm.Dashboard.Features.Backups;

public static class BackupsSetup
{
    /// <summary>Nightly verified SQLite backups and restore, and a backup before every upgrade's migrations.</summary>
    public static IServiceCollection AddBackups(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<BackupOptions>("Backup");
        services.AddSingleton<SqliteBackupService>();
        services.AddScoped<BackupJob>();
        services.AddSingleton<IBeforeMigrations, PreMigrationBackup>();
        return services;
    }
}
