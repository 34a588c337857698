using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Backups;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KopUkm.Dashboard.Tests.Features.Backups;

public sealed class SqliteBackupServiceTests : IAsyncLifetime
{
    private TestServices app = default!;

    private SqliteBackupService Backups => app.Services.GetRequiredService<SqliteBackupService>();

    private DataPaths Paths => app.Services.GetRequiredService<DataPaths>();

    public async Task InitializeAsync() => app = await TestServices.CreateAsync(new() { ["Backup:RetentionCount"] = "2" });

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Backup_of_the_live_database_passes_integrity_check_and_holds_the_data()
    {
        var target = Path.Combine(app.DataFolder, "manual.db");

        var result = await Backups.BackupToAsync(target);

        Assert.True(result.Succeeded);
        Assert.Equal("ok", await SqliteBackupService.IntegrityCheckAsync(target));
        Assert.Equal(7, await CountDivisionsAsync(target));
        Assert.False(File.Exists(target + ".partial"));
    }

    [Fact]
    public async Task A_nightly_run_removes_the_partial_file_a_killed_backup_left_behind()
    {
        Paths.EnsureCreated();
        var abandoned = Path.Combine(Paths.BackupsFolder, "kopukm-20261122-180000.db.partial");
        await File.WriteAllTextAsync(abandoned, "half a backup");

        var result = await Backups.BackupNightlyAsync();

        Assert.True(result.Succeeded);
        Assert.False(File.Exists(abandoned));
        Assert.Empty(Directory.GetFiles(Paths.BackupsFolder, "*.partial"));
    }

    [Fact]
    public async Task Backup_refuses_to_overwrite_an_existing_file()
    {
        var target = Path.Combine(app.DataFolder, "exists.db");
        await File.WriteAllTextAsync(target, "keep me");

        var result = await Backups.BackupToAsync(target);

        Assert.Equal(BackupFailure.TargetExists, result.Failure);
        Assert.Equal("keep me", await File.ReadAllTextAsync(target));
    }

    [Fact]
    public async Task Nightly_backups_keep_only_the_retention_count()
    {
        for (var i = 0; i < 4; i++)
        {
            Assert.True((await Backups.BackupNightlyAsync()).Succeeded);
            app.Clock.Advance(TimeSpan.FromDays(1));
        }

        var kept = Backups.ListBackups();
        Assert.Equal(2, kept.Count);
        Assert.StartsWith("kopukm-20261126", kept[0].Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_brings_back_the_backed_up_data_and_keeps_the_replaced_database()
    {
        var backup = Path.Combine(app.DataFolder, "before.db");
        Assert.True((await Backups.BackupToAsync(backup)).Succeeded);
        await using (var db = await app.DbAsync())
        {
            db.Add(new Division { Code = "XTRA", Name = "Ditambahkan setelah cadangan" });
            await db.SaveChangesAsync();
        }

        var result = await Backups.RestoreFromAsync(backup);

        Assert.True(result.Succeeded);
        Assert.Equal(7, await CountDivisionsAsync(Paths.DatabaseFile));
        Assert.Equal(8, await CountDivisionsAsync(result.PreRestoreBackup!));
        Assert.Equal("ok", await SqliteBackupService.IntegrityCheckAsync(Paths.DatabaseFile));
    }

    [Fact]
    public async Task Restore_refuses_while_the_app_holds_the_data_folder_and_changes_nothing()
    {
        var backup = Path.Combine(app.DataFolder, "b.db");
        Assert.True((await Backups.BackupToAsync(backup)).Succeeded);

        // Close this file's pooled connections first: the last one to close folds the write-ahead log into the file,
        // and another test class disposing its folder (which clears every pool) would otherwise do it mid-test.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var before = await File.ReadAllBytesAsync(Paths.DatabaseFile);

        using (DataFolderLock.TryAcquire(Paths))
        {
            var result = await Backups.RestoreFromAsync(backup);
            Assert.Equal(RestoreFailure.AppRunning, result.Failure);
        }

        Assert.Equal(before, await File.ReadAllBytesAsync(Paths.DatabaseFile));
    }

    [Fact]
    public async Task Restore_from_a_damaged_file_is_refused_and_the_database_is_untouched()
    {
        var garbage = Path.Combine(app.DataFolder, "garbage.db");
        await File.WriteAllTextAsync(garbage, "this is not a database, only text that looks nothing like SQLite");

        var result = await Backups.RestoreFromAsync(garbage);

        Assert.Equal(RestoreFailure.SourceInvalid, result.Failure);
        Assert.Equal(7, await CountDivisionsAsync(Paths.DatabaseFile));
        Assert.False(File.Exists(Paths.DatabaseFile + ".restoring"));
    }

    private static async Task<int> CountDivisionsAsync(string file)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={file};Pooling=False").Options;
        await using var db = new AppDbContext(options);
        return await db.Set<Division>().CountAsync();
    }
}
