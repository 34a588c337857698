using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KopUkm.Dashboard.Tests.TestInfrastructure;

/// <summary>
/// The whole app on a throwaway data folder and the pinned test clock (running forward): real SQLite, in-memory Hangfire storage, demo users seeded (but not the
/// demo register, tickets or IT tasks: no test here needs them, and every host would pay for them),
/// sessions re-checked every two seconds so session-ending tests need not wait a minute.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    private readonly TempFolder folder = new();

    public string DataFolder => folder.Path;

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
        return host;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            folder.Dispose();
        }
    }
}

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
