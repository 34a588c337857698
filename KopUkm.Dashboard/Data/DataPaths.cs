namespace KopUkm.Dashboard.Data;

/// <summary>
/// Where the app keeps its files: the database, the job store and backups all live in one data folder
/// (<c>Data:Folder</c>, default <c>./data</c> under the content root), so one folder is all an operator backs up.
/// </summary>
public sealed class DataPaths
{
    public DataPaths(IConfiguration configuration, IHostEnvironment environment)
    {
        var folder = configuration["Data:Folder"];
        Folder = Path.GetFullPath(string.IsNullOrWhiteSpace(folder) ? "data" : folder, environment.ContentRootPath);
        // A connection string that names another SQLite file moves the database there, and with it the lock and the
        // backups' source: the one-instance lock always guards the file actually in use.
        // On PostgreSQL the connection string is Npgsql's: the SQLite file stays the unused default.
        var configured = DatabaseOptions.Parse(configuration["Database:Provider"]) == DatabaseProvider.PostgreSQL ? null : configuration.GetConnectionString("Default");
        var named = string.IsNullOrWhiteSpace(configured) ? null : new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(configured).DataSource;
        DatabaseFile = string.IsNullOrWhiteSpace(named) || named == ":memory:"
            ? Path.Combine(Folder, "kopukm.db")
            : Path.GetFullPath(named, environment.ContentRootPath);
        JobsDatabaseFile = Path.Combine(Folder, "kopukm-jobs.db");
        BackupsFolder = Path.Combine(Folder, "backups");
        KeysFolder = Path.Combine(Folder, "keys");
        AttachmentsFolder = Path.Combine(Folder, "attachments");
    }

    public string Folder { get; }

    public string DatabaseFile { get; }

    public string JobsDatabaseFile { get; }

    public string BackupsFolder { get; }

    /// <summary>The data protection key ring (cookies, antiforgery tokens): as secret as the database.</summary>
    public string KeysFolder { get; }

    /// <summary>The public applicants' files on SQLite (on PostgreSQL they live in the database).</summary>
    public string AttachmentsFolder { get; }

    /// <summary>Held exclusively by the running app so that a restore can refuse to run underneath it.</summary>
    public string LockFile => DatabaseFile + ".lock";

    public void EnsureCreated()
    {
        Directory.CreateDirectory(Folder);
        Directory.CreateDirectory(BackupsFolder);
    }
}
