using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using KopUkm.Dashboard.Host;
using Microsoft.Playwright;
using Npgsql;

namespace KopUkm.Dashboard.Tests.TestInfrastructure;

/// <summary>
/// The production topology of docs/scale-out.md on one machine: two app processes (<c>dotnet KopUkm.Dashboard.dll</c>,
/// Development, so they seed the demo) started at the same moment on one empty PostgreSQL database, Debian's nginx in
/// front of them (sticky sessions, WebSockets, forwarded headers, failover) and a headless Chromium that only talks
/// to nginx. Everything lives in one temp folder named after the test process
/// (<c>kopukm-scaleout-&lt;pid&gt;-…</c>); the processes are stopped on dispose and when the test process exits, and a
/// later run stops and deletes what a killed run left behind (as <see cref="PostgreSqlCluster"/> does).
/// </summary>
public sealed class ScaleOutCluster : IAsyncLifetime
{
    /// <summary>nginx's own sticky cookie: a random key it sets on the first answer and hashes to pick an instance.</summary>
    public const string StickyCookie = "kopukm_sticky";

    /// <summary>A cookie that pins a browser to one instance (<c>a</c> or <c>b</c>), the other being its fallback.</summary>
    public const string PinCookie = "kopukm_pin";

    /// <summary>The response header naming the instance(s) nginx tried, in order (<c>$upstream_addr</c>).</summary>
    public const string UpstreamHeader = "X-KopUkm-Upstream";

    private const string FolderPrefix = "kopukm-scaleout-";

    /// <summary>Both instances migrate, seed 5,000 demo tickets and start on two shared cores: minutes, not seconds.</summary>
    private static readonly TimeSpan StartPatience = TimeSpan.FromMinutes(6);

    private readonly string folder = Path.Combine(Path.GetTempPath(), $"{FolderPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
    private Process? nginx;
    private IPlaywright? playwright;
    private int stopped;

    public ScaleOutInstance A { get; private set; } = default!;

    public ScaleOutInstance B { get; private set; } = default!;

    /// <summary>The balancer's address: the only one the browser uses.</summary>
    public string BaseUrl { get; private set; } = "";

    public string ConnectionString { get; private set; } = "";

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>How long the two instances took from their simultaneous start to both answering /health.</summary>
    public TimeSpan StartDuration { get; private set; }

    /// <summary>The database's clock when both instances answered: the recurring jobs are registered by then.</summary>
    public DateTime ReadyAtUtc { get; private set; }

    /// <summary>What the two starts left in the database, read before any test changed it.</summary>
    public SeedCounts Seeded { get; private set; } = default!;

    public string NginxConfig => Path.Combine(folder, "nginx.conf");

    public async Task InitializeAsync()
    {
        RemoveLeftovers();
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        ConnectionString = await PostgreSqlCluster.CreateEmptyDatabaseAsync();

        // Both at once: the first to take the start-up lock migrates and seeds, the other waits and finds it done.
        var started = Stopwatch.StartNew();
        A = ScaleOutInstance.Start("a", folder, ConnectionString);
        B = ScaleOutInstance.Start("b", folder, ConnectionString);
        await Task.WhenAll(A.WaitHealthyAsync(StartPatience), B.WaitHealthyAsync(StartPatience));
        StartDuration = started.Elapsed;
        Seeded = await ReadSeedCountsAsync();

        nginx = StartNginx();
        await WaitForBalancerAsync();

        // Assertions wait as long as actions do: two app servers, a database and a browser share two cores.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A new browser context on the balancer, pinned to instance <paramref name="pin"/> (a or b) when given.</summary>
    public async Task<IPage> NewPageAsync(string? pin = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new() { Width = 1366, Height = 900 } });
        context.SetDefaultTimeout(15_000);
        if (pin is not null)
        {
            await PinAsync(context, pin);
        }

        return await context.NewPageAsync();
    }

    /// <summary>Sets (or moves) the pin cookie of a context.</summary>
    public Task PinAsync(IBrowserContext context, string pin) =>
        context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = PinCookie, Value = pin, Url = BaseUrl }]);

    /// <summary>Opens the database the instances share (the test reads what they wrote; it never writes).</summary>
    public async Task<NpgsqlConnection> OpenDatabaseAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>The database server's clock, which is the machine clock the instances and Hangfire run on.</summary>
    public async Task<DateTime> DatabaseNowUtcAsync()
    {
        await using var db = await OpenDatabaseAsync();
        await using var command = new NpgsqlCommand("SELECT (now() AT TIME ZONE 'UTC')", db);
        return DateTime.SpecifyKind((DateTime)(await command.ExecuteScalarAsync())!, DateTimeKind.Utc);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        StopEverything();
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
    }

    private void OnProcessExit(object? sender, EventArgs e) => StopEverything();

    private void StopEverything()
    {
        if (Interlocked.Exchange(ref stopped, 1) == 1)
        {
            return;
        }

        Kill(nginx);
        A?.Kill();
        B?.Kill();
        A?.Dispose();
        B?.Dispose();
        nginx?.Dispose();
        DeleteFolder(folder);
    }

    private async Task<SeedCounts> ReadSeedCountsAsync()
    {
        await using var db = await OpenDatabaseAsync();
        async Task<long> CountAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, db);
            return (long)(await command.ExecuteScalarAsync())!;
        }

        var perEmail = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        await using (var command = new NpgsqlCommand(
            "SELECT \"NormalizedEmail\", COUNT(*) FROM \"AspNetUsers\" WHERE \"NormalizedEmail\" LIKE '%@KOPUKM.DEMO' GROUP BY \"NormalizedEmail\"", db))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                perEmail[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        ReadyAtUtc = await DatabaseNowUtcAsync();
        return new SeedCounts(
            await CountAsync("SELECT COUNT(*) FROM \"Ticket\""),
            perEmail,
            await CountAsync("SELECT COUNT(*) FROM \"__EFMigrationsHistory\""),
            await CountAsync("SELECT COUNT(DISTINCT \"MigrationId\") FROM \"__EFMigrationsHistory\""));
    }

    private Process StartNginx()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        foreach (var temp in new[] { "body", "proxy", "fastcgi", "uwsgi", "scgi" })
        {
            Directory.CreateDirectory(Path.Combine(folder, "nginx-temp", temp));
        }

        File.WriteAllText(NginxConfig, NginxConfiguration(folder, port, A.Endpoint, B.Endpoint, Environment.UserName == "root"));
        var start = new ProcessStartInfo(NginxBinary())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-p", folder, "-c", NginxConfig, "-e", Path.Combine(folder, "nginx-error.log") })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                File.AppendAllText(Path.Combine(folder, "nginx-stderr.log"), e.Data + "\n");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitForBalancerAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (nginx!.HasExited)
            {
                throw new InvalidOperationException($"nginx stopped ({nginx.ExitCode}): {ReadIfThere(Path.Combine(folder, "nginx-error.log"))}{ReadIfThere(Path.Combine(folder, "nginx-stderr.log"))}");
            }

            try
            {
                using var response = await http.GetAsync($"{BaseUrl}/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"nginx did not answer within 30 s: {ReadIfThere(Path.Combine(folder, "nginx-error.log"))}");
            }

            await Task.Delay(100); // a child process starting: nothing to await but its socket
        }
    }

    /// <summary>
    /// The balancer, as an office would run it (docs/scale-out.md shows this file): one upstream of both instances
    /// chosen by a hash of nginx's own sticky cookie, two upstreams that prefer one instance (chosen by the pin
    /// cookie; the other instance is their backup), WebSocket upgrade for the circuit, forwarded client address and
    /// scheme, and failover to the other instance when one refuses connections.
    /// </summary>
    public static string NginxConfiguration(string folder, int port, string a, string b, bool asRoot) =>
        string.Join('\n',
            asRoot ? "user root;" : "",
            "worker_processes 1;",
            "daemon off;",
            $"pid {folder}/nginx.pid;",
            $"error_log {folder}/nginx-error.log warn;",
            "events { worker_connections 1024; }",
            "http {",
            $"    access_log {folder}/nginx-access.log;",
            $"    client_body_temp_path {folder}/nginx-temp/body;",
            $"    proxy_temp_path {folder}/nginx-temp/proxy;",
            $"    fastcgi_temp_path {folder}/nginx-temp/fastcgi;",
            $"    uwsgi_temp_path {folder}/nginx-temp/uwsgi;",
            $"    scgi_temp_path {folder}/nginx-temp/scgi;",
            "",
            "    # Blazor's circuit (/_blazor) is a WebSocket: pass the upgrade on.",
            "    map $http_upgrade $connection_upgrade { default upgrade; '' close; }",
            "",
            "    # Sticky sessions: a random key in nginx's own cookie, set on the first answer, hashed to an instance.",
            $"    map $cookie_{StickyCookie} $sticky_key {{ '' $request_id; default $cookie_{StickyCookie}; }}",
            $"    map $cookie_{StickyCookie} $sticky_set {{ '' \"{StickyCookie}=$request_id; Path=/; HttpOnly; SameSite=Lax\"; default ''; }}",
            "",
            "    # Pinning a browser to one instance (diagnosis, tests): kopukm_pin=a or =b; otherwise the sticky hash.",
            $"    map $cookie_{PinCookie} $kopukm_upstream {{ a kopukm_a; b kopukm_b; default kopukm; }}",
            "",
            "    upstream kopukm {",
            "        hash $sticky_key consistent;",
            $"        server {a} max_fails=1 fail_timeout=30s;",
            $"        server {b} max_fails=1 fail_timeout=30s;",
            "    }",
            $"    upstream kopukm_a {{ server {a} max_fails=1 fail_timeout=30s; server {b} backup; }}",
            $"    upstream kopukm_b {{ server {b} max_fails=1 fail_timeout=30s; server {a} backup; }}",
            "",
            "    server {",
            $"        listen 127.0.0.1:{port};",
            "        add_header Set-Cookie $sticky_set always;",
            $"        add_header {UpstreamHeader} $upstream_addr always;",
            "        location / {",
            "            proxy_pass http://$kopukm_upstream;",
            "            proxy_http_version 1.1;",
            "            proxy_set_header Host $http_host;",
            "            proxy_set_header Upgrade $http_upgrade;",
            "            proxy_set_header Connection $connection_upgrade;",
            "            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
            "            proxy_set_header X-Forwarded-Proto $scheme;",
            "            proxy_read_timeout 1h;",
            "            proxy_connect_timeout 5s;",
            "            # A stopped instance refuses connections: the request goes to the other one.",
            "            proxy_next_upstream error timeout http_502 http_503;",
            "            proxy_next_upstream_tries 2;",
            "        }",
            "    }",
            "}",
            "");

    private static string NginxBinary()
    {
        if (Environment.GetEnvironmentVariable("NGINX") is { Length: > 0 } configured)
        {
            return configured;
        }

        foreach (var candidate in new[] { "/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx" })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("nginx is not installed: run scripts/test.sh (it installs Debian's nginx) or set NGINX to its path.");
    }

    /// <summary>
    /// Folders of earlier runs whose test process is gone: their app processes and nginx (found by the folder in their
    /// command line) are stopped and the folder deleted.
    /// </summary>
    private static void RemoveLeftovers()
    {
        foreach (var leftover in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var parts = Path.GetFileName(leftover)[FolderPrefix.Length..].Split('-');
            if (!int.TryParse(parts[0], out var pid) || IsRunning(pid))
            {
                continue;
            }

            foreach (var process in ProcessesMentioning(leftover))
            {
                Kill(process);
                process.Dispose();
            }

            DeleteFolder(leftover);
        }
    }

    private static IEnumerable<Process> ProcessesMentioning(string path)
    {
        if (!Directory.Exists("/proc"))
        {
            yield break;
        }

        foreach (var entry in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), out var pid))
            {
                continue;
            }

            string commandLine;
            try
            {
                commandLine = File.ReadAllText(Path.Combine(entry, "cmdline")).Replace('\0', ' ');
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            if (commandLine.Contains(path, StringComparison.Ordinal) && TryGetProcess(pid) is { } process)
            {
                yield return process;
            }
        }
    }

    private static Process? TryGetProcess(int pid)
    {
        try
        {
            return Process.GetProcessById(pid);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool IsRunning(int pid)
    {
        using var process = TryGetProcess(pid);
        return process is { HasExited: false };
    }

    internal static void Kill(Process? process)
    {
        try
        {
            if (process is { HasExited: false })
            {
                // The whole tree: nginx's workers and the app's children go with them.
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }

    private static void DeleteFolder(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A file still being written by a process on its way out; the next run removes the folder.
        }
    }

    private static string ReadIfThere(string path) => File.Exists(path) ? File.ReadAllText(path) : "";

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>What the instances' starts wrote: one demo seeding means 5,000 tickets and each demo account once.</summary>
public sealed record SeedCounts(long Tickets, IReadOnlyDictionary<string, long> DemoAccountsPerEmail, long Migrations, long DistinctMigrations);

/// <summary>One app process: <c>dotnet KopUkm.Dashboard.dll</c> on its own port and data folder, output in a log file.</summary>
public sealed class ScaleOutInstance : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> tail = new();
    private readonly StreamWriter log;
    private bool closed;

    private ScaleOutInstance(string name, Process process, int port, StreamWriter log)
    {
        Name = name;
        this.process = process;
        Port = port;
        this.log = log;
    }

    public string Name { get; }

    public int Port { get; }

    public int ProcessId => process.Id;

    /// <summary>host:port, as nginx names it in its upstreams and in <c>$upstream_addr</c>.</summary>
    public string Endpoint => $"127.0.0.1:{Port}";

    public string Url => $"http://{Endpoint}";

    public bool HasExited => process.HasExited;

    /// <summary>The last lines the process wrote, for failure messages.</summary>
    public string Tail => string.Join('\n', tail);

    /// <summary>
    /// The environment of a production instance on PostgreSQL, in Development so it seeds the demo accounts and
    /// tickets (not the register, content or IT tasks: nothing here reads them, and they cost start time), with
    /// every recurring job on every minute through <c>Jobs:Schedules</c> so a few minutes hold many slots.
    /// </summary>
    public static ScaleOutInstance Start(string name, string folder, string connectionString)
    {
        var port = ScaleOutCluster.FreePort();
        var data = Path.Combine(folder, $"{name}-data");
        Directory.CreateDirectory(data);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoPaths.App,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The data folder on the command line: a later run finds a killed run's processes by it (their command line).
        foreach (var argument in new[] { RepoPaths.AppAssembly, "--urls", $"http://127.0.0.1:{port}", "--Data:Folder", data })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var inherited in new[] { "ASPNETCORE_URLS", "DOTNET_ENVIRONMENT", "KOPUKM_LAUNCH_ENVIRONMENT", "LD_PRELOAD", "FAKETIME" })
        {
            start.Environment.Remove(inherited);
        }

        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Database__Provider"] = "PostgreSQL",
            ["ConnectionStrings__Default"] = connectionString,
            ["Demo__SeedUsers"] = "true",
            ["Demo__SeedTickets"] = "true",
            ["Demo__SeedCooperatives"] = "false",
            ["Demo__SeedContent"] = "false",
            ["Demo__SeedItTasks"] = "false",
            // nginx on this machine: loopback is trusted by default; named here as an office names its proxy.
            ["Proxy__KnownProxies__0"] = "127.0.0.1",
            // Every browser signs in through the balancer from one address.
            ["Auth__LoginAttemptsPerMinute"] = "10000",
            ["Guide__HomeTour"] = "false",
            ["Jobs__QueuePollInterval"] = "00:00:01",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        foreach (var job in new[]
        {
            RecurringJobs.NightlyBackup, RecurringJobs.SupervisionFlags, RecurringJobs.CaseDueDates, RecurringJobs.TicketSla,
            RecurringJobs.ContentReviewAge, RecurringJobs.ContentDigest, RecurringJobs.ContentLiveCheck, RecurringJobs.EmailOutbox,
            RecurringJobs.NotificationEmailDigest,
        })
        {
            settings[$"Jobs__Schedules__{job}"] = "* * * * *";
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var log = new StreamWriter(Path.Combine(folder, $"{name}.log")) { AutoFlush = true };
        var process = Process.Start(start)!;
        var instance = new ScaleOutInstance(name, process, port, log);
        process.OutputDataReceived += (_, e) => instance.Write(e.Data);
        process.ErrorDataReceived += (_, e) => instance.Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return instance;
    }

    /// <summary>Waits for /health to answer 200 (the process is a child: polling its socket is all there is).</summary>
    public async Task WaitHealthyAsync(TimeSpan patience)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Instance {Name} stopped ({process.ExitCode}):\n{Tail}");
            }

            try
            {
                using var response = await http.GetAsync($"{Url}/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Still migrating or seeding: Kestrel listens only once start-up work is done.
            }

            if (waited.Elapsed > patience)
            {
                throw new TimeoutException($"Instance {Name} did not answer /health within {patience.TotalMinutes} min:\n{Tail}");
            }

            await Task.Delay(250); // a child process starting: nothing to await but its socket
        }
    }

    /// <summary>Kills the process (no graceful stop: what an instance crash or a pulled plug does).</summary>
    public void Kill() => ScaleOutCluster.Kill(process);

    public void Dispose()
    {
        process.Dispose();
        lock (log)
        {
            closed = true;
            log.Dispose();
        }
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            if (!closed)
            {
                log.WriteLine(line);
            }
        }

        tail.Enqueue(line);
        while (tail.Count > 80 && tail.TryDequeue(out _))
        {
        }
    }
}
