using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Backups;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.Features.Tickets;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KopUkm.Dashboard.Tests.Data;

/// <summary>
/// An upgrade whose migrations rebuild SQLite tables (steps EF Core must run outside a transaction) could leave a
/// half-migrated database if the process died halfway: the start takes a verified backup of the existing database
/// before applying any pending migration, and the log names the file and the migrations that run outside a
/// transaction. Real SQLite files, a real start of the app.
/// </summary>
public sealed class PreMigrationBackupTests : IDisposable
{
    private const string BeforeRebuild = "PerfIndexes";
    private const string Rebuild = "20261128002425_TicketPriorityAsNumber";
    private readonly TempFolder folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    private string BackupsFolder => Path.Combine(folder.Path, "backups");

    [Fact]
    public async Task Starting_on_a_database_before_a_table_rebuild_takes_a_verified_backup_first_and_says_so_in_the_log()
    {
        await ArrangeDatabaseAtAsync(BeforeRebuild);
        var log = new RecentServerLog();

        using (var app = new StartOn(folder.Path, log))
        {
            _ = app.Services;
        }

        SqliteConnection.ClearAllPools();
        var backup = Assert.Single(Directory.GetFiles(BackupsFolder, $"{PreMigrationBackup.Prefix}*.db"));
        Assert.Equal("ok", await SqliteBackupService.IntegrityCheckAsync(backup));
        Assert.Equal(["Tinggi"], await ScalarsAsync(backup, "SELECT CAST(Priority AS TEXT) FROM Ticket"));
        Assert.EndsWith(BeforeRebuild, (await ScalarsAsync(backup, "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId DESC LIMIT 1")).Single(), StringComparison.Ordinal);
        Assert.Equal(["3"], await ScalarsAsync(Path.Combine(folder.Path, "kopukm.db"), "SELECT CAST(Priority AS TEXT) FROM Ticket"));
        var said = Assert.Single(log.Entries, e => e.Contains("Backup before migrating written to", StringComparison.Ordinal));
        Assert.Contains(backup, said, StringComparison.Ordinal);
        Assert.Contains(Rebuild, said, StringComparison.Ordinal);
        Assert.Contains("outside a transaction", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_database_and_one_already_up_to_date_get_no_backup()
    {
        using (var first = new StartOn(folder.Path, new RecentServerLog()))
        {
            _ = first.Services;
        }

        using (var second = new StartOn(folder.Path, new RecentServerLog()))
        {
            _ = second.Services;
        }

        Assert.True(File.Exists(Path.Combine(folder.Path, "kopukm.db")));
        Assert.Empty(Directory.GetFiles(BackupsFolder, $"{PreMigrationBackup.Prefix}*"));
    }

    [Fact]
    public async Task When_the_backup_cannot_be_written_nothing_is_migrated()
    {
        await ArrangeDatabaseAtAsync(BeforeRebuild);
        // The app's clock starts at the pinned test instant: files already in the way of every name the first minute
        // could give the copy (a backup never overwrites a file).
        for (var second = 0; second < 60; second++)
        {
            await File.WriteAllTextAsync(Path.Combine(BackupsFolder, $"{PreMigrationBackup.Prefix}{TestClock.Start.AddSeconds(second):yyyyMMdd-HHmmss}.db"), "in the way");
        }

        using (var app = new StartOn(folder.Path, new RecentServerLog()))
        {
            Assert.ThrowsAny<Exception>(() => app.Services);
        }

        SqliteConnection.ClearAllPools();
        Assert.EndsWith(BeforeRebuild, (await ScalarsAsync(Path.Combine(folder.Path, "kopukm.db"), "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId DESC LIMIT 1")).Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_migrations_that_rebuild_tables_are_recognised_as_running_outside_a_transaction()
    {
        await using var app = await TestServices.CreateAsync();
        await using var db = await app.DbAsync();
        var all = db.GetService<IMigrationsAssembly>().Migrations.Keys.ToList();

        var outside = PreMigrationBackup.OutsideTransaction(db, all);

        Assert.Contains(Rebuild, outside);
        Assert.DoesNotContain(all[0], outside);
        Assert.DoesNotContain(all.Single(m => m.EndsWith("_EmailOutbox", StringComparison.Ordinal)), outside);
    }

    /// <summary>A database file in the data folder at <paramref name="migration"/>, holding one urgent-ish ticket.</summary>
    private async Task ArrangeDatabaseAtAsync(string migration)
    {
        await using (var app = await TestServices.CreateAsync(new() { ["Data:Folder"] = folder.Path }))
        {
            app.ActAs(AppRoles.Petugas, await TicketTestData.UmkAsync(app), "clerk", divisionCode: "UMK");
            await TicketTestData.CreateNibRequestAsync(app, "Sebelum pembaruan", priority: WorkPriority.Tinggi);
            await using var db = await app.DbAsync();
            await db.GetService<IMigrator>().MigrateAsync(migration);
        }

        SqliteConnection.ClearAllPools();
        Directory.CreateDirectory(BackupsFolder);
    }

    private static async Task<List<string>> ScalarsAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    /// <summary>The app started on a given data folder, its warnings kept.</summary>
    private sealed class StartOn(string dataFolder, RecentServerLog log) : AppFactory
    {
        protected override Dictionary<string, string?> Settings => new() { ["Data:Folder"] = dataFolder, ["Demo:SeedUsers"] = "false" };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(log));
        }
    }
}
