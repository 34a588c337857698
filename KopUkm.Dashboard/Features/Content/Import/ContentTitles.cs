using System.Globalization;

namespace KopUkm.Dashboard.Features.Content.Import;

/// <summary>A readable title for a page known only by its address, until an editor gives it a real one.</summary>
public static class ContentTitles
{
    private static readonly string[] PageExtensions = [".html", ".htm", ".php", ".aspx", ".asp", ".jsp"];

    /// <summary>
    /// The last path segment with dashes and underscores as spaces and each word capitalised:
    /// "…/layanan/standar-pelayanan-nib.html" → "Standar Pelayanan Nib". The site's home page is named by its host.
    /// </summary>
    public static string FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return url;
        }

        var segment = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (segment is null)
        {
            return uri.Host;
        }

        segment = Uri.UnescapeDataString(segment);
        var extension = PageExtensions.FirstOrDefault(e => segment.EndsWith(e, StringComparison.OrdinalIgnoreCase));
        if (extension is not null && segment.Length > extension.Length)
        {
            segment = segment[..^extension.Length];
        }

        var words = segment.Replace('-', ' ').Replace('_', ' ').Replace('+', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var title = string.Join(' ', words.Select(w => char.ToUpper(w[0], CultureInfo.InvariantCulture) + w[1..]));
        title = title.Length == 0 ? uri.Host : title;
        return title.Length > 300 ? title[..300] : title;
    }
}
