using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace KopUkm.Dashboard.Tests.TestInfrastructure;

/// <summary>The database a test class runs on. Tests that must hold on both take it as a parameter (see <see cref="TestServices"/>).</summary>
public enum TestProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// A throwaway PostgreSQL cluster for the whole test run: <c>initdb</c> into a temp folder and <c>pg_ctl start</c> on a
/// free port (as the <c>postgres</c> user via <c>runuser</c> when the tests run as root), started on first use and
/// stopped when the test process exits. One template database is migrated and seeded with reference data once; each
/// test class gets its own database copied from it (<c>CREATE DATABASE … TEMPLATE</c>, a file copy: milliseconds).
/// The binaries come from <c>PG_BIN</c> or the newest <c>/usr/lib/postgresql/*/bin</c> (scripts/test.sh installs them).
/// </summary>
public sealed class PostgreSqlCluster
{
    private const string TemplateName = "kopukm_template";
    private static readonly Lazy<Task<PostgreSqlCluster>> Shared = new(StartAsync);
    private static readonly SemaphoreSlim Creating = new(1, 1);
    private static int databases;

    private readonly string binaries;
    private readonly string folder;
    private bool templateReady;

    private PostgreSqlCluster(string binaries, string folder, int port)
    {
        this.binaries = binaries;
        this.folder = folder;
        Port = port;
    }

    public int Port { get; }

    private string DataFolder => Path.Combine(folder, "data");

    /// <summary>A new database for one test class, with the app's schema and reference data; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(Func<string, Task> prepareTemplate)
    {
        var cluster = await Shared.Value;
        await Creating.WaitAsync();
        try
        {
            if (!cluster.templateReady)
            {
                await cluster.ExecuteAsync($"DROP DATABASE IF EXISTS \"{TemplateName}\"");
                await cluster.ExecuteAsync($"CREATE DATABASE \"{TemplateName}\"");
                await prepareTemplate(cluster.ConnectionString(TemplateName));
                // Copying a database needs its template idle: the app's pooled connections to it must go.
                NpgsqlConnection.ClearAllPools();
                cluster.templateReady = true;
            }

            var name = $"kopukm_test_{Environment.ProcessId}_{Interlocked.Increment(ref databases)}";
            await cluster.ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{TemplateName}\"");
            return cluster.ConnectionString(name);
        }
        finally
        {
            Creating.Release();
        }
    }

    /// <summary>
    /// A new database with nothing in it (no schema, no template): for what must start from empty, such as the app's own
    /// first start, or copying an office's data into a fresh database. Returns its connection string.
    /// </summary>
    public static async Task<string> CreateEmptyDatabaseAsync()
    {
        var cluster = await Shared.Value;
        var name = $"kopukm_empty_{Environment.ProcessId}_{Interlocked.Increment(ref databases)}";
        await cluster.ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return cluster.ConnectionString(name);
    }

    /// <summary>
    /// Drops a database made by <see cref="CreateDatabaseAsync"/> or <see cref="CreateEmptyDatabaseAsync"/> once its
    /// app is gone (its pooled connections are closed first; any left over are ended by <c>FORCE</c>). Databases not
    /// dropped go with the cluster at the end of the run.
    /// </summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var cluster = await Shared.Value;
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        // The test's own connections and the app's (which adds the session time zone to the same string).
        foreach (var pool in new[] { connectionString, Dashboard.Data.PostgreSql.PostgreSqlDatabase.ConnectionString(connectionString) })
        {
            await using var pooled = new NpgsqlConnection(pool);
            NpgsqlConnection.ClearPool(pooled);
        }

        await cluster.ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    private string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Database = database,
        Username = "postgres",
        // Small pools: many test classes each hold their own database's connections.
        MaxPoolSize = 10,
        ConnectionIdleLifetime = 10,
    }.ToString();

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<PostgreSqlCluster> StartAsync()
    {
        var binaries = FindBinaries();
        var asRoot = Environment.UserName == "root";
        await RemoveLeftoversAsync(binaries, asRoot);
        var folder = Path.Combine(Path.GetTempPath(), $"kopukm-pg-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        if (asRoot && !OperatingSystem.IsWindows())
        {
            // The server refuses to run as root: the postgres user owns the cluster's folder.
            File.SetUnixFileMode(folder, (UnixFileMode)0x1FF);
        }

        var cluster = new PostgreSqlCluster(binaries, folder, FreePort());
        await cluster.RunAsync(asRoot, "initdb", "-D", cluster.DataFolder, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        // Durability off: a test cluster is thrown away; fsync would only cost time.
        var settings = $"-p {cluster.Port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
        await cluster.RunAsync(asRoot, "pg_ctl", "start", "-w", "-t", "60", "-D", cluster.DataFolder, "-l", Path.Combine(folder, "server.log"), "-o", settings);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop(asRoot);
        return cluster;
    }

    /// <summary>
    /// Clusters of earlier test runs whose process is gone (killed, or its exit handler cut short) are stopped and
    /// deleted, so throwaway clusters never pile up under the temp folder.
    /// </summary>
    private static async Task RemoveLeftoversAsync(string binaries, bool asRoot)
    {
        foreach (var leftover in Directory.GetDirectories(Path.GetTempPath(), "kopukm-pg-*"))
        {
            var parts = Path.GetFileName(leftover).Split('-');
            if (parts.Length < 3 || !int.TryParse(parts[2], out var pid) || IsRunning(pid))
            {
                continue;
            }

            var stale = new PostgreSqlCluster(binaries, leftover, 0);
            if (File.Exists(Path.Combine(stale.DataFolder, "postmaster.pid")))
            {
                try
                {
                    await stale.RunAsync(asRoot, "pg_ctl", "stop", "-m", "immediate", "-D", stale.DataFolder);
                }
                catch (InvalidOperationException)
                {
                    // Not running any more: only the folder is left.
                }
            }

            try
            {
                Directory.Delete(leftover, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another run may be removing it at the same moment.
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private void Stop(bool asRoot)
    {
        try
        {
            RunAsync(asRoot, "pg_ctl", "stop", "-m", "immediate", "-D", DataFolder).GetAwaiter().GetResult();
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            // Best effort at exit: the folder is under the temp path.
        }
    }

    private async Task RunAsync(bool asRoot, string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(asRoot ? "runuser" : Path.Combine(binaries, tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asRoot)
        {
            foreach (var part in new[] { "-u", "postgres", "--", Path.Combine(binaries, tool) })
            {
                start.ArgumentList.Add(part);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        // pg_ctl start leaves the server running with our pipes inherited: read to the end only what initdb writes.
        var output = tool == "pg_ctl" ? Task.FromResult("") : process.StandardOutput.ReadToEndAsync();
        var errors = tool == "pg_ctl" ? Task.FromResult("") : process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            var log = Path.Combine(folder, "server.log");
            throw new InvalidOperationException(
                $"{tool} failed ({process.ExitCode}): {await output}{await errors}{(File.Exists(log) ? await File.ReadAllTextAsync(log) : "")}");
        }
    }

    private static string FindBinaries()
    {
        if (Environment.GetEnvironmentVariable("PG_BIN") is { Length: > 0 } configured)
        {
            return configured;
        }

        var found = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Folder: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(d => File.Exists(Path.Combine(d.Folder, "initdb")))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Folder)
                .FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            "PostgreSQL is not installed: run scripts/test.sh (it installs Debian's postgresql) or set PG_BIN to its bin folder.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
