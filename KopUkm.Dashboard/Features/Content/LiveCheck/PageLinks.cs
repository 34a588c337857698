using AngleSharp.Dom;

namespace KopUkm.Dashboard.Features.Content.LiveCheck;

/// <summary>Finds the links of a page that stay on its own origin (scheme, host and port).</summary>
public static class PageLinks
{
    /// <summary>
    /// Distinct <c>a[href]</c> targets on <paramref name="pageUrl"/>'s origin, in page order, resolved against the
    /// page (or its <c>&lt;base href&gt;</c>), without fragments and without the page itself; at most <paramref name="max"/>.
    /// mailto:, tel:, javascript: and other schemes are skipped.
    /// </summary>
    public static IReadOnlyList<Uri> Internal(IDocument document, Uri pageUrl, int max)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(pageUrl);
        var links = new List<Uri>();
        if (max <= 0)
        {
            return links;
        }

        var baseUrl = document.QuerySelector("base[href]")?.GetAttribute("href") is { } baseHref
            && Uri.TryCreate(pageUrl, baseHref.Trim(), out var declared) && IsHttp(declared)
                ? declared
                : pageUrl;
        var origin = RobotsCache.OriginOf(pageUrl);
        var self = WithoutFragment(pageUrl);
        var seen = new HashSet<Uri> { self };
        foreach (var anchor in document.QuerySelectorAll("a[href]"))
        {
            var href = anchor.GetAttribute("href")?.Trim();
            if (string.IsNullOrEmpty(href) || href.StartsWith('#')
                || !Uri.TryCreate(baseUrl, href, out var target) || !IsHttp(target)
                || RobotsCache.OriginOf(target) != origin)
            {
                continue;
            }

            var link = WithoutFragment(target);
            if (seen.Add(link))
            {
                links.Add(link);
                if (links.Count == max)
                {
                    break;
                }
            }
        }

        return links;
    }

    internal static Uri WithoutFragment(Uri url) =>
        url.Fragment.Length == 0 ? url : new Uri(url.GetLeftPart(UriPartial.Query));

    private static bool IsHttp(Uri url) =>
        url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
}
