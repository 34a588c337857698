using System.Text;

namespace KopUkm.Dashboard.Features.Content.LiveCheck;

/// <summary>
/// The rules of one robots.txt that apply to one crawler, per RFC 9309: the groups naming our product token
/// (case-insensitive; several are merged), else the <c>*</c> groups; the longest matching Allow/Disallow pattern wins,
/// Allow on a tie; <c>*</c> matches any run of characters and a final <c>$</c> anchors the end.
/// </summary>
public sealed class RobotsRules
{
    private readonly IReadOnlyList<Rule> rules;

    private RobotsRules(IReadOnlyList<Rule> rules, string? reason, bool hostUnreachable = false)
    {
        this.rules = rules;
        Reason = reason;
        HostUnreachable = hostUnreachable;
    }

    /// <summary>No robots.txt (4xx) or an empty one: everything may be fetched.</summary>
    public static RobotsRules AllowAll { get; } = new([], null);

    /// <summary>Why everything is disallowed (robots.txt unreadable), or null for rules read from a file.</summary>
    public string? Reason { get; }

    /// <summary>True when robots.txt got no HTTP answer at all (DNS, connection, timeout): the host itself is down.</summary>
    public bool HostUnreachable { get; }

    /// <summary>robots.txt could not be read (5xx, timeout, connection failure): nothing may be fetched (RFC 9309 §2.3.1.4).</summary>
    public static RobotsRules DisallowAll(string reason, bool hostUnreachable = false) =>
        new([new Rule("/", Allow: false)], reason, hostUnreachable);

    /// <summary>Reads a robots.txt file and keeps the rules for <paramref name="productToken"/>.</summary>
    public static RobotsRules Parse(string content, string productToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(productToken);

        var ours = new List<Rule>();
        var anyone = new List<Rule>();
        var groupIsOurs = false;
        var groupIsAnyone = false;
        var inAgentLines = false;
        var ourGroupSeen = false;
        foreach (var rawLine in content.Split('\n'))
        {
            var line = StripComment(rawLine).Trim().TrimStart('\uFEFF');
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (key.Equals("user-agent", StringComparison.OrdinalIgnoreCase))
            {
                if (!inAgentLines)
                {
                    // A user-agent line after rules starts a new group; consecutive ones share the group that follows.
                    groupIsOurs = groupIsAnyone = false;
                    inAgentLines = true;
                }

                var agent = value.Split('/', 2)[0].Trim();
                var isOurs = agent.Equals(productToken, StringComparison.OrdinalIgnoreCase);
                groupIsOurs |= isOurs;
                ourGroupSeen |= isOurs;
                groupIsAnyone |= agent == "*";
                continue;
            }

            var isAllow = key.Equals("allow", StringComparison.OrdinalIgnoreCase);
            if (!isAllow && !key.Equals("disallow", StringComparison.OrdinalIgnoreCase))
            {
                // Sitemap, crawl-delay and unknown keys neither end a group nor add rules.
                continue;
            }

            inAgentLines = false;
            if (value.Length == 0)
            {
                // "Disallow:" with no path allows everything; it adds no rule.
                continue;
            }

            var rule = new Rule(NormaliseEncoding(value), isAllow);
            if (groupIsOurs)
            {
                ours.Add(rule);
            }

            if (groupIsAnyone)
            {
                anyone.Add(rule);
            }
        }

        var chosen = ourGroupSeen ? ours : anyone;
        return chosen.Count == 0 ? AllowAll : new RobotsRules(chosen, null);
    }

    /// <summary>Whether the address's path and query may be fetched.</summary>
    public bool IsAllowed(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return IsAllowed(url.IsAbsoluteUri ? url.PathAndQuery : url.OriginalString);
    }

    /// <summary>Whether a path (with query, percent-encoded as sent) may be fetched.</summary>
    public bool IsAllowed(string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        if (pathAndQuery.Equals("/robots.txt", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var path = NormaliseEncoding(pathAndQuery.Length == 0 ? "/" : pathAndQuery);
        Rule? best = null;
        foreach (var rule in rules)
        {
            if (!Matches(rule.Pattern, path))
            {
                continue;
            }

            if (best is null
                || rule.Pattern.Length > best.Pattern.Length
                || (rule.Pattern.Length == best.Pattern.Length && rule.Allow && !best.Allow))
            {
                best = rule;
            }
        }

        return best?.Allow ?? true;
    }

    /// <summary>Glob match from the start of the path: <c>*</c> is any run of characters, a final <c>$</c> ends the path.</summary>
    internal static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var parts = (anchored ? pattern[..^1] : pattern).Split('*');
        if (!path.StartsWith(parts[0], StringComparison.Ordinal))
        {
            return false;
        }

        var position = parts[0].Length;
        for (var i = 1; i < parts.Length; i++)
        {
            var part = parts[i];
            if (anchored && i == parts.Length - 1)
            {
                return path.Length - part.Length >= position && path.EndsWith(part, StringComparison.Ordinal);
            }

            var found = path.IndexOf(part, position, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            position = found + part.Length;
        }

        return !anchored || position == path.Length;
    }

    private static string StripComment(string line)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? line : line[..hash];
    }

    /// <summary>
    /// Patterns and paths are compared as percent-encoded octets: characters outside printable ASCII are encoded as
    /// UTF-8 and existing escapes are upper-cased, so <c>/koperasi%c3%a9</c>, <c>/koperasi%C3%A9</c> and <c>/koperasié</c> agree.
    /// </summary>
    internal static string NormaliseEncoding(string value)
    {
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%' && i + 2 < value.Length && Uri.IsHexDigit(value[i + 1]) && Uri.IsHexDigit(value[i + 2]))
            {
                builder.Append('%').Append(char.ToUpperInvariant(value[i + 1])).Append(char.ToUpperInvariant(value[i + 2]));
                i += 2;
            }
            else if (c is > ' ' and < (char)0x7F)
            {
                builder.Append(c);
            }
            else
            {
                var length = char.IsHighSurrogate(c) && i + 1 < value.Length ? 2 : 1;
                foreach (var b in Encoding.UTF8.GetBytes(value.Substring(i, length)))
                {
                    builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }

                i += length - 1;
            }
        }

        return builder.ToString();
    }

    private sealed record Rule(string Pattern, bool Allow);
}
