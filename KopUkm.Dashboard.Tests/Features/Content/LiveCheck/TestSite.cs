using System.Collections.Concurrent;
using System.Diagnostics;
using KopUkm.Dashboard.Features.Content.LiveCheck;
using KopUkm.Dashboard.Tests.Features.Content.Fetch;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KopUkm.Dashboard.Tests.Features.Content.LiveCheck;

/// <summary>A real Kestrel site on a free loopback port that records every request it receives.</summary>
public sealed class TestSite : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<SeenRequest> seen = new();

    private TestSite(WebApplication app) => this.app = app;

    public Uri BaseUrl { get; private set; } = default!;

    /// <summary>Requests in arrival order.</summary>
    public IReadOnlyList<SeenRequest> Requests => [.. seen];

    public static async Task<TestSite> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var site = new TestSite(app);
        app.Use(async (context, next) =>
        {
            site.seen.Enqueue(new SeenRequest(
                context.Request.Method,
                context.Request.Path + context.Request.QueryString,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                Stopwatch.GetTimestamp()));
            await next(context);
        });
        map(app);
        await app.StartAsync();
        site.BaseUrl = new Uri(app.Urls.Single());
        return site;
    }

    public Uri Url(string pathAndQuery) => new(BaseUrl, pathAndQuery);

    public int CountOf(string pathAndQuery, string? method = null) =>
        Requests.Count(r => r.PathAndQuery == pathAndQuery && (method is null || r.Method == method));

    public static IResult Html(string body) =>
        Results.Content($"<!doctype html><html><head><title>Dinas</title></head><body>{body}</body></html>", "text/html; charset=utf-8");

    public async ValueTask DisposeAsync()
    {
        using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await app.StopAsync(quick.Token);
        await app.DisposeAsync();
    }
}

public sealed record SeenRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, long Timestamp)
{
    public TimeSpan Since(SeenRequest earlier) => Stopwatch.GetElapsedTime(earlier.Timestamp, Timestamp);
}

/// <summary>
/// The checker built as the app builds it, with settings fast enough for tests unless a test says otherwise, and the
/// fetch guard letting it reach the given local sites (<see cref="LocalFetch"/>).
/// </summary>
public static class TestChecker
{
    public static ServiceProvider Build(TestSite site, Dictionary<string, string?>? settings = null, TimeProvider? clock = null) =>
        Build([site.BaseUrl], settings, clock);

    public static ServiceProvider Build(Uri[] sites, Dictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Content:LiveCheck:RequestsPerSecondPerHost"] = "1000",
                ["Content:LiveCheck:Timeout"] = "00:00:05",
            })
            .AddInMemoryCollection(LocalFetch.Allow(sites))
            .AddInMemoryCollection(settings ?? [])
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddLiveSiteChecker(config);
        return services.BuildServiceProvider();
    }

    public static async Task<List<PageCheckResult>> CheckAsync(this ServiceProvider provider, params PageCheckRequest[] pages)
    {
        var results = new List<PageCheckResult>();
        await foreach (var result in provider.GetRequiredService<LiveSiteChecker>().CheckAsync(pages, CancellationToken.None))
        {
            results.Add(result);
        }

        return results;
    }

    public static PageCheckRequest Page(Uri url, long id = 1, string? etag = null, DateTimeOffset? lastModified = null, string? hash = null) =>
        new(id, url, etag, lastModified, hash);
}
