using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using KopUkm.Dashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KopUkm.Dashboard.Tests.TestInfrastructure;

/// <summary>
/// The whole app on a throwaway data folder and the pinned test clock (running forward): real SQLite (or, for
/// <see cref="TestProvider.PostgreSql"/>, a fresh database of its own on the test run's cluster), in-memory Hangfire
/// storage, demo users seeded (but not the demo register, tickets or IT tasks: no test here needs them, and every host
/// would pay for them), sessions re-checked every two seconds so session-ending tests need not wait a minute.
/// </summary>
/// <remarks>
/// On PostgreSQL the database is copied from the cluster's migrated template (<see cref="PostgreSqlCluster"/>), so the
/// start migrates nothing; the app itself takes the PostgreSQL paths (no data-folder lock, no SQLite backups, data
/// protection keys in the database). The database is dropped when the factory is disposed.
/// </remarks>
public class AppFactory : WebApplicationFactory<Program>
{
    private readonly TempFolder folder = new();
    private string? postgreSqlConnection;

    public AppFactory()
        : this(TestProvider.Sqlite)
    {
    }

    /// <summary>A factory on the given database (class fixtures need one public constructor: see <see cref="PostgreSqlAppFactory"/>).</summary>
    protected AppFactory(TestProvider provider) => Provider = provider;

    /// <summary>A plain app on the given database (for a test that makes its own host).</summary>
    public static AppFactory For(TestProvider provider) => provider == TestProvider.PostgreSql ? new PostgreSqlAppFactory() : new AppFactory();

    /// <summary>The database the app runs on.</summary>
    public TestProvider Provider { get; }

    public string DataFolder => folder.Path;

    /// <summary>The app's Npgsql connection string (PostgreSQL only; made when the host is built).</summary>
    public string PostgreSqlConnection => postgreSqlConnection ?? throw new InvalidOperationException("This app runs on SQLite, or has not started yet.");

    /// <summary>
    /// The app's clock: the pinned test instant, running forward from the moment the host was made. Two hosts standing
    /// for two instances of one deployment may be given one clock.
    /// </summary>
    public RunningTestClock Clock { get; init; } = new();

    /// <summary>Extra settings a test class needs (applied last).</summary>
    protected virtual Dictionary<string, string?> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Data:Folder", folder.Path);
        builder.UseSetting("Jobs:Storage", "InMemory");
        builder.UseSetting("Demo:SeedUsers", "true");
        builder.UseSetting("Demo:SeedCooperatives", "false");
        builder.UseSetting("Demo:SeedTickets", "false");
        builder.UseSetting("Demo:SeedContent", "false");
        builder.UseSetting("Demo:SeedItTasks", "false");
        builder.UseSetting("Auth:SessionRevalidationInterval", "00:00:02");
        // Every test signs in from the same address: the per-address login limit is raised here and tested on its own.
        builder.UseSetting("Auth:LoginAttemptsPerMinute", "10000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // The first-login tour would sit over the pages other tests click through; its own tests turn it on.
        builder.UseSetting("Guide:HomeTour", "false");
        if (Provider == TestProvider.PostgreSql)
        {
            // The host is built synchronously; the database is made off the test's synchronization context.
            postgreSqlConnection ??= Task.Run(TestServices.CreatePostgreSqlDatabaseAsync).GetAwaiter().GetResult();
            builder.UseSetting("Database:Provider", "PostgreSQL");
            builder.UseSetting("ConnectionStrings:Default", postgreSqlConnection);
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    /// <summary>
    /// Hangfire keeps its log provider in a process-wide static that each started host points at its own logger
    /// factory; once that host is disposed, other hosts' job workers would log into a disposed factory. Tests run
    /// many hosts in one process, so they share one provider that lives as long as the process.
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(ProcessWideHangfireLog.Instance);
        if (Provider == TestProvider.PostgreSql)
        {
            // The provider is chosen while the app registers its services: a setting that arrived too late would
            // quietly leave the tests on SQLite.
            using var scope = host.Services.CreateScope();
            using var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
            if (!db.Database.IsNpgsql())
            {
                throw new InvalidOperationException($"The app was meant to run on PostgreSQL but runs on {db.Database.ProviderName}.");
            }
        }

        return host;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            folder.Dispose();
            if (postgreSqlConnection is { } connection)
            {
                postgreSqlConnection = null;
                Task.Run(() => PostgreSqlCluster.DropDatabaseAsync(connection)).GetAwaiter().GetResult();
            }
        }
    }
}

/// <summary>The app on a fresh PostgreSQL database: the class fixture of a test class's <c>OnPostgreSql</c> subclass.</summary>
public sealed class PostgreSqlAppFactory() : AppFactory(TestProvider.PostgreSql);

/// <summary>The same app on a real Kestrel socket, for a real browser.</summary>
public class KestrelAppFactory : AppFactory
{
    private string? address;

    public string Address => address ??= StartAndReadAddress();

    /// <summary>The server's latest warnings and errors, for failure messages.</summary>
    public RecentServerLog ServerLog { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(ServerLog));
    }

    private string StartAndReadAddress()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetService(typeof(IServer)) is IServer server
            ? server.Features.Get<IServerAddressesFeature>()?.Addresses
            : null;
        return addresses?.First() ?? throw new InvalidOperationException("Kestrel reported no address.");
    }
}

/// <summary>
/// The app on Kestrel with the whole demo data set (register, cases, tickets, content, IT tasks), as a new user sees
/// it in Development: for checks that must see every page full (the accessibility matrix).
/// </summary>
public sealed class DemoDataKestrelAppFactory : KestrelAppFactory
{
    protected override Dictionary<string, string?> Settings { get; } = new()
    {
        ["Demo:SeedCooperatives"] = "true",
        ["Demo:SeedTickets"] = "true",
        ["Demo:SeedContent"] = "true",
        ["Demo:SeedItTasks"] = "true",
    };
}

/// <summary>A Hangfire log provider that outlives every test host (it writes nothing).</summary>
internal sealed class ProcessWideHangfireLog : Hangfire.Logging.ILogProvider, Hangfire.Logging.ILog
{
    public static ProcessWideHangfireLog Instance { get; } = new();

    public Hangfire.Logging.ILog GetLogger(string name) => this;

    public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) =>
        logLevel >= Hangfire.Logging.LogLevel.Warn;
}
