using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace KopUkm.Dashboard.Tests.TestInfrastructure;

/// <summary>
/// Stands in for the TCP peer of a request in an in-memory test host, which has none: the address in the
/// <see cref="Header"/> request header becomes <c>Connection.RemoteIpAddress</c> before the app's pipeline (and its
/// forwarded-headers step) runs, as a load balancer's own address would. Without a peer the framework's forwarded
/// headers step trusts any <c>X-Forwarded-For</c>, so a test of which proxies are trusted needs one.
/// </summary>
public sealed class TestPeerAddress : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var peer) && IPAddress.TryParse(peer.ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
