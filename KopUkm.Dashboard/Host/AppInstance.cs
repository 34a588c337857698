using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Backups;

namespace KopUkm.Dashboard.Host;

public static class AppInstance
{
    /// <summary>
    /// Takes the data folder's lock for the life of the app. Two apps on one SQLite folder would run every job twice,
    /// and a restore must know the app is down, so a second start on the same folder stops with a clear message.
    /// </summary>
    public static IDisposable AcquireDataFolder(WebApplication app)
    {
        var paths = app.Services.GetRequiredService<DataPaths>();
        return DataFolderLock.TryAcquire(paths)
            ?? throw new InvalidOperationException($"Another KopUkm.Dashboard process is already using the data folder {paths.Folder}. Stop it first.");
    }
}
