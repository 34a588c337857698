using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using KopUkm.Benchmarks.Harness;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Content;
using KopUkm.Dashboard.Features.Content.LiveCheck;
using KopUkm.Dashboard.Features.Organization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KopUkm.Benchmarks.Sections;

/// <summary>
/// The live-site check job (<see cref="ContentLiveCheckService.RunAsync"/>) over pages served by a local Kestrel site on
/// four loopback ports (four origins, so four hosts for the politeness limits). The site logs every request's arrival,
/// so the report shows the rate each host actually saw, the smallest gap between two requests to one host, and the
/// total rate, which is the per-host rate times the hosts checked in parallel.
/// </summary>
internal static class LiveCheckBench
{
    public const int Hosts = 4;

    public static async Task<LiveCheckResult> RunAsync(int pages, double ratePerHost)
    {
        await using var site = await LocalSite.StartAsync(Hosts);
        var folder = Directory.CreateTempSubdirectory("kopukm-bench-livecheck-").FullName;
        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["Content:LiveCheck:SiteUrl"] = "http://127.0.0.1",
                ["Content:LiveCheck:RequestsPerSecondPerHost"] = ratePerHost.ToString(CultureInfo.InvariantCulture),
                ["Content:LiveCheck:MaxConcurrentHosts"] = Hosts.ToString(CultureInfo.InvariantCulture),
                // The local site runs on this machine: the fetch guard refuses loopback unless told otherwise.
                ["Content:Fetch:AllowLoopback"] = "true",
            };
            for (var i = 0; i < site.Ports.Count; i++)
            {
                settings[$"Content:Fetch:AllowedPorts:{i}"] = site.Ports[i].ToString(CultureInfo.InvariantCulture);
            }

            await using var app = BenchApp.Create(folder, settings);
            await app.PrepareAsync();
            await AddPagesAsync(app, site.Ports, pages);
            var started = Stopwatch.GetTimestamp();
            var run = await app.Get<ContentLiveCheckService>().RunAsync();
            var elapsed = Stopwatch.GetElapsedTime(started);
            await using var db = await app.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            var recorded = await db.Set<ContentCheck>().CountAsync();
            return Analyse(site.Arrivals.ToArray(), pages, run, recorded, elapsed, ratePerHost);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Published website pages spread evenly over the local hosts, never checked before.</summary>
    private static async Task AddPagesAsync(BenchApp app, IReadOnlyList<int> ports, int pages)
    {
        await using var db = await app.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var divisions = await db.Set<Division>().Select(d => d.Id).OrderBy(id => id).ToListAsync();
        var published = DateTime.UtcNow.AddDays(-30);
        var items = Enumerable.Range(0, pages).Select(i =>
        {
            var item = new ContentItem
            {
                Title = $"Halaman {i}",
                Kind = ContentKind.WebsitePage,
                Channel = ContentChannel.Website,
                Url = $"http://127.0.0.1:{ports[i % ports.Count]}/halaman/{i}",
                OwnerDivisionId = divisions[i % divisions.Count],
                Category = InformationCategory.SetiapSaat,
                State = ContentState.Terbit,
                StateChangedAtUtc = published,
                PublishedAtUtc = published,
                CreatedAtUtc = published,
            };
            ContentFreshnessRules.Refresh(item, DateTime.UtcNow);
            return item;
        }).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync();
        BulkInsert.Rows(db, items);
        await transaction.CommitAsync();
    }

    private static LiveCheckResult Analyse(
        Arrival[] arrivals, int pages, LiveCheckRunResult run, int recorded, TimeSpan elapsed, double configured)
    {
        var perHost = arrivals.GroupBy(a => a.Port).Select(g =>
        {
            var times = g.Select(a => a.Timestamp).Order().ToArray();
            var span = Stopwatch.GetElapsedTime(times[0], times[^1]).TotalSeconds;
            var gaps = times.Zip(times.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a, b).TotalMilliseconds).Order().ToArray();
            return new HostRate(g.Key, times.Length, span > 0 ? (times.Length - 1) / span : 0, gaps.Length == 0 ? 0 : gaps[gaps.Length / 2], BusiestSecond(times));
        }).OrderBy(h => h.Port).ToList();
        var first = arrivals.Min(a => a.Timestamp);
        var last = arrivals.Max(a => a.Timestamp);
        var total = (arrivals.Length - 1) / Stopwatch.GetElapsedTime(first, last).TotalSeconds;
        return new LiveCheckResult(pages, run, recorded, elapsed, configured, perHost, arrivals.Length, total);
    }

    /// <summary>The most arrivals within any one second (a sliding window over the sorted arrival times).</summary>
    private static int BusiestSecond(long[] times)
    {
        var busiest = 0;
        var start = 0;
        for (var end = 0; end < times.Length; end++)
        {
            while (Stopwatch.GetElapsedTime(times[start], times[end]) >= TimeSpan.FromSeconds(1))
            {
                start++;
            }

            busiest = Math.Max(busiest, end - start + 1);
        }

        return busiest;
    }

    private sealed record Arrival(int Port, long Timestamp);

    /// <summary>A small public site on several loopback ports: robots.txt, pages with a few shared links, one page in a hundred gone.</summary>
    private sealed class LocalSite : IAsyncDisposable
    {
        private readonly WebApplication app;

        private LocalSite(WebApplication app, IReadOnlyList<int> ports)
        {
            this.app = app;
            Ports = ports;
        }

        public IReadOnlyList<int> Ports { get; }

        public ConcurrentQueue<Arrival> Arrivals { get; } = new();

        public static async Task<LocalSite> StartAsync(int hosts)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(options =>
            {
                for (var i = 0; i < hosts; i++)
                {
                    options.Listen(IPAddress.Loopback, 0);
                }
            });
            var app = builder.Build();
            LocalSite? site = null;
            app.Use((context, next) =>
            {
                site!.Arrivals.Enqueue(new Arrival(context.Connection.LocalPort, Stopwatch.GetTimestamp()));
                return next(context);
            });
            app.MapGet("/robots.txt", () => "User-agent: *\nDisallow: /admin/\n");
            app.MapGet("/", () => Results.Content(Html("Beranda", "Dinas Koperasi dan UKM Provinsi Jambi."), "text/html; charset=utf-8"));
            app.MapGet("/kontak", () => Results.Content(Html("Kontak", "Jl. R.M. Noor Admadibrata, Telanaipura, Jambi."), "text/html; charset=utf-8"));
            app.MapGet("/halaman/{number:int}", (int number) => number % 100 == 99
                ? Results.NotFound()
                : Results.Content(
                    Html($"Halaman {number}", $"Persyaratan dan prosedur layanan nomor {number} bagi koperasi dan UMKM di Provinsi Jambi."),
                    "text/html; charset=utf-8"));
            await app.StartAsync();
            var ports = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
                .Select(a => new Uri(a).Port).ToList();
            site = new LocalSite(app, ports);
            return site;
        }

        private static string Html(string title, string text) =>
            $"""
            <!doctype html><html lang="id"><head><meta charset="utf-8"><title>{title}</title></head>
            <body><nav><a href="/">Beranda</a> <a href="/kontak">Kontak</a> <a href="/unduhan/formulir-lama.pdf">Formulir</a></nav>
            <main><h1>{title}</h1><p>{text}</p><p>Diperbarui {DateTime.UtcNow:O}</p></main></body></html>
            """;

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}

/// <param name="Rate">Requests per second as the host saw them, over its first to last arrival.</param>
/// <param name="MedianGapMs">The median gap between two arrivals at the host.</param>
/// <param name="BusiestSecond">The most requests the host saw within any one second.</param>
internal sealed record HostRate(int Port, int Requests, double Rate, double MedianGapMs, int BusiestSecond);

internal sealed record LiveCheckResult(
    int Pages, LiveCheckRunResult Run, int ChecksRecorded, TimeSpan Elapsed, double ConfiguredRate, IReadOnlyList<HostRate> Hosts, int Requests, double TotalRate)
{
    /// <summary>How many hosts were being checked at once, on average: total rate over the mean per-host rate.</summary>
    public double Parallelism => TotalRate / Hosts.Average(h => h.Rate);
}
