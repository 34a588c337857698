using System.Globalization;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Features.Assignments;
using KopUkm.Dashboard.Features.Backups;
using KopUkm.Dashboard.Features.Cooperatives;
using KopUkm.Dashboard.Features.Cooperatives.Import;
using KopUkm.Dashboard.Features.Open311.ApiKeys;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Features.Users;
using KopUkm.Dashboard.Host.Demo;
using KopUkm.Dashboard.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Host;

/// <summary>
/// The same program doubles as the operator's tool: <c>migrate</c>, <c>seed-demo</c>, <c>create-admin</c>,
/// <c>backup</c>, <c>restore</c>, <c>import-cooperatives</c>, <c>create-api-key</c> and <c>copy-to-postgresql</c>. Each prints a plain sentence and exits non-zero on
/// failure (2 when it was called wrongly).
/// </summary>
public static class OperatorCommands
{
    public static IReadOnlySet<string> Names { get; } = new HashSet<string> { "migrate", "seed-demo", "create-admin", "backup", "restore", "import-cooperatives", "create-api-key", CopyToPostgreSqlCommand.Name, "help" };

    public static bool IsCommand(string[] args) => args.Length > 0 && Names.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args, TextWriter output, TextWriter error)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(LocalizationSetup.Indonesian);
        var L = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        try
        {
            // Commands do not start the web host, so the settings are checked here as a start would check them.
            app.Services.CheckSettings();
        }
        catch (OptionsValidationException ex)
        {
            foreach (var failure in ex.Failures)
            {
                await error.WriteLineAsync(failure);
            }

            return 2;
        }

        try
        {
            return args[0] switch
            {
                "migrate" => await MigrateAsync(app, output, L),
                "seed-demo" => await SeedDemoAsync(app, args[1..], output, error, L),
                "create-admin" => await CreateAdminAsync(app, args[1..], output, error, L),
                "backup" => await BackupAsync(app, args[1..], output, error, L),
                "restore" => await RestoreAsync(app, args[1..], output, error, L),
                "import-cooperatives" => await ImportCooperativesAsync(app, args[1..], output, error, L),
                "create-api-key" => await CreateApiKeyAsync(app, args[1..], output, error, L),
                CopyToPostgreSqlCommand.Name => await CopyToPostgreSqlCommand.RunAsync(app, args[1..], output, error, L),
                _ => Help(output, L),
            };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            await error.WriteLineAsync(L["Cli.UnexpectedError", ex.Message]);
            return 1;
        }
    }

    private static int Help(TextWriter output, IStringLocalizer L)
    {
        output.WriteLine(L["Cli.Help"]);
        return 0;
    }

    private static async Task<int> MigrateAsync(WebApplication app, TextWriter output, IStringLocalizer L)
    {
        await DatabaseSetup.UnderStartupLockAsync(app.Services, async () =>
        {
            await DatabaseSetup.MigrateAsync(app.Services);
            await using var scope = app.Services.CreateAsyncScope();
            await StartupTasks.SeedReferenceDataAsync(scope.ServiceProvider);
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().EnsureRolesAsync();
            await StartupTasks.BackfillAsync(scope.ServiceProvider);
        });
        await output.WriteLineAsync(L["Cli.Migrated", DatabaseName(app)]);
        return 0;
    }

    /// <summary>Where the data lives, for messages: the SQLite file, or PostgreSQL's host and database (never the password).</summary>
    private static string DatabaseName(WebApplication app)
    {
        var options = DatabaseOptions.From(app.Configuration);
        if (options.ProviderKind != DatabaseProvider.PostgreSQL)
        {
            return app.Services.GetRequiredService<DataPaths>().DatabaseFile;
        }

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(options.ConnectionString);
        return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
    }

    /// <summary>On PostgreSQL, backups and restores are the database administrator's (pg_dump/pg_restore): says so and refuses.</summary>
    private static async Task<bool> RefusedOnPostgreSqlAsync(WebApplication app, TextWriter error, IStringLocalizer L)
    {
        if (DatabaseOptions.From(app.Configuration).ProviderKind != DatabaseProvider.PostgreSQL)
        {
            return false;
        }

        await error.WriteLineAsync(L["Cli.BackupOnPostgreSql"]);
        return true;
    }

    /// <summary>
    /// <c>seed-demo [--scale medium|large] [--seed N]</c>: the demo data, or with <c>--scale</c> a province-sized
    /// data set for load measurements (see <see cref="ScaleDemoSeeder"/>).
    /// </summary>
    private static async Task<int> SeedDemoAsync(WebApplication app, string[] args, TextWriter output, TextWriter error, IStringLocalizer L)
    {
        var options = ParseOptions(args);
        DemoScale? scale = null;
        int? seed = null;
        if (args.Length != options.Count * 2
            || options.Keys.Any(k => k is not ("scale" or "seed"))
            || (options.TryGetValue("scale", out var scaleName) && (scale = DemoScale.Find(scaleName)) is null)
            || (options.TryGetValue("seed", out var seedText) && (seed = ParseSeed(seedText)) is null))
        {
            await error.WriteLineAsync(L["Cli.SeedDemoUsage"]);
            return 2;
        }

        if (app.Environment.IsProduction())
        {
            await error.WriteLineAsync(L["Cli.SeedDemoRefusedInProduction"]);
            return 2;
        }

        await MigrateAsync(app, TextWriter.Null, L);
        await using var scope = app.Services.CreateAsyncScope();
        if (scale is not null)
        {
            return await SeedScaleAsync(scope.ServiceProvider.GetRequiredService<ScaleDemoSeeder>(), scale, seed ?? ScaleDemoSeeder.DefaultSeed, output, L);
        }

        var created = await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedDemoUsersAsync();
        await output.WriteLineAsync(L["Cli.DemoSeeded", created]);
        foreach (var seeder in StartupTasks.DemoSeeders(scope.ServiceProvider))
        {
            var report = await seeder.SeedDemoAsync(seed);
            await output.WriteLineAsync(L[report.MessageKey, report.Arguments]);
        }

        await DatabaseSetup.AdvanceIdentitySequencesAsync(scope.ServiceProvider);

        await StartupTasks.BackfillAsync(scope.ServiceProvider);
        return 0;
    }

    private static async Task<int> SeedScaleAsync(ScaleDemoSeeder seeder, DemoScale scale, int seed, TextWriter output, IStringLocalizer L)
    {
        await output.WriteLineAsync(L["Cli.ScaleStarted", scale.Name, scale.Tickets, scale.Cooperatives, scale.RegistrationCases, scale.ContentItems, scale.ItTasks, seed]);
        var reported = new HashSet<DemoSeedPart>();
        var progress = new SynchronousProgress<DemoSeedProgress>(p =>
        {
            reported.Add(p.Part);
            output.WriteLine(L["Cli.ScaleProgress", L[$"Cli.ScalePart.{p.Part}"], p.Done, p.Total, Seconds(p.Elapsed)]);
        });
        var result = await seeder.SeedAsync(scale, seed, progress);
        foreach (var part in Enum.GetValues<DemoSeedPart>().Where(p => !reported.Contains(p)))
        {
            await output.WriteLineAsync(L["Cli.ScalePartExists", L[$"Cli.ScalePart.{part}"]]);
        }

        await output.WriteLineAsync(L["Cli.ScaleDone", scale.Name, Seconds(result.Elapsed), result["TicketEvents"], result["Handoffs"]]);
        return 0;
    }

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.0", CultureInfo.CurrentCulture);

    private static int? ParseSeed(string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : null;

    private static async Task<int> CreateAdminAsync(WebApplication app, string[] args, TextWriter output, TextWriter error, IStringLocalizer L)
    {
        var options = ParseOptions(args);
        if (!options.TryGetValue("email", out var email) || !options.TryGetValue("password", out var password))
        {
            await error.WriteLineAsync(L["Cli.CreateAdminUsage"]);
            return 2;
        }

        await MigrateAsync(app, TextWriter.Null, L);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministrationService>();
        var result = await users.CreateAdministratorAsync(
            email,
            password,
            options.GetValueOrDefault("name") ?? "Administrator",
            options.GetValueOrDefault("division") ?? "TI");
        if (!result.Succeeded)
        {
            await error.WriteLineAsync(L["Cli.CreateAdminFailed", string.Join(" ", result.Errors.Select(L.Text))]);
            return 1;
        }

        await output.WriteLineAsync(L["Cli.AdminCreated", email]);
        return 0;
    }

    /// <summary>
    /// <c>create-api-key --name "…"</c>: makes a key for the Open311 API and prints it once (only its hash is kept).
    /// </summary>
    private static async Task<int> CreateApiKeyAsync(WebApplication app, string[] args, TextWriter output, TextWriter error, IStringLocalizer L)
    {
        var options = ParseOptions(args);
        if (args.Length != 2 || !options.TryGetValue("name", out var name) || string.IsNullOrWhiteSpace(name))
        {
            await error.WriteLineAsync(L["Cli.CreateApiKeyUsage"]);
            return 2;
        }

        await MigrateAsync(app, TextWriter.Null, L);
        await using var scope = app.Services.CreateAsyncScope();
        var (result, key) = await scope.ServiceProvider.GetRequiredService<ApiKeyAdmin>().CreateAsOperatorAsync(name);
        if (!result.Succeeded)
        {
            await error.WriteLineAsync(L["Cli.CreateApiKeyFailed", string.Join(" ", result.Errors.Select(L.Text))]);
            return 1;
        }

        await output.WriteLineAsync(L["Cli.ApiKeyCreated", key!.Name, key.Prefix]);
        await output.WriteLineAsync(key.Key);
        return 0;
    }

    private static async Task<int> BackupAsync(WebApplication app, string[] args, TextWriter output, TextWriter error, IStringLocalizer L)
    {
        if (args.Length != 1)
        {
            await error.WriteLineAsync(L["Cli.BackupUsage"]);
            return 2;
        }

        if (await RefusedOnPostgreSqlAsync(app, error, L))
        {
            return 2;
        }

        var result = await app.Services.GetRequiredService<SqliteBackupService>().BackupToAsync(args[0]);
        if (!result.Succeeded)
        {
            await error.WriteLineAsync(L[$"Backup.Failure.{result.Failure}", result.Detail ?? ""]);
            return 1;
        }

        await output.WriteLineAsync(L["Cli.BackupDone", result.File!, result.Bytes]);
        return 0;
    }

    private static async Task<int> RestoreAsync(WebApplication app, string[] args, TextWriter output, TextWriter error, IStringLocalizer L)
    {
        if (args.Length != 1)
        {
            await error.WriteLineAsync(L["Cli.RestoreUsage"]);
            return 2;
        }

        if (await RefusedOnPostgreSqlAsync(app, error, L))
        {
            return 2;
        }

        var result = await app.Services.GetRequiredService<SqliteBackupService>().RestoreFromAsync(args[0]);
        if (!result.Succeeded)
        {
            await error.WriteLineAsync(L[$"Restore.Failure.{result.Failure}", result.Detail ?? ""]);
            return 1;
        }

        await output.WriteLineAsync(L["Cli.RestoreDone", args[0], result.PreRestoreBackup ?? "-"]);
        return 0;
    }

    /// <summary>
    /// <c>import-cooperatives &lt;file&gt; [--dry-run]</c>: prints each bad row with its line and reason, imports the
    /// valid rows (unless a dry run) and prints the counts. Exits 0 only when every row was valid.
    /// </summary>
    private static async Task<int> ImportCooperativesAsync(WebApplication app, string[] args, TextWriter output, TextWriter error, IStringLocalizer L)
    {
        var dryRun = args.Contains("--dry-run", StringComparer.Ordinal);
        var files = args.Where(a => a != "--dry-run").ToList();
        if (files.Count != 1 || files[0].StartsWith("--", StringComparison.Ordinal))
        {
            await error.WriteLineAsync(L["Cli.ImportUsage"]);
            return 2;
        }

        var path = files[0];
        if (!File.Exists(path))
        {
            await error.WriteLineAsync(L["Cli.ImportFileNotFound", path]);
            return 1;
        }

        await MigrateAsync(app, TextWriter.Null, L);
        await using var scope = app.Services.CreateAsyncScope();
        var imports = scope.ServiceProvider.GetRequiredService<CooperativeImportService>();
        CooperativeImportResult result;
        await using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024))
        {
            result = await imports.ImportAsOperatorAsync(file, Path.GetFileName(path), dryRun, new ImportProgressLines(output, L));
        }

        if (result.FileError is { } fileError)
        {
            await error.WriteLineAsync(L.Reason(fileError));
            return 1;
        }

        if (result.ReadAsWindows1252)
        {
            await output.WriteLineAsync(L["Csv.ReadAsWindows1252"]);
        }

        foreach (var line in result.Errors)
        {
            await error.WriteLineAsync(L.LineMessage(line));
        }

        if (result.ErrorCount > result.Errors.Count)
        {
            await error.WriteLineAsync(L["CooperativeImport.ErrorsCapped", result.Errors.Count, result.ErrorCount]);
        }

        await output.WriteLineAsync(L[dryRun ? "Cli.ImportDryRun" : "Cli.ImportDone", result.Added, result.Updated, result.Unchanged, result.BadRows]);
        return result.AllRowsValid ? 0 : 1;
    }

    /// <summary>Reads <c>--key value</c> pairs.</summary>
    internal static Dictionary<string, string> ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                options[args[i][2..]] = args[i + 1];
                i++;
            }
        }

        return options;
    }
}

/// <summary>Reports on the caller's thread, in order (<see cref="Progress{T}"/> posts to the thread pool).</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}

/// <summary>
/// A line each time another 10,000 rows are checked or saved, and one when a pass ends, so an operator importing a
/// long list sees it move. Reported on the importing thread, in order.
/// </summary>
internal sealed class ImportProgressLines(TextWriter output, IStringLocalizer L) : IProgress<CooperativeImportProgress>
{
    private const int Every = 10_000;
    private int lastRows;
    private bool endShown;
    private CooperativeImportStage? lastStage;

    public void Report(CooperativeImportProgress value)
    {
        if (value.Stage != lastStage)
        {
            (lastRows, endShown, lastStage) = (0, false, value.Stage);
        }

        var passEnds = !endShown && (value.Total is { } total ? value.Rows >= total : value.Fraction >= 1);
        endShown |= passEnds;
        if (value.Rows / Every > lastRows / Every || passEnds)
        {
            output.WriteLine(value.Stage == CooperativeImportStage.Saving
                ? L["Cli.ImportSaving", value.Rows, value.Total ?? 0]
                : L["Cli.ImportChecking", value.Rows]);
        }

        lastRows = value.Rows;
    }
}
