using System.Diagnostics;
using System.Text.RegularExpressions;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Features.Tickets.Portal;
using KopUkm.Dashboard.Host;
using KopUkm.Dashboard.Host.Demo;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace KopUkm.Dashboard.Tests.Host;

/// <summary>
/// <c>copy-to-postgresql</c> moving a demo office (seeded once for the class: the demo accounts and a small scale set) from SQLite into an empty database of
/// the test run's PostgreSQL cluster, and its <c>--verify</c> mode.
/// </summary>
public sealed class CopyToPostgreSqlTests(CopyToPostgreSqlTests.CopiedOffice office) : IClassFixture<CopyToPostgreSqlTests.CopiedOffice>
{
    private const string ProtectorPurpose = "copy-to-postgresql-test";

    [Fact]
    public async Task Copy_of_the_demo_office_matches_every_table_and_the_app_on_postgresql_reads_the_same()
    {
        var (exit, output, error) = office.Copy;

        Assert.True(exit == 0, output + error);
        Assert.Contains("Salinan sesaat basis data SQLite dibuat di", output, StringComparison.Ordinal);
        Assert.Contains(string.Format(new System.Globalization.CultureInfo("id-ID"), "Menyalin Ticket: {0:N0} dari {0:N0} baris", CopiedOffice.Scale.Tickets), output, StringComparison.Ordinal);
        Assert.Matches(@"Tabel\s+Baris sumber\s+Baris tujuan\s+Checksum sama", output);
        var rows = CheckRows(output);
        Assert.True(rows.Count >= 40, output);
        Assert.All(rows, r => Assert.True(r.Value.Equal && r.Value.Source == r.Value.Target, $"{r.Key}: {r.Value.Source} / {r.Value.Target}"));
        Assert.Equal(CopiedOffice.Scale.Tickets, rows["Ticket"].Source);
        Assert.Equal(CopiedOffice.Scale.Cooperatives, rows["Cooperative"].Source);
        Assert.True(rows["AuditEntries"].Source > 0 && rows["AspNetUsers"].Source > 0 && rows["DataProtectionKeys"].Source > 0, output);
        Assert.Equal((1L, 1L, true), rows["TicketAttachmentContents"]);
        Assert.Contains("1 berkas lampiran pemohon dari", output, StringComparison.Ordinal);
        Assert.Contains("Penyalinan selesai", output, StringComparison.Ordinal);
        Assert.Contains("Hangfire", output, StringComparison.Ordinal);

        // The app on PostgreSQL reads what it read on SQLite: the ticket list's order and the dashboard's counts.
        await using var sqlite = BuildApp(office.Folder.Path);
        await using var postgres = BuildApp(office.Folder.Path, office.Target);
        Assert.Equal(await TicketFiguresAsync(sqlite), await TicketFiguresAsync(postgres));

        // A demo account signs in on PostgreSQL, and what SQLite's key ring protected PostgreSQL's key ring reads.
        await using var scope = postgres.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = await users.FindByEmailAsync("admin@kopukm.demo");
        Assert.NotNull(admin);
        Assert.True(await users.CheckPasswordAsync(admin, DemoUsers.Password));
        // The applicant's file from the data folder is in the database, where every instance reads it.
        var store = scope.ServiceProvider.GetRequiredService<IAttachmentStore>();
        Assert.IsType<DatabaseAttachmentStore>(store);
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        await using (var content = await store.OpenAsync(db, CopiedOffice.AttachmentName, default))
        {
            Assert.NotNull(content);
            using var read = new MemoryStream();
            await content.CopyToAsync(read);
            Assert.Equal(CopiedOffice.AttachmentContent, read.ToArray());
        }

        Assert.Equal("sesi tetap berlaku", postgres.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(ProtectorPurpose).Unprotect(office.Protected));
    }

    [Fact]
    public async Task A_target_holding_data_is_refused_and_left_as_it_was()
    {
        var before = await TargetCountsAsync();

        var (exit, output, error) = await office.RunAsync(CopyToPostgreSqlCommand.Name, "--target", office.Target);

        Assert.Equal(2, exit);
        Assert.Matches(@"Basis data tujuan PostgreSQL 127\.0\.0\.1:\d+/kopukm_empty_\d+_\d+ tidak kosong: tabel \w+ sudah berisi data\. Tidak ada yang ditulis", error);
        Assert.DoesNotContain("Menyalin", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await TargetCountsAsync());
    }

    [Fact]
    public async Task Verify_reports_a_row_changed_on_the_target_after_the_copy_as_a_checksum_mismatch()
    {
        await using (var connection = new NpgsqlConnection(office.Target))
        {
            await connection.OpenAsync();
            await using var change = new NpgsqlCommand("""UPDATE "Cooperative" SET "Name" = "Name" || ' (diubah)' WHERE "Id" = (SELECT min("Id") FROM "Cooperative")""", connection);
            Assert.Equal(1, await change.ExecuteNonQueryAsync());
        }

        var (exit, output, _) = await office.RunAsync(CopyToPostgreSqlCommand.Name, "--target", office.Target, "--verify");

        Assert.Equal(1, exit);
        var rows = CheckRows(output);
        Assert.False(rows["Cooperative"].Equal);
        Assert.Equal(rows["Cooperative"].Source, rows["Cooperative"].Target);
        Assert.True(rows["Division"].Equal && rows["Region"].Equal && rows["AspNetUsers"].Equal, output);
        Assert.Contains("tabel berbeda antara sumber dan tujuan", output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.Combine(office.Folder.Path, "backups"), "copy-to-postgresql-verify-*"));
    }

    [Fact]
    public async Task Numbering_on_postgresql_continues_after_the_largest_copied_id()
    {
        int largest;
        await using (var sqlite = BuildApp(office.Folder.Path))
        await using (var db = await sqlite.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            largest = await db.Set<Ticket>().MaxAsync(t => t.Id);
        }

        await using var postgres = BuildApp(office.Folder.Path, office.Target);
        await using var pg = await postgres.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var original = await pg.Set<Ticket>().AsNoTracking().OrderBy(t => t.Id).FirstAsync();
        var added = new Ticket { ApplicantName = original.ApplicantName, Description = original.Description };
        pg.Entry(added).CurrentValues.SetValues(original);
        (added.Id, added.Code) = (0, "UJI-SALIN-1");
        pg.Add(added);
        // Rolled back afterwards (the sequence is not): the other tests compare the copy as it was made.
        await using var transaction = await pg.Database.BeginTransactionAsync();
        await pg.SaveChangesAsync();

        Assert.Equal(largest + 1, added.Id);
    }

    [Fact]
    public async Task A_source_behind_or_ahead_of_this_build_is_refused_before_anything_is_written()
    {
        using var folder = new TempFolder();
        Assert.Equal(0, (await CopiedOffice.RunInAsync(folder.Path, "migrate")).Exit);
        var last = await ExecuteSqliteAsync(folder.Path, """SELECT max("MigrationId") FROM "__EFMigrationsHistory" """);
        await ExecuteSqliteAsync(folder.Path, $"""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = '{last}'""");
        var target = "Host=127.0.0.1;Port=1;Database=tidak_dihubungi;Username=kopukm";

        var behind = await CopiedOffice.RunInAsync(folder.Path, CopyToPostgreSqlCommand.Name, "--target", target);
        await ExecuteSqliteAsync(folder.Path, $"""INSERT INTO "__EFMigrationsHistory" VALUES ('{last}', '10.0.15'), ('29991231000000_FromTheFuture', '10.0.15')""");
        var ahead = await CopiedOffice.RunInAsync(folder.Path, CopyToPostgreSqlCommand.Name, "--target", target);

        Assert.Equal(2, behind.Exit);
        Assert.Contains($"Data SQLite tertinggal dari program ini: 1 migrasi belum diterapkan", behind.Err, StringComparison.Ordinal);
        Assert.Contains(last!, behind.Err, StringComparison.Ordinal);
        Assert.Equal(2, ahead.Exit);
        Assert.Contains("Data SQLite lebih baru daripada program ini: migrasi 29991231000000_FromTheFuture tidak dikenal", ahead.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("--target")]
    [InlineData("--target", "Data Source=kopukm.db")]
    [InlineData("--target", "Host=db;Database=kopukm", "--source", "salinan.db")]
    public async Task Copy_explains_its_usage_when_called_wrongly(params string[] options)
    {
        using var folder = new TempFolder();

        var (exit, output, error) = await CopiedOffice.RunInAsync(folder.Path, [CopyToPostgreSqlCommand.Name, .. options]);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("--target", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder.Path, "kopukm.db")));
    }

    /// <summary>The verification table's lines: table → rows on each side and whether the checksum matched.</summary>
    private static Dictionary<string, (long Source, long Target, bool Equal)> CheckRows(string output) =>
        Regex.Matches(output, @"^(\w+)\s+([\d.]+)\s+([\d.]+)\s+(ya|TIDAK)\r?$", RegexOptions.Multiline)
            .ToDictionary(
                m => m.Groups[1].Value,
                m => (long.Parse(m.Groups[2].Value.Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture), long.Parse(m.Groups[3].Value.Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture), m.Groups[4].Value == "ya"));

    private static async Task<string> TicketFiguresAsync(WebApplication app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var byStatus = await db.Set<Ticket>().GroupBy(t => new { t.DivisionId, t.Status }).Select(g => new { g.Key.DivisionId, g.Key.Status, Count = g.Count() }).ToListAsync();
        var newest = await db.Set<Ticket>().OrderByDescending(t => t.CreatedAtUtc).ThenBy(t => t.Id).Take(50).Select(t => t.Code + " " + t.ApplicantName + " " + t.Status).ToListAsync();
        var breached = await db.Set<Ticket>().CountAsync(t => t.EverBreached);
        return string.Join("\n", byStatus.OrderBy(s => s.DivisionId).ThenBy(s => s.Status).Select(s => $"{s.DivisionId} {s.Status} {s.Count}").Concat(newest).Append($"breached {breached}"));
    }

    private async Task<string> TargetCountsAsync()
    {
        await using var connection = new NpgsqlConnection(office.Target);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT (SELECT count(*) FROM "Ticket") || '/' || (SELECT count(*) FROM "AuditEntries") || '/' || (SELECT count(*) FROM "AspNetUsers") || '/' || (SELECT count(*) FROM "__EFMigrationsHistory")""", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<string?> ExecuteSqliteAsync(string folder, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "kopukm.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }

    private static WebApplication BuildApp(string folder, string? postgreSql = null) => AppHost.Build([], builder =>
    {
        builder.Environment.EnvironmentName = Environments.Development;
        builder.Configuration["Data:Folder"] = folder;
        builder.Configuration["Jobs:Storage"] = "InMemory";
        if (postgreSql is not null)
        {
            builder.Configuration["Database:Provider"] = "PostgreSQL";
            builder.Configuration["ConnectionStrings:Default"] = postgreSql;
        }
    });

    /// <summary>A demo office on SQLite (with a data protection key in use), copied once into an empty PostgreSQL database.</summary>
    public sealed class CopiedOffice : IAsyncLifetime
    {
        /// <summary>A hundredth of the large scale, over two months.</summary>
        public static DemoScale Scale { get; } = new("uji", 1_000, 300, 50, 100, 200, HistoryDays: 60);

        /// <summary>An applicant's file in the SQLite office's data folder (the stored name the portal gives it).</summary>
        public const string AttachmentName = "0123456789abcdef0123456789abcdef.pdf";

        public static byte[] AttachmentContent { get; } = [.. "%PDF-1.4\n"u8, .. Enumerable.Range(0, 3000).Select(i => (byte)i)];

        public TempFolder Folder { get; } = new();

        public string Target { get; private set; } = "";

        public (int Exit, string Out, string Err) Copy { get; private set; }

        /// <summary>A payload protected by the SQLite installation's key ring before the copy.</summary>
        public string Protected { get; private set; } = "";

        public static async Task<(int Exit, string Out, string Err)> RunInAsync(string folder, params string[] args)
        {
            await using var app = BuildApp(folder);
            var output = new StringWriter();
            var error = new StringWriter();
            var exit = await OperatorCommands.RunAsync(app, args, output, error);
            return (exit, output.ToString(), error.ToString());
        }

        public Task<(int Exit, string Out, string Err)> RunAsync(params string[] args) => RunInAsync(Folder.Path, args);

        public async Task InitializeAsync()
        {
            // The demo accounts (audited, Identity) and a small scale data set: seconds, where the full demo takes a minute.
            var migrated = await RunAsync("migrate");
            Assert.True(migrated.Exit == 0, migrated.Err);
            await using (var sqlite = BuildApp(Folder.Path))
            {
                await using var scope = sqlite.Services.CreateAsyncScope();
                Assert.True(await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedDemoUsersAsync() > 0);
                await scope.ServiceProvider.GetRequiredService<ScaleDemoSeeder>().SeedAsync(Scale);
                Protected = sqlite.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(ProtectorPurpose).Protect("sesi tetap berlaku");
            }

            Directory.CreateDirectory(Path.Combine(Folder.Path, "attachments"));
            await File.WriteAllBytesAsync(Path.Combine(Folder.Path, "attachments", AttachmentName), AttachmentContent);
            Target = await PostgreSqlCluster.CreateEmptyDatabaseAsync();
            var watch = Stopwatch.StartNew();
            Copy = await RunAsync(CopyToPostgreSqlCommand.Name, "--target", Target);
            Console.WriteLine($"copy-to-postgresql of the test office: {watch.Elapsed.TotalSeconds:0.0} s");
        }

        public Task DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            Folder.Dispose();
            return Task.CompletedTask;
        }
    }
}
