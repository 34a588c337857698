using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Account;
using KopUkm.Dashboard.Features.Backups;
using KopUkm.Dashboard.Features.Cooperatives;
using KopUkm.Dashboard.Features.Cooperatives.Import;
using KopUkm.Dashboard.Features.Open311.ApiKeys;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Host;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static KopUkm.Dashboard.Tests.Features.Cooperatives.Import.ImportFiles;

namespace KopUkm.Dashboard.Tests.Host;

/// <summary>
/// The operator commands as an operator runs them. What they write (migrations, accounts, imported cooperatives, API
/// keys) is checked on both databases; usage messages, settings checks, the demo seeding and SQLite's backup and
/// restore on SQLite only; on PostgreSQL, backup and restore say they are the database administrator's job.
/// </summary>
public abstract class OperatorCommandsTests(TestProvider provider) : IAsyncLifetime, IDisposable
{
    public sealed class OnSqlite() : OperatorCommandsTests(TestProvider.Sqlite)
    {
        [Fact]
        public async Task A_bad_setting_stops_a_command_with_a_sentence_naming_the_key_before_anything_is_written()
        {
            var (exit, output, error) = await RunWithAsync(new() { ["Tickets:SlaRefreshSchedule"] = "tiap lima menit" }, "migrate");

            Assert.Equal(2, exit);
            Assert.Equal("", output);
            Assert.Contains("Pengaturan Tickets:SlaRefreshSchedule tidak valid: \"tiap lima menit\" bukan jadwal cron", error, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder.Path, "kopukm.db")));
        }

        [Theory]
        [InlineData("--scale", "huge")]
        [InlineData("--scale")]
        [InlineData("--seed", "abc")]
        [InlineData("--scale", "medium", "--colour", "blue")]
        public async Task Seed_demo_refuses_an_unknown_scale_or_a_bad_seed_with_its_usage(params string[] options)
        {
            var (exit, output, error) = await RunAsync(["seed-demo", .. options]);

            Assert.Equal(2, exit);
            Assert.Contains("seed-demo [--scale medium|large] [--seed N]", error, StringComparison.Ordinal);
            Assert.Empty(output);
        }

        [Fact]
        public async Task Seed_demo_adds_the_accounts_the_demo_register_the_demo_tickets_and_it_tasks_once()
        {
            var first = await RunAsync("seed-demo");
            var second = await RunAsync("seed-demo");

            Assert.Equal((0, 0), (first.Exit, second.Exit));
            Assert.Contains($"{KopUkm.Dashboard.Features.Account.Demo.DemoUsers.All.Count} akun demo baru", first.Out, StringComparison.Ordinal);
            Assert.Contains("3909 koperasi demo dan 200 kasus", first.Out, StringComparison.Ordinal);
            Assert.Contains("0 akun demo baru", second.Out, StringComparison.Ordinal);
            Assert.Contains("koperasi demo tidak ditambahkan", second.Out, StringComparison.Ordinal);
            Assert.Contains("5000 tiket layanan UMKM demo", first.Out, StringComparison.Ordinal);
            Assert.Contains($"{KopUkm.Dashboard.Features.Tickets.Demo.DemoTicketTeams.Officers.Count} akun petugas demo ditambahkan", first.Out, StringComparison.Ordinal);
            Assert.Contains("tiket demo tidak ditambahkan", second.Out, StringComparison.Ordinal);
            Assert.Contains($"{KopUkm.Dashboard.Features.Assignments.Demo.DemoItTaskGenerator.TaskCount} tugas TI demo", first.Out, StringComparison.Ordinal);
            Assert.Contains($"{KopUkm.Dashboard.Features.Assignments.Demo.DemoItTeam.Staff.Count} akun staf TI demo ditambahkan", first.Out, StringComparison.Ordinal);
            Assert.Contains("tugas TI demo tidak ditambahkan", second.Out, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Seed_demo_refuses_in_production_and_creates_no_account()
        {
            var (exit, output, error) = await RunInAsync(Environments.Production, [], "seed-demo");

            Assert.Equal(2, exit);
            Assert.Equal("", output);
            Assert.Contains("Data demo tidak diisi di lingkungan Production", error, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder.Path, "kopukm.db")));
        }

        [Fact]
        public async Task Create_admin_with_a_short_password_fails_with_a_clear_sentence_and_exit_code()
        {
            var (exit, _, error) = await RunAsync("create-admin", "--email", "x@jambiprov.go.id", "--password", "pendek");

            Assert.Equal(1, exit);
            Assert.Contains("Kata sandi minimal 12 karakter", error, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Create_admin_refuses_the_system_actors_name()
        {
            var (exit, _, error) = await RunAsync("create-admin", "--email", "sistem@jambiprov.go.id", "--password", "sandi-operator-2026", "--name", "SISTEM");

            Assert.Equal(1, exit);
            Assert.Contains("Nama ini dipakai oleh aplikasi sendiri", error, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Create_admin_without_arguments_explains_its_usage()
        {
            var (exit, _, error) = await RunAsync("create-admin");

            Assert.Equal(2, exit);
            Assert.Contains("Cara pakai", error, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Backup_then_restore_round_trips_and_restore_refuses_under_a_running_app()
        {
            Assert.Equal(0, (await RunAsync("migrate")).Exit);
            var backupFile = Path.Combine(folder.Path, "cadangan.db");

            var backup = await RunAsync("backup", backupFile);
            Assert.Equal(0, backup.Exit);
            Assert.Equal("ok", await SqliteBackupService.IntegrityCheckAsync(backupFile));

            await using (var running = await BuildAsync())
            using (AppInstance.TryAcquireDataFolder(running))
            {
                var refused = await RunAsync("restore", backupFile);
                Assert.Equal(1, refused.Exit);
                Assert.Contains("Hentikan aplikasi", refused.Err, StringComparison.Ordinal);
            }

            var restored = await RunAsync("restore", backupFile);
            Assert.Equal(0, restored.Exit);
            Assert.Contains("dipulihkan", restored.Out, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Restore_of_a_missing_file_fails_with_a_clear_sentence()
        {
            var (exit, _, error) = await RunAsync("restore", Path.Combine(folder.Path, "tidak-ada.db"));

            Assert.Equal(1, exit);
            Assert.Contains("tidak ditemukan", error, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Import_cooperatives_explains_its_usage_and_reports_a_missing_file()
        {
            var usage = await RunAsync("import-cooperatives");
            var missing = await RunAsync("import-cooperatives", Path.Combine(folder.Path, "tidak-ada.csv"));

            Assert.Equal(2, usage.Exit);
            Assert.Contains("Cara pakai: import-cooperatives", usage.Err, StringComparison.Ordinal);
            Assert.Equal(1, missing.Exit);
            Assert.Contains("tidak ditemukan", missing.Err, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData]
        [InlineData("--name")]
        [InlineData("--name", " ")]
        [InlineData("--nama", "Portal")]
        public async Task Create_api_key_explains_its_usage_when_the_name_is_missing(params string[] options)
        {
            var (exit, output, error) = await RunAsync(["create-api-key", .. options]);

            Assert.Equal(2, exit);
            Assert.Equal("", output);
            Assert.Contains("Cara pakai: create-api-key --name", error, StringComparison.Ordinal);
        }
    }

    public sealed class OnPostgreSql() : OperatorCommandsTests(TestProvider.PostgreSql)
    {
        [Theory]
        [InlineData("backup")]
        [InlineData("restore")]
        public async Task Backup_and_restore_say_they_are_the_database_administrators_job_and_touch_nothing(string command)
        {
            var (exit, output, error) = await RunAsync(command, Path.Combine(folder.Path, "cadangan.db"));

            Assert.Equal(2, exit);
            Assert.Equal("", output);
            Assert.Contains("pg_dump", error, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFiles(folder.Path, "*", SearchOption.AllDirectories));
        }
    }

    private readonly TempFolder folder = new();

    /// <summary>PostgreSQL: this test's database (a copy of the migrated template, or empty), made on first use.</summary>
    private string? connection;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (connection is not null)
        {
            await PostgreSqlCluster.DropDatabaseAsync(connection);
        }
    }

    public void Dispose()
    {
        folder.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Where the commands' data lives: the data folder (SQLite) or this test's database (PostgreSQL).</summary>
    private async Task<Dictionary<string, string?>> DatabaseSettingsAsync()
    {
        var settings = new Dictionary<string, string?> { ["Data:Folder"] = folder.Path, ["Jobs:Storage"] = "InMemory" };
        if (provider == TestProvider.PostgreSql)
        {
            connection ??= await TestServices.CreatePostgreSqlDatabaseAsync();
            settings["Database:Provider"] = "PostgreSQL";
            settings["ConnectionStrings:Default"] = connection;
        }

        return settings;
    }

    /// <summary>On PostgreSQL the commands start from an empty database (no schema), as on a new server; on SQLite they always do.</summary>
    private async Task StartFromAnEmptyDatabaseAsync()
    {
        if (provider == TestProvider.PostgreSql)
        {
            connection = await PostgreSqlCluster.CreateEmptyDatabaseAsync();
        }
    }

    /// <summary>The app on the same data, for checking what a command wrote.</summary>
    private async Task<WebApplication> BuildAsync()
    {
        var settings = await DatabaseSettingsAsync();
        return AppHost.Build([], b => b.Configuration.AddInMemoryCollection(settings));
    }

    /// <summary>As the README's <c>dotnet run … -- command</c> runs it: in Development, from the launch profile.</summary>
    private Task<(int Exit, string Out, string Err)> RunAsync(params string[] args) => RunWithAsync([], args);

    private async Task<(int Exit, string Out, string Err)> RunWithAsync(Dictionary<string, string?> settings, params string[] args) =>
        await RunInAsync(Environments.Development, settings, args);

    private async Task<(int Exit, string Out, string Err)> RunInAsync(string environment, Dictionary<string, string?> settings, params string[] args)
    {
        var database = await DatabaseSettingsAsync();
        await using var app = AppHost.Build([], builder =>
        {
            builder.Environment.EnvironmentName = environment;
            builder.Configuration.AddInMemoryCollection(database);
            builder.Configuration.AddInMemoryCollection(settings);
        });
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await OperatorCommands.RunAsync(app, args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Migrate_creates_the_database_with_reference_data()
    {
        await StartFromAnEmptyDatabaseAsync();

        var (exit, output, _) = await RunAsync("migrate");

        Assert.Equal(0, exit);
        Assert.Contains("sudah mutakhir", output, StringComparison.Ordinal);
        Assert.Equal(provider == TestProvider.Sqlite, File.Exists(Path.Combine(folder.Path, "kopukm.db")));
        Assert.Contains(provider == TestProvider.Sqlite ? "kopukm.db" : "PostgreSQL", output, StringComparison.Ordinal);
        await using var app = await BuildAsync();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal(11, await db.Set<KopUkm.Dashboard.Features.Organization.Region>().CountAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Create_admin_makes_an_administrator_who_can_sign_in()
    {
        var (exit, output, _) = await RunAsync("create-admin", "--email", "kepala.ti@jambiprov.go.id", "--password", "sandi-operator-2026", "--name", "Kepala TI");

        Assert.Equal(0, exit);
        Assert.Contains("kepala.ti@jambiprov.go.id", output, StringComparison.Ordinal);
        await using var app = await BuildAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync("kepala.ti@jambiprov.go.id");
        Assert.NotNull(user);
        Assert.True(await users.IsInRoleAsync(user, AppRoles.Administrator));
        Assert.True(await users.CheckPasswordAsync(user, "sandi-operator-2026"));
    }

    [Theory]
    [InlineData("Password2026!", "Kata sandi ini terlalu umum")]
    [InlineData("kepala.ti.2026!", "Kata sandi tidak boleh berupa nama atau alamat email Anda sendiri")]
    [InlineData("Kepala TI Jambi 1", "Kata sandi tidak boleh berupa nama atau alamat email Anda sendiri")]
    public async Task Create_admin_applies_the_password_policy_and_creates_nobody(string password, string sentence)
    {
        var (exit, _, error) = await RunAsync("create-admin", "--email", "kepala.ti@jambiprov.go.id", "--password", password, "--name", "Kepala TI Jambi");

        Assert.Equal(1, exit);
        Assert.Contains(sentence, error, StringComparison.Ordinal);
        await using var app = await BuildAsync();
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("kepala.ti@jambiprov.go.id"));
    }

    [Fact]
    public async Task Import_cooperatives_dry_run_prints_the_bad_lines_writes_nothing_and_exits_1()
    {
        var file = WriteList(Row("KSP Maju Bersama", "1571010001", ""), Row("KSP Tanpa Anggota", "1571010002", "", (CooperativeCsvFormat.Members, "")));

        var (exit, output, error) = await RunAsync("import-cooperatives", file, "--dry-run");

        Assert.Equal(1, exit);
        Assert.Contains("Baris 3: kolom Jumlah Anggota wajib diisi.", error, StringComparison.Ordinal);
        Assert.Contains("Uji coba, tidak ada yang disimpan: 1 akan ditambahkan, 0 akan diperbarui, 0 tidak berubah, 1 baris bermasalah.", output, StringComparison.Ordinal);
        Assert.Equal(0, await CountCooperativesAsync());
    }

    [Fact]
    public async Task Import_cooperatives_saves_the_valid_rows_and_exits_1_when_a_row_is_bad()
    {
        var file = WriteList(Row("KSP Maju Bersama", "1571010001", ""), Row("KSP Medan", "1571010002", "", (CooperativeCsvFormat.Region, "Kota Medan")));

        var (exit, output, error) = await RunAsync("import-cooperatives", file);

        Assert.Equal(1, exit);
        Assert.Contains("Baris 3: kabupaten/kota \"Kota Medan\" tidak dikenal", error, StringComparison.Ordinal);
        Assert.Contains("1 ditambahkan, 0 diperbarui, 0 tidak berubah, 1 baris bermasalah dilewati.", output, StringComparison.Ordinal);
        Assert.Equal(1, await CountCooperativesAsync());
    }

    [Fact]
    public async Task Import_cooperatives_of_an_all_good_file_exits_0_and_a_second_run_changes_nothing()
    {
        var file = WriteList(Row("KSP Maju Bersama", "1571010001", ""), Row("KUD Sumber Rejeki", "", "9120001234567", (CooperativeCsvFormat.Region, "15.01")));

        var first = await RunAsync("import-cooperatives", file);
        var second = await RunAsync("import-cooperatives", file);

        Assert.Equal((0, ""), (first.Exit, first.Err));
        Assert.Contains("Memeriksa: 2 baris dibaca…", first.Out, StringComparison.Ordinal);
        Assert.Contains("Menyimpan: 2 dari 2 baris…", first.Out, StringComparison.Ordinal);
        Assert.Contains("2 ditambahkan, 0 diperbarui, 0 tidak berubah", first.Out, StringComparison.Ordinal);
        Assert.Equal(0, second.Exit);
        Assert.Contains("0 ditambahkan, 0 diperbarui, 2 tidak berubah", second.Out, StringComparison.Ordinal);
        Assert.Equal(2, await CountCooperativesAsync());
    }

    [Fact]
    public async Task Create_api_key_prints_the_key_once_and_keeps_only_its_hash()
    {
        var (exit, output, _) = await RunAsync("create-api-key", "--name", "Portal Provinsi Jambi");

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("Kunci API \"Portal Provinsi Jambi\" dibuat (awalan kop_", lines[^2], StringComparison.Ordinal);
        var key = lines[^1];
        Assert.Matches("^kop_[a-z2-9]{10}_[A-Za-z0-9_-]{43}$", key);
        await using var app = await BuildAsync();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var stored = await db.Set<ApiKey>().SingleAsync();
        Assert.Equal(("Portal Provinsi Jambi", ApiKeySecrets.PrefixOf(key), ApiKeySecrets.Hash(key), ""), (stored.Name, stored.Prefix, stored.SecretHash, stored.CreatedByName));
        foreach (var file in Directory.GetFiles(folder.Path, "kopukm.db*"))
        {
            Assert.DoesNotContain(key, System.Text.Encoding.ASCII.GetString(await File.ReadAllBytesAsync(file)), StringComparison.Ordinal);
        }

        var audit = await db.Set<KopUkm.Dashboard.Data.Auditing.AuditEntry>().SingleAsync(a => a.EntityType == nameof(ApiKey));
        Assert.Equal(ApiKeyAdmin.OperatorAuditName, audit.ActorJob);
        Assert.DoesNotContain(stored.SecretHash, audit.ChangesJson, StringComparison.Ordinal);
    }

    private string WriteList(params Dictionary<string, string>[] rows)
    {
        var path = folder.File("koperasi.csv");
        File.WriteAllText(path, Csv(rows));
        return path;
    }

    private async Task<int> CountCooperativesAsync()
    {
        await using var app = await BuildAsync();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<Cooperative>().CountAsync();
    }
}
