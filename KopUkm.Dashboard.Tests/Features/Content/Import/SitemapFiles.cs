using System.IO.Compression;
using System.Text;

namespace KopUkm.Dashboard.Tests.Features.Content.Import;

/// <summary>Builds sitemap files (sitemaps.org layout), plain or gzip-compressed.</summary>
public static class SitemapFiles
{
    public const string Site = "https://diskopukm.jambiprov.go.id";

    /// <summary>A urlset; each page is (address, lastmod or null). One element per line, so line numbers are predictable.</summary>
    public static string UrlSet(params (string Url, string? LastModified)[] pages)
    {
        var text = new StringBuilder();
        text.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        text.Append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var (url, lastModified) in pages)
        {
            text.Append("  <url>\n");
            text.Append("    <loc>").Append(url).Append("</loc>\n");
            if (lastModified is not null)
            {
                text.Append("    <lastmod>").Append(lastModified).Append("</lastmod>\n");
            }

            text.Append("  </url>\n");
        }

        return text.Append("</urlset>\n").ToString();
    }

    public static string UrlSet(params string[] urls) => UrlSet([.. urls.Select(u => (u, (string?)null))]);

    public static string Index(params string[] sitemaps)
    {
        var text = new StringBuilder();
        text.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        text.Append("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var sitemap in sitemaps)
        {
            text.Append("  <sitemap><loc>").Append(sitemap).Append("</loc></sitemap>\n");
        }

        return text.Append("</sitemapindex>\n").ToString();
    }

    public static byte[] Bytes(string xml) => Encoding.UTF8.GetBytes(xml);

    public static byte[] Gzip(string xml)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Bytes(xml));
        }

        return buffer.ToArray();
    }

    public static MemoryStream Stream(string text) => new(Bytes(text));

    public static MemoryStream Stream(byte[] data) => new(data);
}
