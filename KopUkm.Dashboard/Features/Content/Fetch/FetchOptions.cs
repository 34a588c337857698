using KopUkm.Dashboard.Common;

namespace KopUkm.Dashboard.Features.Content.Fetch;

/// <summary>
/// What the product may fetch from the web (section <c>Content:Fetch</c>): the sitemap import by address and the
/// live-site check (pages, robots.txt, links) fetch only from the office's own site. See docs/security.md.
/// </summary>
public sealed class FetchOptions : ISettings
{
    public const string SectionName = "Content:Fetch";

    /// <summary>
    /// Hosts that may be fetched from besides the office's site (the host of <c>Content:LiveCheck:SiteUrl</c>, always
    /// allowed), each with its subdomains, e.g. "plut.jambiprov.go.id". A host name or IP address, no scheme, port or
    /// path. Empty by default: only the office's site.
    /// </summary>
    public string[] AllowedHosts { get; set; } = [];

    /// <summary>
    /// Ports that may be used besides 80 and 443 (and the port in <c>Content:LiveCheck:SiteUrl</c>, always allowed).
    /// Empty by default.
    /// </summary>
    public int[] AllowedPorts { get; set; } = [];

    /// <summary>
    /// Whether loopback addresses (127.0.0.0/8, ::1) may be connected to: for tests and local development only, where
    /// the "office site" runs on this machine. Off by default. Every other non-public address (private networks,
    /// link-local and cloud metadata, carrier-grade NAT, multicast, ...) is refused whatever this says.
    /// </summary>
    public bool AllowLoopback { get; set; }

    public IEnumerable<SettingProblem> Check()
    {
        foreach (var host in AllowedHosts.Where(h => FetchGuard.ParseHost(h) is null).Take(1))
        {
            yield return new(nameof(AllowedHosts), "NotHostName", host ?? "");
        }

        foreach (var port in AllowedPorts.Where(p => p is < 1 or > 65535).Take(1))
        {
            yield return new(nameof(AllowedPorts), "OutOfRange", port, 1, 65535);
        }
    }
}
