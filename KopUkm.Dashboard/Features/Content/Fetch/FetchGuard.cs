using System.Globalization;
using System.Net;
using System.Net.Sockets;
using KopUkm.Dashboard.Features.Content.LiveCheck;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Features.Content.Fetch;

/// <summary>
/// The one guard of every request the product sends to the web. A request may go only to an http(s) address on an
/// allowed host (the office's site and <see cref="FetchOptions.AllowedHosts"/>, with subdomains) and port (80, 443,
/// the site's own, <see cref="FetchOptions.AllowedPorts"/>): callers check each address, redirect hops included,
/// with <see cref="Refusal"/> before sending it. The HTTP handler from <see cref="CreateHandler"/> then resolves the
/// host itself, refuses it unless every address is public (<see cref="AddressRules"/>), and connects to exactly the
/// addresses it checked, so a name cannot point elsewhere between the check and the connection.
/// </summary>
/// <remarks>
/// Whatever the cause (a refused host or address, a name that does not resolve, a closed port, a timeout), users
/// read one sentence, <see cref="RefusedMessageKey"/>, so the product cannot be used to learn what answers inside the
/// office network; the details go to the server log.
/// </remarks>
public sealed class FetchGuard
{
    /// <summary>The one sentence users read when an address could not be fetched.</summary>
    public const string RefusedMessageKey = "Fetch.Refused";

    private readonly List<AllowedHost> hosts;
    private readonly HashSet<int> ports;
    private readonly bool allowLoopback;
    private readonly ILogger<FetchGuard> logger;

    public FetchGuard(IOptions<FetchOptions> options, IOptions<LiveCheckOptions> liveCheck, ILogger<FetchGuard> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(liveCheck);
        var settings = options.Value;
        var allowedHosts = settings.AllowedHosts.Select(ParseHost).OfType<AllowedHost>().ToList();
        var allowedPorts = new HashSet<int>(settings.AllowedPorts) { 80, 443 };
        if (Uri.TryCreate(liveCheck.Value.SiteUrl, UriKind.Absolute, out var site) && ParseHost(site.Host) is { } siteHost)
        {
            // "www.dinas.go.id" stands for the office's domain: "dinas.go.id" and every subdomain of it.
            allowedHosts.Add(siteHost.Name.StartsWith("www.", StringComparison.Ordinal) ? siteHost with { Name = siteHost.Name[4..] } : siteHost);
            allowedPorts.Add(site.Port);
        }

        hosts = allowedHosts;
        ports = allowedPorts;
        allowLoopback = settings.AllowLoopback;
        this.logger = logger;
    }

    /// <summary>Why <paramref name="url"/> may not be requested (for the server log), or null when it may.</summary>
    public string? Refusal(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return "only http and https addresses are fetched";
        }

        if (url.UserInfo.Length > 0)
        {
            return "an address with credentials is not fetched";
        }

        return HostRefusal(url.Host, url.Port);
    }

    /// <summary>Whether <paramref name="url"/> may be requested; see <see cref="Refusal"/>.</summary>
    public bool Allows(Uri url) => Refusal(url) is null;

    /// <summary>Whether a connection to <paramref name="address"/> is allowed: public, or loopback when so configured.</summary>
    public bool AllowsAddress(IPAddress address) => AddressRules.IsPublic(address) || (allowLoopback && AddressRules.IsLoopback(address));

    /// <summary>
    /// The primary handler for every client that fetches from the web: connections through <see cref="ConnectAsync"/>,
    /// no automatic redirects (callers check and follow each hop), no proxy (a proxy would connect on our behalf, past
    /// the address check), no cookies. Requests stay on HTTP/1.1 and HTTP/2, which connect through the callback.
    /// </summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        ConnectCallback = ConnectAsync,
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    /// <summary>
    /// Resolves the host, refuses it unless it is allowed and every address it resolves to may be connected to, then
    /// connects to those addresses. A refusal is a <see cref="FetchRefusedException"/>, which the handler reports as an
    /// <see cref="HttpRequestException"/>.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoint = context.DnsEndPoint;

        // Callers check every address before sending; checked again here so no client on this handler can skip it.
        if (HostRefusal(endpoint.Host, endpoint.Port) is { } refusal)
        {
            throw Refused(endpoint, refusal);
        }

        var addresses = IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, ct);
        if (addresses.Length == 0)
        {
            throw Refused(endpoint, "the name resolves to no address");
        }

        var refused = addresses.Where(a => !AllowsAddress(a)).ToList();
        if (refused.Count > 0)
        {
            var ranges = refused.Select(a => $"{a} ({AddressRules.NotPublicRange(a)})");
            throw Refused(endpoint, $"it resolves to an address that is not public: {string.Join(", ", ranges)}");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Logs why a fetch failed (the server log is the only place that says), as callers report it to users.</summary>
    public void LogFailure(string purpose, Uri url, string reason, Exception? exception = null) =>
        logger.LogWarning(exception, "{Purpose}: {Url} was not fetched: {Reason}", purpose, url, reason);

    /// <summary>A host name (lower case, punycode, no trailing dot) or an IP address; null when it is neither.</summary>
    internal static AllowedHost? ParseHost(string? host)
    {
        var value = host?.Trim().TrimEnd('.');
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (IPAddress.TryParse(value.Trim('[', ']'), out var address) && (value.Contains(':', StringComparison.Ordinal) || value.Count(c => c == '.') == 3))
        {
            return new AllowedHost(address.ToString(), address);
        }

        try
        {
            var name = new IdnMapping().GetAscii(value).ToLowerInvariant();
            return Uri.CheckHostName(name) == UriHostNameType.Dns ? new AllowedHost(name, null) : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private string? HostRefusal(string host, int port)
    {
        if (ParseHost(host) is not { } candidate || !hosts.Any(h => h.Covers(candidate)))
        {
            return $"the host {host} is not an allowed host";
        }

        return ports.Contains(port) ? null : $"the port {port} is not an allowed port";
    }

    private static FetchRefusedException Refused(DnsEndPoint endpoint, string reason) =>
        new($"{endpoint.Host}:{endpoint.Port.ToString(CultureInfo.InvariantCulture)} refused: {reason}");

    /// <summary>An allowed host: an IP address (only itself) or a name (itself and its subdomains).</summary>
    internal sealed record AllowedHost(string Name, IPAddress? Address)
    {
        public bool Covers(AllowedHost candidate) => Address is not null
            ? Address.Equals(candidate.Address)
            : candidate.Address is null
              && (candidate.Name == Name || candidate.Name.EndsWith("." + Name, StringComparison.Ordinal));
    }
}

/// <summary>A connection the fetch guard refused; the message is for the server log only.</summary>
public sealed class FetchRefusedException(string message) : IOException(message);
