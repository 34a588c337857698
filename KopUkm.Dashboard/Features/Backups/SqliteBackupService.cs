using System.Globalization;
using KopUkm.Dashboard.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Features.Backups;

/// <summary>
/// Online backups and safe restores of the SQLite database. A backup is taken with <c>VACUUM INTO</c> while the app
/// runs (never a raw copy of a WAL database) and is kept only if <c>PRAGMA integrity_check</c> says "ok". A restore
/// refuses to run under a live app and swaps files atomically, so the database is never half-restored.
/// </summary>
public sealed class SqliteBackupService(DataPaths paths, IOptions<BackupOptions> options, TimeProvider clock, ILogger<SqliteBackupService> logger)
{
    public const string NightlyPrefix = "kopukm-";

    /// <summary>Writes a consistent copy of the live database to <paramref name="targetFile"/> and verifies it.</summary>
    public async Task<BackupResult> BackupToAsync(string targetFile, CancellationToken ct = default)
    {
        var target = Path.GetFullPath(targetFile);
        if (File.Exists(target))
        {
            return BackupResult.Failed(BackupFailure.TargetExists, target);
        }

        if (!File.Exists(paths.DatabaseFile))
        {
            return BackupResult.Failed(BackupFailure.SourceMissing, paths.DatabaseFile);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        File.Delete(partial);
        await using (var source = Open(paths.DatabaseFile, SqliteOpenMode.ReadOnly))
        {
            await source.OpenAsync(ct);
            await using var command = source.CreateCommand();
            command.CommandText = "VACUUM INTO $target";
            command.Parameters.AddWithValue("$target", partial);
            await command.ExecuteNonQueryAsync(ct);
        }

        var check = await IntegrityCheckAsync(partial, ct);
        if (check != "ok")
        {
            File.Delete(partial);
            logger.LogError("Backup failed integrity check: {Result}", check);
            return BackupResult.Failed(BackupFailure.IntegrityCheckFailed, check);
        }

        File.Move(partial, target);
        logger.LogInformation("Backup written to {File}", target);
        return BackupResult.Ok(target, new FileInfo(target).Length);
    }

    /// <summary>The nightly backup: a timestamped file in the backups folder, then the oldest beyond the retention count removed.</summary>
    public async Task<BackupResult> BackupNightlyAsync(CancellationToken ct = default)
    {
        paths.EnsureCreated();
        RemoveAbandonedPartials();
        var stamp = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var result = await BackupToAsync(Path.Combine(paths.BackupsFolder, $"{NightlyPrefix}{stamp}.db"), ct);
        if (result.Succeeded)
        {
            PruneOldBackups();
        }

        return result;
    }

    /// <summary>
    /// A backup killed mid-write leaves its <c>.partial</c> file behind; nightly runs never overlap (the job allows one
    /// run at a time), so any found before a run starts is abandoned.
    /// </summary>
    private void RemoveAbandonedPartials()
    {
        foreach (var abandoned in new DirectoryInfo(paths.BackupsFolder).GetFiles("*.partial"))
        {
            abandoned.Delete();
            logger.LogWarning("Removed an abandoned partial backup {File}", abandoned.Name);
        }
    }

    /// <summary>Nightly backups, newest first.</summary>
    public IReadOnlyList<FileInfo> ListBackups() =>
        new DirectoryInfo(paths.BackupsFolder) is { Exists: true } dir
            ? [.. dir.GetFiles($"{NightlyPrefix}*.db").OrderByDescending(f => f.Name, StringComparer.Ordinal)]
            : [];

    /// <summary>
    /// Replaces the database with <paramref name="sourceFile"/>. Refuses while the app holds the data-folder lock or
    /// when the source fails its integrity check; keeps the replaced database as a "pre-restore" backup.
    /// </summary>
    public async Task<RestoreResult> RestoreFromAsync(string sourceFile, CancellationToken ct = default)
    {
        var source = Path.GetFullPath(sourceFile);
        if (!File.Exists(source))
        {
            return RestoreResult.Failed(RestoreFailure.SourceMissing, source);
        }

        using var appLock = DataFolderLock.TryAcquire(paths);
        if (appLock is null)
        {
            return RestoreResult.Failed(RestoreFailure.AppRunning, paths.DatabaseFile);
        }

        string sourceCheck;
        try
        {
            sourceCheck = await IntegrityCheckAsync(source, ct);
        }
        catch (SqliteException ex)
        {
            sourceCheck = ex.Message;
        }

        if (sourceCheck != "ok")
        {
            return RestoreResult.Failed(RestoreFailure.SourceInvalid, sourceCheck);
        }

        paths.EnsureCreated();
        var staging = paths.DatabaseFile + ".restoring";
        File.Delete(staging);
        await using (var from = Open(source, SqliteOpenMode.ReadOnly))
        await using (var to = Open(staging, SqliteOpenMode.ReadWriteCreate))
        {
            await from.OpenAsync(ct);
            await to.OpenAsync(ct);
            from.BackupDatabase(to);
        }

        if (await IntegrityCheckAsync(staging, ct) != "ok")
        {
            File.Delete(staging);
            return RestoreResult.Failed(RestoreFailure.SourceInvalid, "staging copy");
        }

        string? preRestore = null;
        if (File.Exists(paths.DatabaseFile))
        {
            var stamp = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
            preRestore = Path.Combine(paths.BackupsFolder, $"pre-restore-{stamp}.db");
            var saved = await BackupToAsync(preRestore, ct);
            if (!saved.Succeeded)
            {
                File.Delete(staging);
                return RestoreResult.Failed(RestoreFailure.CurrentUnreadable, saved.Detail ?? "");
            }
        }

        // The old WAL belongs to the old file; left in place it would be replayed onto the restored one.
        File.Delete(paths.DatabaseFile + "-wal");
        File.Delete(paths.DatabaseFile + "-shm");
        File.Move(staging, paths.DatabaseFile, overwrite: true);
        SqliteConnection.ClearAllPools();
        logger.LogInformation("Database restored from {Source}", source);
        return RestoreResult.Ok(preRestore);
    }

    /// <summary>Runs SQLite's own consistency check on a database file; "ok" means sound.</summary>
    public static async Task<string> IntegrityCheckAsync(string file, CancellationToken ct = default)
    {
        await using var connection = Open(file, SqliteOpenMode.ReadOnly);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var result = await command.ExecuteScalarAsync(ct);
        return result?.ToString() ?? "no result";
    }

    private void PruneOldBackups()
    {
        foreach (var stale in ListBackups().Skip(Math.Max(1, options.Value.RetentionCount)))
        {
            stale.Delete();
            logger.LogInformation("Removed old backup {File}", stale.Name);
        }
    }

    private static SqliteConnection Open(string file, SqliteOpenMode mode) =>
        new(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false, DefaultTimeout = 30 }.ToString());
}

public enum BackupFailure
{
    None = 0,
    TargetExists,
    SourceMissing,
    IntegrityCheckFailed,
}

public sealed record BackupResult(bool Succeeded, BackupFailure Failure, string? File, long Bytes, string? Detail)
{
    public static BackupResult Ok(string file, long bytes) => new(true, BackupFailure.None, file, bytes, null);

    public static BackupResult Failed(BackupFailure failure, string detail) => new(false, failure, null, 0, detail);
}

public enum RestoreFailure
{
    None = 0,
    SourceMissing,
    SourceInvalid,
    AppRunning,
    CurrentUnreadable,
}

public sealed record RestoreResult(bool Succeeded, RestoreFailure Failure, string? PreRestoreBackup, string? Detail)
{
    public static RestoreResult Ok(string? preRestoreBackup) => new(true, RestoreFailure.None, preRestoreBackup, null);

    public static RestoreResult Failed(RestoreFailure failure, string detail) => new(false, failure, null, detail);
}
