using System.Diagnostics;
using System.Globalization;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.PostgreSql;
using KopUkm.Dashboard.Features.Backups;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace KopUkm.Dashboard.Host;

/// <summary>
/// <c>copy-to-postgresql --target "Host=…;Database=…;Username=…;Password=…"</c>: moves a SQLite office into an empty
/// PostgreSQL database. It copies from a <c>VACUUM INTO</c> snapshot (the office keeps working; later writes are not
/// copied), checks that the snapshot is at this build's migration level, migrates the target with the PostgreSQL set,
/// refuses a target holding any row (exit 2, nothing written), copies every table of the model and the key ring in one
/// transaction, and commits only when every table's row count and checksum match (exit 0; else 1, nothing kept).
/// <c>--verify [--source &lt;snapshot.db&gt;]</c> compares again later (a fresh snapshot of the live database by default).
/// </summary>
internal static class CopyToPostgreSqlCommand
{
    public const string Name = "copy-to-postgresql";
    public const string SnapshotPrefix = "copy-to-postgresql-";

    public static async Task<int> RunAsync(WebApplication app, string[] args, TextWriter output, TextWriter error, IStringLocalizer L)
    {
        var verify = args.Contains("--verify", StringComparer.Ordinal);
        var rest = args.Where(a => a != "--verify").ToArray();
        var options = OperatorCommands.ParseOptions(rest);
        if (rest.Length != options.Count * 2
            || !options.TryGetValue("target", out var target)
            || options.Keys.Any(k => k is not ("target" or "source"))
            || (options.ContainsKey("source") && !verify))
        {
            await error.WriteLineAsync(L["Cli.CopyUsage"]);
            return 2;
        }

        if (DatabaseOptions.From(app.Configuration).ProviderKind != DatabaseProvider.Sqlite)
        {
            await error.WriteLineAsync(L["Cli.CopyNeedsSqlite"]);
            return 2;
        }

        if (!IsNpgsqlConnection(target))
        {
            await error.WriteLineAsync(L["Cli.CopyTargetInvalid"]);
            return 2;
        }

        var paths = app.Services.GetRequiredService<DataPaths>();
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var stamp = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        string snapshot;
        var ownSnapshot = false;
        var exit = 1;
        if (options.TryGetValue("source", out var given))
        {
            snapshot = Path.GetFullPath(given);
            if (!File.Exists(snapshot))
            {
                await error.WriteLineAsync(L["Cli.ImportFileNotFound", snapshot]);
                return 1;
            }
        }
        else
        {
            var file = Path.Combine(paths.BackupsFolder, $"{SnapshotPrefix}{(verify ? "verify-" : "")}{stamp}.db");
            for (var n = 2; File.Exists(file); n++)
            {
                file = Path.Combine(paths.BackupsFolder, $"{SnapshotPrefix}{(verify ? "verify-" : "")}{stamp}-{n}.db");
            }

            var backup = await app.Services.GetRequiredService<SqliteBackupService>().BackupToAsync(file);
            if (!backup.Succeeded)
            {
                await error.WriteLineAsync(L[$"Backup.Failure.{backup.Failure}", backup.Detail ?? ""]);
                return 1;
            }

            snapshot = backup.File!;
            ownSnapshot = true;
            await output.WriteLineAsync(L[verify ? "Cli.VerifySnapshot" : "Cli.CopySnapshot", snapshot, backup.Bytes]);
        }

        try
        {
            exit = await WithSnapshotAsync(app, snapshot, target, verify, paths.KeysFolder, paths.AttachmentsFolder, output, error, L);
            return exit;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            // A copy keeps its snapshot (what was copied, for a later --verify --source); a check or a refused copy does not.
            if (ownSnapshot && (verify || exit != 0))
            {
                File.Delete(snapshot);
            }
        }
    }

    private static async Task<int> WithSnapshotAsync(WebApplication app, string snapshot, string target, bool verify, string keysFolder, string attachmentsFolder, TextWriter output, TextWriter error, IStringLocalizer L)
    {
        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = snapshot, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await source.OpenAsync();

        await using var scope = app.Services.CreateAsyncScope();
        await using var sqliteDb = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var known = sqliteDb.Database.GetMigrations().ToList();
        var (missing, unknown, lastApplied) = await SqliteToPostgreSqlCopy.SourceLevelAsync(source, known);
        if (unknown.Count > 0)
        {
            await error.WriteLineAsync(L["Cli.CopySourceAhead", string.Join(", ", unknown)]);
            return 2;
        }

        if (missing.Count > 0)
        {
            await error.WriteLineAsync(L["Cli.CopySourceBehind", missing.Count, lastApplied ?? "-", known[^1], string.Join(", ", missing)]);
            return 2;
        }

        await using var targetApp = AppHost.Build([], builder =>
        {
            builder.Environment.EnvironmentName = app.Environment.EnvironmentName;
            builder.Configuration.AddConfiguration(app.Configuration);
            builder.Configuration["Database:Provider"] = nameof(DatabaseProvider.PostgreSQL);
            builder.Configuration["ConnectionStrings:Default"] = target;
            // The copy never touches Hangfire's schema: job state starts empty on PostgreSQL.
            builder.Configuration["Jobs:Storage"] = "InMemory";
        });
        await using var targetScope = targetApp.Services.CreateAsyncScope();
        await using var targetDb = await targetScope.ServiceProvider.GetRequiredService<IDbContextFactory<PostgreSqlAppDbContext>>().CreateDbContextAsync();
        var description = Describe(target);
        var connectionString = new NpgsqlConnectionStringBuilder(PostgreSqlDatabase.ConnectionString(target)) { CommandTimeout = 0 }.ToString();
        var tableNames = FullModel(targetDb).GetRelationalModel().Tables.Where(t => t.Schema is null && !t.IsExcludedFromMigrations).Select(t => t.Name).ToList();
        return verify
            ? await VerifyAsync(sqliteDb, targetDb, source, connectionString, keysFolder, attachmentsFolder, output, L)
            : await CopyAsync(sqliteDb, targetDb, source, connectionString, description, tableNames, keysFolder, attachmentsFolder, output, error, L);
    }

    private static async Task<int> CopyAsync(
        AppDbContext sqliteDb, PostgreSqlAppDbContext targetDb, SqliteConnection source, string connectionString, string description, List<string> tableNames, string keysFolder, string attachmentsFolder, TextWriter output, TextWriter error, IStringLocalizer L)
    {
        var watch = Stopwatch.StartNew();
        var targetKnown = targetDb.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var targetUnknown = (await targetDb.Database.GetAppliedMigrationsAsync()).Where(m => !targetKnown.Contains(m)).ToList();
        if (targetUnknown.Count > 0)
        {
            await error.WriteLineAsync(L["Cli.CopyTargetAhead", description, string.Join(", ", targetUnknown)]);
            return 2;
        }

        await using (var before = new NpgsqlConnection(connectionString))
        {
            await before.OpenAsync();
            if (await SqliteToPostgreSqlCopy.FirstNonEmptyTableAsync(before, tableNames) is { } used)
            {
                await error.WriteLineAsync(L["Cli.CopyTargetNotEmpty", description, used]);
                return 2;
            }
        }

        var exit = 1;
        // Under the start-up lock: an instance started on the target meanwhile waits, then finds the data and seeds nothing.
        await PostgreSqlDatabase.WithStartupLockAsync(targetDb, async () =>
        {
            await targetDb.Database.MigrateAsync();
            await output.WriteLineAsync(L["Cli.CopyTargetMigrated", description, targetKnown.Max(StringComparer.Ordinal)!]);
            await using var target = new NpgsqlConnection(connectionString);
            await target.OpenAsync();
            await target.ReloadTypesAsync();
            await using var transaction = await target.BeginTransactionAsync();
            if (await SqliteToPostgreSqlCopy.FirstNonEmptyTableAsync(target, tableNames, transaction) is { } used)
            {
                await error.WriteLineAsync(L["Cli.CopyTargetNotEmpty", description, used]);
                exit = 2;
                return;
            }

            var plan = await CopyPlan.CreateAsync(FullModel(sqliteDb), FullModel(targetDb), target);
            var copied = await SqliteToPostgreSqlCopy.CopyAsync(plan, source, target, transaction, keysFolder, attachmentsFolder, new CopyProgressLines(output, L));
            await output.WriteLineAsync(L["Cli.CopyKeys", copied.Keys, keysFolder]);
            await output.WriteLineAsync(L["Cli.CopyAttachments", copied.Attachments, attachmentsFolder]);
            await output.WriteLineAsync(L["Cli.CopySequences", copied.Sequences]);
            await output.WriteLineAsync(L["Cli.VerifyStarted"]);
            var checks = await CopyVerification.CompareAsync(plan, source, target, keysFolder, attachmentsFolder, transaction, CheckLines(plan, output, L));
            var different = checks.Count(c => !c.Matches);
            if (different > 0)
            {
                await transaction.RollbackAsync();
                await error.WriteLineAsync(L["Cli.CopyMismatch", different]);
                exit = 1;
                return;
            }

            await transaction.CommitAsync();
            await output.WriteLineAsync(L["Cli.CopyDone", Seconds(watch.Elapsed), checks.Count, copied.Rows]);
            await output.WriteLineAsync(L["Cli.CopyJobsNotCopied"]);
            exit = 0;
        });
        return exit;
    }

    private static async Task<int> VerifyAsync(AppDbContext sqliteDb, PostgreSqlAppDbContext targetDb, SqliteConnection source, string connectionString, string keysFolder, string attachmentsFolder, TextWriter output, IStringLocalizer L)
    {
        await using var target = new NpgsqlConnection(connectionString);
        await target.OpenAsync();
        var plan = await CopyPlan.CreateAsync(FullModel(sqliteDb), FullModel(targetDb), target);
        var checks = await CopyVerification.CompareAsync(plan, source, target, keysFolder, attachmentsFolder, checkedTable: CheckLines(plan, output, L));
        var different = checks.Count(c => !c.Matches);
        await output.WriteLineAsync(different == 0 ? L["Cli.VerifyDone", checks.Count] : L["Cli.VerifyMismatch", different]);
        return different == 0 ? 0 : 1;
    }

    /// <summary>Prints the header of the verification table, then one aligned line per table as it is checked.</summary>
    private static Action<TableCheck> CheckLines(CopyPlan plan, TextWriter output, IStringLocalizer L)
    {
        var headings = L["Cli.VerifyColumns"].Value.Split('|');
        var width = plan.Tables.Select(t => t.Name.Length).Append(CopyPlan.KeysTable.Length).Append(CopyPlan.AttachmentsTable.Length).Append(headings[0].Length).Max();
        var numbers = Math.Max(headings[1].Length, headings[2].Length);
        output.WriteLine($"{headings[0].PadRight(width)}  {headings[1].PadLeft(numbers)}  {headings[2].PadLeft(numbers)}  {headings[3]}");
        return check => output.WriteLine(
            $"{check.Table.PadRight(width)}  {check.SourceRows.ToString("N0", CultureInfo.CurrentCulture).PadLeft(numbers)}  {check.TargetRows.ToString("N0", CultureInfo.CurrentCulture).PadLeft(numbers)}  {L[check.ChecksumEqual ? "Cli.VerifyYes" : "Cli.VerifyNo"]}");
    }

    /// <summary>The model with its relational details (table exclusions, column mappings); the runtime model drops some.</summary>
    private static IModel FullModel(AppDbContext db) => db.GetService<IDesignTimeModel>().Model;

    private static bool IsNpgsqlConnection(string value)
    {
        try
        {
            return !string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(value).Host);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Host, port and database for messages (never the password).</summary>
    private static string Describe(string target)
    {
        var builder = new NpgsqlConnectionStringBuilder(target);
        return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
    }

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.0", CultureInfo.CurrentCulture);

    /// <summary>One line per batch of each table (rows so far of the table's total), on the copying thread.</summary>
    private sealed class CopyProgressLines(TextWriter output, IStringLocalizer L) : IProgress<CopyProgress>
    {
        public void Report(CopyProgress value) => output.WriteLine(L["Cli.CopyProgress", value.Table, value.Rows, value.Total]);
    }
}
