namespace KopUkm.Dashboard.Features.Content.Settings;

/// <summary>
/// Finds the division that owns a URL from the administrators' prefix rules (docs/content.md, "URL rules"). A rule
/// is a path ("/layanan/koperasi", any host) or a full URL ("https://host/path", that host only). A prefix matches
/// whole path segments, ignoring case: "/layanan/koperasi" matches "/layanan/koperasi" and "/layanan/koperasi/nik"
/// but not "/layanan/koperasi-syariah". The rule with the longest path wins; with equal paths, the one naming the
/// host wins. Pure: the rules are passed in.
/// </summary>
public sealed class ContentUrlRuleMatcher
{
    private readonly List<(UrlRuleEntry Rule, string? Authority, string Path)> rules;

    public ContentUrlRuleMatcher(IEnumerable<UrlRuleEntry> rules)
    {
        var parsed = new List<(UrlRuleEntry Rule, string? Authority, string Path)>();
        foreach (var rule in rules)
        {
            if (TryParse(rule.Prefix, out var authority, out var path))
            {
                parsed.Add((rule, authority, path));
            }
        }

        this.rules = [.. parsed.OrderByDescending(r => r.Path.Length).ThenByDescending(r => r.Authority is not null).ThenBy(r => r.Rule.Id)];
    }

    /// <summary>The winning rule for an absolute URL, or null when none matches.</summary>
    /// <param name="pathRulesApply">
    /// False for addresses outside the office site (social posts): only rules naming a host can match them.
    /// </param>
    public UrlRuleEntry? Match(string url, bool pathRulesApply = true)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var authority = uri.Authority.ToLowerInvariant();
        var path = PathOf(uri);
        foreach (var (rule, ruleAuthority, rulePath) in rules)
        {
            if (ruleAuthority is null ? !pathRulesApply : ruleAuthority != authority)
            {
                continue;
            }

            if (rulePath.Length == 0 || path == rulePath || path.StartsWith(rulePath + "/", StringComparison.Ordinal))
            {
                return rule;
            }
        }

        return null;
    }

    /// <summary>
    /// Checks and tidies a prefix an administrator typed: a path starting with "/" or an absolute http(s) URL, without
    /// query or fragment; a trailing "/" is dropped. Returns a resource key for the reason when it is refused.
    /// </summary>
    public static bool TryNormalize(string? value, out string prefix, out string? errorKey)
    {
        prefix = "";
        errorKey = null;
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            errorKey = "Validation.Required";
            return false;
        }

        if (text.Length > 500)
        {
            errorKey = "ContentSettings.PrefixTooLong";
            return false;
        }

        if (text.StartsWith('/'))
        {
            if (text.StartsWith("//", StringComparison.Ordinal) || text.Any(c => c is '?' or '#' || char.IsWhiteSpace(c)))
            {
                errorKey = "ContentSettings.PrefixInvalid";
                return false;
            }

            prefix = text.Length > 1 ? text.TrimEnd('/') : text;
            prefix = prefix.Length == 0 ? "/" : prefix;
            return true;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || text.Any(char.IsWhiteSpace))
        {
            errorKey = "ContentSettings.PrefixInvalid";
            return false;
        }

        prefix = $"{uri.Scheme}://{uri.Authority}{uri.AbsolutePath.TrimEnd('/')}";
        return true;
    }

    /// <summary>What two prefixes are compared by for uniqueness: case does not count.</summary>
    public static string Key(string prefix) => prefix.ToLowerInvariant();

    private static bool TryParse(string prefix, out string? authority, out string path)
    {
        authority = null;
        path = "";
        if (!TryNormalize(prefix, out var normalized, out _))
        {
            return false;
        }

        if (normalized.StartsWith('/'))
        {
            path = Unescape(normalized).TrimEnd('/').ToLowerInvariant();
            return true;
        }

        var uri = new Uri(normalized);
        authority = uri.Authority.ToLowerInvariant();
        path = PathOf(uri);
        return true;
    }

    private static string PathOf(Uri uri) => Unescape(uri.AbsolutePath).TrimEnd('/').ToLowerInvariant();

    private static string Unescape(string path) => Uri.UnescapeDataString(path);
}

/// <summary>One rule as the matcher needs it.</summary>
public sealed record UrlRuleEntry(int Id, string Prefix, int DivisionId);
