using KopUkm.Dashboard.Data;

namespace KopUkm.Dashboard.Features.Backups;

/// <summary>
/// An exclusive lock file beside the database. The running app holds it for its whole life; a restore takes it
/// first, so a restore can never swap the file out from under a live app.
/// </summary>
public sealed class DataFolderLock : IDisposable
{
    private readonly FileStream stream;

    private DataFolderLock(FileStream stream) => this.stream = stream;

    public static DataFolderLock? TryAcquire(DataPaths paths)
    {
        paths.EnsureCreated();
        Directory.CreateDirectory(Path.GetDirectoryName(paths.LockFile)!);
        try
        {
            return new DataFolderLock(new FileStream(paths.LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => stream.Dispose();
}
