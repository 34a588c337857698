using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace KopUkm.Dashboard.Tests.Features.Content.Import;

/// <summary>
/// A real Kestrel server on a free loopback port that serves whatever files (or redirects) a test puts at a path,
/// and remembers the User-Agent it was sent and each path requested. One per test class (a class fixture); each test
/// uses its own paths.
/// </summary>
public sealed class SitemapServer : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, (byte[] Body, string ContentType)> files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> redirects = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> requested = new();
    private WebApplication app = default!;

    public string BaseUrl { get; private set; } = "";

    public string? LastUserAgent { get; private set; }

    public void Serve(string path, byte[] body, string contentType = "application/xml") => files[path] = (body, contentType);

    /// <summary>Answers <paramref name="path"/> with 302 and this Location header, sent as given.</summary>
    public void Redirect(string path, string location) => redirects[path] = location;

    /// <summary>How often <paramref name="path"/> was requested.</summary>
    public int CountOf(string path) => requested.Count(p => p == path);

    public string Url(string path) => BaseUrl + path;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.Run(async context =>
        {
            LastUserAgent = context.Request.Headers.UserAgent.ToString();
            requested.Enqueue(context.Request.Path.Value ?? "");
            if (redirects.TryGetValue(context.Request.Path.Value ?? "", out var location))
            {
                context.Response.StatusCode = StatusCodes.Status302Found;
                context.Response.Headers.Location = location;
                return;
            }

            if (files.TryGetValue(context.Request.Path.Value ?? "", out var file))
            {
                context.Response.ContentType = file.ContentType;
                await context.Response.Body.WriteAsync(file.Body);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
        });
        await app.StartAsync();
        BaseUrl = app.Urls.First();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();
}
