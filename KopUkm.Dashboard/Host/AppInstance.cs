using System.Globalization;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Backups;
using KopUkm.Dashboard.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Host;

public static class AppInstance
{
    /// <summary>Exit codes of a start that is refused, for service managers and scripts.</summary>
    public const int BadSettings = 2;

    public const int AlreadyRunning = 3;

    /// <summary>
    /// Starts the web app: takes the database's lock, checks the settings, prepares the data and serves until stopped.
    /// A second start on the same database, or a bad setting, stops with one Indonesian sentence and an exit code
    /// instead of a stack trace.
    /// </summary>
    public static async Task<int> RunAsync(WebApplication app, TextWriter error)
    {
        using var instanceLock = TryAcquireDataFolder(app);
        if (instanceLock is null)
        {
            await error.WriteLineAsync(Text(app)["Startup.AlreadyRunning", app.Services.GetRequiredService<DataPaths>().DatabaseFile]);
            return AlreadyRunning;
        }

        try
        {
            await StartupTasks.PrepareAsync(app);
        }
        catch (OptionsValidationException ex)
        {
            foreach (var failure in ex.Failures)
            {
                await error.WriteLineAsync(failure);
            }

            return BadSettings;
        }

        AppHost.UsePipeline(app);
        await app.RunAsync();
        return 0;
    }

    /// <summary>
    /// Takes the lock beside the database file actually in use (also when a connection string names another file) for
    /// the life of the app, or null when another process holds it. Two apps on one SQLite database would run every
    /// job twice, and a restore must know the app is down.
    /// </summary>
    /// <remarks>On PostgreSQL several instances share the database on purpose: there is no file to guard.</remarks>
    public static IDisposable? TryAcquireDataFolder(WebApplication app) =>
        DatabaseOptions.From(app.Configuration).ProviderKind == DatabaseProvider.PostgreSQL
            ? new NoLock()
            : DataFolderLock.TryAcquire(app.Services.GetRequiredService<DataPaths>());

    private sealed class NoLock : IDisposable
    {
        public void Dispose()
        {
        }
    }

    private static IStringLocalizer Text(WebApplication app)
    {
        CultureInfo.CurrentUICulture = new CultureInfo(LocalizationSetup.Indonesian);
        return app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
    }
}
