using System.Collections.Concurrent;

namespace KopUkm.Dashboard.Features.Content.LiveCheck;

/// <summary>
/// robots.txt rules per origin (scheme, host and port), shared by every run for a limited time by the app clock.
/// Only definite answers are kept (a file, or 4xx meaning no file); an unreadable robots.txt is retried next run.
/// </summary>
public sealed class RobotsCache(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The origin key of an address, e.g. <c>https://dinas.example.go.id:443</c>.</summary>
    public static string OriginOf(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return $"{url.Scheme}://{url.IdnHost}:{url.Port}".ToLowerInvariant();
    }

    public bool TryGet(string origin, out RobotsRules rules)
    {
        if (entries.TryGetValue(origin, out var entry) && clock.GetUtcNow() < entry.ExpiresAt)
        {
            rules = entry.Rules;
            return true;
        }

        rules = RobotsRules.AllowAll;
        return false;
    }

    public void Set(string origin, RobotsRules rules, TimeSpan lifetime)
    {
        var capped = lifetime > LiveCheckOptions.MaxRobotsCacheDuration ? LiveCheckOptions.MaxRobotsCacheDuration : lifetime;
        entries[origin] = new Entry(rules, clock.GetUtcNow() + capped);
    }

    private sealed record Entry(RobotsRules Rules, DateTimeOffset ExpiresAt);
}
