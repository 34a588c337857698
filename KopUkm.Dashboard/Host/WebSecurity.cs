using System.Net;
using KopUkm.Dashboard.Common;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Net.Http.Headers;
using IPNetwork = System.Net.IPNetwork;

namespace KopUkm.Dashboard.Host;

/// <summary>Reverse proxy settings (section <c>Proxy</c>): who may tell the app the client's address and scheme.</summary>
public sealed class ProxyOptions : ISettings
{
    /// <summary>Addresses of the proxies in front of the app (e.g. the office's nginx), besides this machine itself.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies, in CIDR form (e.g. <c>10.20.0.0/24</c>).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public IEnumerable<SettingProblem> Check() =>
    [
        .. KnownProxies.Where(p => !IPAddress.TryParse(p, out _)).Select(p => new SettingProblem(nameof(KnownProxies), "NotIpAddress", p)).Take(1),
        .. KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)).Select(n => new SettingProblem(nameof(KnownNetworks), "NotIpAddress", n)).Take(1),
    ];
}

/// <summary>
/// What every response carries so a browser treats the app as it should: a content security policy, no MIME
/// sniffing, no referrer leaving the site, no framing by other sites, and no caching of anything personal.
/// </summary>
public static class WebSecurity
{
    /// <summary>
    /// Scripts only from the app itself; styles also inline (MudBlazor sets element styles, a strict style policy is
    /// not supported upstream); the circuit's WebSocket is same-origin ('self'); no plugins, no base tag tricks, no
    /// form posts elsewhere, and only this site may frame the app.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /// <summary>The Hangfire dashboard (administrators only) ships inline scripts of its own.</summary>
    private const string JobsDashboardPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    public static IServiceCollection AddWebSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<ProxyOptions>("Proxy");
        var proxies = configuration.GetSection("Proxy").Get<ProxyOptions>() ?? new ProxyOptions();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // Client address and scheme only: the host name stays what the request named (AllowedHosts checks it).
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies.KnownProxies.Where(p => IPAddress.TryParse(p, out _)))
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in proxies.KnownNetworks.Where(n => IPNetwork.TryParse(n, out _)))
            {
                options.KnownIPNetworks.Add(IPNetwork.Parse(network));
            }
        });
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    /// <summary>First in the pipeline: forwarded headers, HSTS and HTTPS redirection outside Development, response headers.</summary>
    public static void UseWebSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                headers[HeaderNames.ContentSecurityPolicy] = context.Request.Path.StartsWithSegments(Jobs.JobsSetup.DashboardPath)
                    ? JobsDashboardPolicy
                    : ContentSecurityPolicy;
                headers[HeaderNames.XFrameOptions] = "SAMEORIGIN";

                // Anything served to a signed-in user is personal (their queues, exports of citizens' data): never
                // stored by the browser or a proxy. Fingerprinted static files keep their own long caching.
                if (context.User.Identity?.IsAuthenticated == true && !headers.ContainsKey(HeaderNames.ETag))
                {
                    headers[HeaderNames.CacheControl] = "no-store";
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
