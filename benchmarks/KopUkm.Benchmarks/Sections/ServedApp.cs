using System.Net;
using System.Runtime;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KopUkm.Benchmarks.Sections;

/// <summary>
/// The whole app on real Kestrel over a seeded data folder, as the end-to-end tests host it, in a process of its own
/// (<c>--serve-app FOLDER</c>) so that the heap it reports holds the app and its circuits, not the browser driver.
/// <c>GET /__bench/memory</c> forces full collections and answers the managed heap and the open circuits.
/// </summary>
internal sealed class ServedApp(string dataFolder) : WebApplicationFactory<Program>
{
    public const string MemoryPath = "/__bench/memory";

    private readonly CircuitCounter circuits = new();

    /// <summary>Hosts the app until standard input closes; prints its address first.</summary>
    public static async Task<int> ServeAsync(string dataFolder)
    {
        await using var factory = new ServedApp(dataFolder);
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Console.WriteLine($"LISTENING {address}");
        await Console.In.ReadToEndAsync();
        return 0;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development serves the static assets of an unpublished build, as in the end-to-end tests.
        builder.UseEnvironment("Development");
        builder.UseSetting("Data:Folder", dataFolder);
        builder.UseSetting("Jobs:Storage", "InMemory");
        builder.UseSetting("Demo:SeedUsers", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Every simulated user signs in from this machine's one address: the per-address login limit (10 a minute by
        // default, there against guessing) would refuse the concurrency section's users after the tenth.
        builder.UseSetting("Auth:LoginAttemptsPerMinute", "10000");
        builder.ConfigureTestServices(services =>
        {
            // A closed tab's circuit is kept for reconnection (three minutes by default); a short period lets the
            // harness see memory after circuits are really gone.
            services.Configure<CircuitOptions>(o => o.DisconnectedCircuitRetentionPeriod = TimeSpan.FromSeconds(3));
            services.AddSingleton<CircuitHandler>(circuits);

            // The job server would wake up on its schedules in the middle of a measurement.
            foreach (var hosted in services.Where(IsJobServer).ToList())
            {
                services.Remove(hosted);
            }

            services.AddSingleton<IStartupFilter>(new MemoryEndpoint(circuits));
        });
    }

    private static bool IsJobServer(ServiceDescriptor d) =>
        d.ServiceType == typeof(IHostedService)
        && ((d.ImplementationType ?? d.ImplementationFactory?.Method.DeclaringType)?.Assembly.GetName().Name?.StartsWith("Hangfire", StringComparison.Ordinal) ?? false);

    private sealed class MemoryEndpoint(CircuitCounter circuits) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Path != MemoryPath)
                {
                    await nextMiddleware(context);
                    return;
                }

                if (context.Request.Query.ContainsKey("gc"))
                {
                    for (var i = 0; i < 2; i++)
                    {
                        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                        GC.WaitForPendingFinalizers();
                    }
                }

                var info = GC.GetGCMemoryInfo();
                await context.Response.WriteAsJsonAsync(new MemoryReading(
                    GC.GetTotalMemory(forceFullCollection: false), info.HeapSizeBytes, Environment.WorkingSet, circuits.Open, circuits.Opened));
            });
            next(app);
        };
    }

    private sealed class CircuitCounter : CircuitHandler
    {
        private int open;
        private int opened;

        public int Open => Volatile.Read(ref open);

        public int Opened => Volatile.Read(ref opened);

        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref open);
            Interlocked.Increment(ref opened);
            return Task.CompletedTask;
        }

        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Decrement(ref open);
            return Task.CompletedTask;
        }
    }
}

/// <param name="ManagedBytes">Live managed objects (<see cref="GC.GetTotalMemory"/>) after the collections.</param>
/// <param name="HeapBytes">The GC heap's size including fragmentation (<see cref="GCMemoryInfo.HeapSizeBytes"/>).</param>
internal sealed record MemoryReading(long ManagedBytes, long HeapBytes, long WorkingSetBytes, int OpenCircuits, int OpenedCircuits)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
