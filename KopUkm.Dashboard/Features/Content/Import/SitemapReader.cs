using System.Globalization;
using System.IO.Compression;
using System.Xml;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Localization;

namespace KopUkm.Dashboard.Features.Content.Import;

/// <summary>
/// Reads one sitemap file (sitemaps.org protocol): a <c>urlset</c> of pages or a <c>sitemapindex</c> of further
/// sitemaps, plain or gzip-compressed. Pure and safe against hostile files: no DTD (so no entity expansion or
/// external entities, XXE), no resolver, and a size cap on the unpacked text.
/// </summary>
public static class SitemapReader
{
    /// <summary>The largest sitemap file accepted, packed or unpacked.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    public static SitemapFile Read(byte[] data)
    {
        byte[] xml;
        if (data.Length >= 2 && data[0] == 0x1f && data[1] == 0x8b)
        {
            if (Gunzip(data) is not { } unpacked)
            {
                return Failed(new CsvLineError(0, "ContentImport.FileTooLarge", (MaxBytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture)));
            }

            xml = unpacked;
        }
        else
        {
            xml = data;
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            MaxCharactersInDocument = MaxBytes,
        };

        using var reader = XmlReader.Create(new MemoryStream(xml, writable: false), settings);
        var lines = (IXmlLineInfo)reader;
        try
        {
            if (reader.MoveToContent() != XmlNodeType.Element)
            {
                return Failed(new CsvLineError(0, "ContentImport.NotSitemap", ""));
            }

            var kind = reader.LocalName switch
            {
                "urlset" => SitemapKind.UrlSet,
                "sitemapindex" => SitemapKind.Index,
                _ => (SitemapKind?)null,
            };
            if (kind is null)
            {
                return Failed(new CsvLineError(0, "ContentImport.NotSitemap", reader.LocalName));
            }

            var entryName = kind == SitemapKind.UrlSet ? "url" : "sitemap";
            var entries = new List<SitemapEntry>();
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.Depth == 1 && reader.LocalName == entryName)
                {
                    entries.Add(ReadEntry(reader, lines));
                }
            }

            return new SitemapFile(kind.Value, entries, null);
        }
        catch (XmlException ex)
        {
            // DtdProcessing.Prohibit refuses a DOCTYPE with an XmlException of its own; say so plainly.
            var key = ex.Message.Contains("DTD", StringComparison.Ordinal) ? "ContentImport.SitemapDtd" : "ContentImport.SitemapMalformed";
            return Failed(new CsvLineError(ex.LineNumber, key, ex.LineNumber.ToString(CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>
    /// A sitemap's lastmod (W3C datetime) as UTC. A bare date is a date in WIB, the office's time zone; a value
    /// in the future (a clock running ahead) counts as <paramref name="nowUtc"/>.
    /// </summary>
    public static DateTime? ParseLastModified(string? value, DateTime nowUtc)
    {
        var text = value?.Trim() ?? "";
        DateTime utc;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            utc = WibTime.ToUtc(date.ToDateTime(TimeOnly.MinValue));
        }
        else if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var stamp))
        {
            utc = stamp.UtcDateTime;
        }
        else
        {
            return null;
        }

        return utc > nowUtc ? nowUtc : utc;
    }

    private static SitemapEntry ReadEntry(XmlReader reader, IXmlLineInfo lines)
    {
        var line = lines.LineNumber;
        string? loc = null, lastModified = null;
        using var entry = reader.ReadSubtree();
        entry.Read();
        while (!entry.EOF)
        {
            // Reading an element's content moves past it, so only other nodes need an explicit Read.
            if (entry.NodeType == XmlNodeType.Element && entry.LocalName == "loc")
            {
                line = lines.LineNumber;
                loc = entry.ReadElementContentAsString().Trim();
            }
            else if (entry.NodeType == XmlNodeType.Element && entry.LocalName == "lastmod")
            {
                lastModified = entry.ReadElementContentAsString().Trim();
            }
            else
            {
                entry.Read();
            }
        }

        return new SitemapEntry(line, loc ?? "", lastModified);
    }

    /// <summary>Unpacks at most <see cref="MaxBytes"/>; null when the content is larger (a "zip bomb" or simply too big).</summary>
    private static byte[]? Gunzip(byte[] data)
    {
        try
        {
            using var gzip = new GZipStream(new MemoryStream(data, writable: false), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = gzip.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + read > MaxBytes)
                {
                    return null;
                }

                output.Write(buffer, 0, read);
            }

            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return [];
        }
    }

    private static SitemapFile Failed(CsvLineError error) => new(SitemapKind.UrlSet, [], error);
}

public enum SitemapKind
{
    UrlSet,
    Index,
}

/// <summary>One <c>url</c> or <c>sitemap</c> element: the line of its <c>loc</c>, the address and the lastmod text.</summary>
public sealed record SitemapEntry(int Line, string Location, string? LastModified);

/// <summary>What one file held, or why it could not be read (<see cref="Error"/>; then there are no entries).</summary>
public sealed record SitemapFile(SitemapKind Kind, IReadOnlyList<SitemapEntry> Entries, CsvLineError? Error);
