using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace KopUkm.Dashboard.Tests.Features.Content.Import;

/// <summary>
/// A real Kestrel server on a free loopback port that serves whatever files a test puts at a path, and remembers
/// the User-Agent it was sent. One per test class (a class fixture); each test uses its own paths.
/// </summary>
public sealed class SitemapServer : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, (byte[] Body, string ContentType)> files = new(StringComparer.Ordinal);
    private WebApplication app = default!;

    public string BaseUrl { get; private set; } = "";

    public string? LastUserAgent { get; private set; }

    public void Serve(string path, byte[] body, string contentType = "application/xml") => files[path] = (body, contentType);

    public string Url(string path) => BaseUrl + path;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.Run(async context =>
        {
            LastUserAgent = context.Request.Headers.UserAgent.ToString();
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
