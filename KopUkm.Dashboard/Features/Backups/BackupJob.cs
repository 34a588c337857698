using Hangfire;

namespace KopUkm.Dashboard.Features.Backups;

/// <summary>Nightly online backup of the SQLite database with a retention count.</summary>
public sealed class BackupJob(SqliteBackupService backups)
{
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 2)]
    public async Task RunAsync(CancellationToken ct)
    {
        var result = await backups.BackupNightlyAsync(ct);
        if (!result.Succeeded)
        {
            // Failing the job makes it visible (and retried) in the jobs dashboard.
            throw new InvalidOperationException($"Backup failed: {result.Failure} {result.Detail}");
        }
    }
}
