using System.Globalization;

namespace KopUkm.Dashboard.Tests.Features.Content.Fetch;

/// <summary>
/// Settings that let the fetch guard reach local test sites: their hosts and ports on the allow-list and loopback
/// allowed. Every other non-public address (private networks, link-local, metadata, ...) stays refused.
/// </summary>
public static class LocalFetch
{
    public static Dictionary<string, string?> Allow(params Uri[] sites)
    {
        var settings = new Dictionary<string, string?> { ["Content:Fetch:AllowLoopback"] = "true" };
        var hosts = sites.Select(s => s.Host).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var ports = sites.Select(s => s.Port).Distinct().ToList();
        for (var i = 0; i < hosts.Count; i++)
        {
            settings[$"Content:Fetch:AllowedHosts:{i}"] = hosts[i];
        }

        for (var i = 0; i < ports.Count; i++)
        {
            settings[$"Content:Fetch:AllowedPorts:{i}"] = ports[i].ToString(CultureInfo.InvariantCulture);
        }

        return settings;
    }

    /// <summary>The settings of a test merged over these.</summary>
    public static Dictionary<string, string?> With(this Dictionary<string, string?> settings, Dictionary<string, string?>? more)
    {
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }
}
