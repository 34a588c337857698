using System.Globalization;
using System.Net;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Content.Fetch;

namespace KopUkm.Dashboard.Features.Content.Import;

/// <summary>
/// Gathers the page entries of a sitemap, following a sitemap index to its child sitemaps: on the same host only,
/// at most <see cref="MaxDepth"/> levels below the first file and <see cref="MaxChildFiles"/> child files. A child
/// that cannot be fetched or read is reported and skipped; the first file failing fails the whole import. Every
/// file and every redirect hop passes the <see cref="FetchGuard"/>; whatever stops a fetch (a refused address, no
/// answer, a timeout, too many redirects) is reported with its one sentence, the details go to the server log.
/// </summary>
public sealed class SitemapCollector(IHttpClientFactory httpClients, FetchGuard guard)
{
    /// <summary>The named client: office User-Agent, on the fetch guard's handler (see <see cref="Configure"/>).</summary>
    public const string HttpClientName = "ContentSitemap";

    public const string UserAgent = "KopUkmDashboard/1.0 (+Dinas Koperasi dan UKM Provinsi Jambi)";

    public const int MaxDepth = 2;

    public const int MaxChildFiles = 50;

    /// <summary>More page entries than this in one import means the wrong address, not the office's site.</summary>
    public const int MaxEntries = 100_000;

    /// <summary>Redirects followed per file, each hop checked by the guard.</summary>
    public const int MaxRedirects = 5;

    /// <summary>Per file, redirects and the whole body included.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    /// <summary>Fetches the sitemap at <paramref name="url"/>; children must be on its host.</summary>
    public async Task<SitemapScan> CollectAsync(Uri url, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var (data, error) = await FetchAsync(url, ct);
        if (error is not null)
        {
            return SitemapScan.Failed(error);
        }

        return await CollectAsync(data!, url.Authority, progress, ct);
    }

    /// <summary>
    /// Reads an uploaded sitemap. An uploaded index has no address of its own, so its children are fetched from the
    /// host its first child names, and children on other hosts are skipped.
    /// </summary>
    public Task<SitemapScan> CollectAsync(byte[] file, IProgress<ImportProgress>? progress, CancellationToken ct) =>
        CollectAsync(file, host: null, progress, ct);

    private async Task<SitemapScan> CollectAsync(byte[] first, string? host, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var root = SitemapReader.Read(first);
        if (root.Error is not null)
        {
            return SitemapScan.Failed(root.Error);
        }

        var pages = new List<SitemapPage>();
        var rejections = new List<ContentImportRejection>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<(Uri Url, int Depth)>();
        var filesRead = 1;
        var childrenQueued = 0;
        progress?.Report(new ImportProgress(ImportStage.Reading, filesRead, 0));

        void Take(SitemapFile file, string? source, int depth)
        {
            foreach (var entry in file.Entries)
            {
                if (file.Kind == SitemapKind.UrlSet)
                {
                    pages.Add(new SitemapPage(source, entry.Line, entry.Location, entry.LastModified));
                    continue;
                }

                if (!ContentUrls.TryNormalize(entry.Location, out var child))
                {
                    rejections.Add(new(source, new CsvLineError(entry.Line, "ContentImport.BadUrl", entry.Location)));
                    continue;
                }

                var childUrl = new Uri(child);
                host ??= childUrl.Authority;
                if (!string.Equals(childUrl.Authority, host, StringComparison.OrdinalIgnoreCase))
                {
                    rejections.Add(new(source, new CsvLineError(entry.Line, "ContentImport.ChildOtherHost", child)));
                }
                else if (depth + 1 > MaxDepth)
                {
                    rejections.Add(new(source, new CsvLineError(entry.Line, "ContentImport.ChildTooDeep", child)));
                }
                else if (childrenQueued >= MaxChildFiles)
                {
                    rejections.Add(new(source, new CsvLineError(entry.Line, "ContentImport.TooManyChildren", child)));
                }
                else if (visited.Add(child))
                {
                    childrenQueued++;
                    pending.Enqueue((childUrl, depth + 1));
                }
            }
        }

        Take(root, null, 0);
        while (pending.TryDequeue(out var next))
        {
            var source = next.Url.AbsoluteUri;
            var (data, fetchError) = await FetchAsync(next.Url, ct);
            var file = fetchError is null ? SitemapReader.Read(data!) : null;
            if ((fetchError ?? file!.Error) is { } error)
            {
                rejections.Add(new(source, error));
                continue;
            }

            filesRead++;
            progress?.Report(new ImportProgress(ImportStage.Reading, filesRead, 0));
            Take(file!, source, next.Depth);
            if (pages.Count > MaxEntries)
            {
                return SitemapScan.Failed(new CsvLineError(0, "ContentImport.TooManyUrls", MaxEntries.ToString("N0", CultureInfo.InvariantCulture)));
            }
        }

        return pages.Count > MaxEntries
            ? SitemapScan.Failed(new CsvLineError(0, "ContentImport.TooManyUrls", MaxEntries.ToString("N0", CultureInfo.InvariantCulture)))
            : new SitemapScan(pages, rejections, filesRead, null);
    }

    /// <summary>
    /// Downloads one sitemap file, following at most <see cref="MaxRedirects"/> redirects, each hop checked by the
    /// guard before it is requested, and refusing more than <see cref="SitemapReader.MaxBytes"/>.
    /// </summary>
    private async Task<(byte[]? Data, CsvLineError? Error)> FetchAsync(Uri url, CancellationToken ct)
    {
        var client = httpClients.CreateClient(HttpClientName);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        var address = url;
        try
        {
            for (var hop = 0; hop <= MaxRedirects; hop++)
            {
                if (guard.Refusal(address) is { } refusal)
                {
                    return Refused(address == url ? refusal : $"redirected from {url}: {refusal}");
                }

                using var response = await client.GetAsync(address, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
                {
                    address = new Uri(address, location);
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    return (null, new CsvLineError(0, "ContentImport.FetchStatus", ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)));
                }

                return await ReadAsync(response.Content, timeout.Token);
            }

            return Refused($"more than {MaxRedirects} redirects");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Refused($"no complete answer within {Timeout.TotalSeconds} s (at {address})");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or UriFormatException)
        {
            return Refused($"{(ex as HttpRequestException)?.HttpRequestError.ToString() ?? ex.GetType().Name} (at {address})", ex);
        }

        (byte[]?, CsvLineError?) Refused(string reason, Exception? exception = null)
        {
            guard.LogFailure("Sitemap import", url, reason, exception);
            return (null, new CsvLineError(0, FetchGuard.RefusedMessageKey, url.AbsoluteUri));
        }
    }

    private static async Task<(byte[]? Data, CsvLineError? Error)> ReadAsync(HttpContent content, CancellationToken ct)
    {
        if (content.Headers.ContentLength > SitemapReader.MaxBytes)
        {
            return (null, TooLarge());
        }

        await using var body = await content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > SitemapReader.MaxBytes)
            {
                return (null, TooLarge());
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.ToArray(), null);
    }

    private static bool IsRedirect(HttpStatusCode status) => (int)status is 301 or 302 or 303 or 307 or 308;

    private static CsvLineError TooLarge() =>
        new(0, "ContentImport.FileTooLarge", (SitemapReader.MaxBytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// The HTTP client for sitemaps: the office's User-Agent, on the fetch guard's handler (no automatic redirects,
    /// compressed transfer); the timeout is applied per file by <see cref="FetchAsync"/>.
    /// </summary>
    public static void Configure(IServiceCollection services) =>
        services.AddHttpClient(HttpClientName, client =>
            {
                client.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", UserAgent);
            })
            .ConfigurePrimaryHttpMessageHandler(provider => provider.GetRequiredService<FetchGuard>().CreateHandler());
}

/// <summary>One page entry of a sitemap: its file (null = the first), the line of its loc, the address and lastmod.</summary>
public sealed record SitemapPage(string? Source, int Line, string Location, string? LastModified);

public sealed record SitemapScan(
    IReadOnlyList<SitemapPage> Pages,
    IReadOnlyList<ContentImportRejection> Rejections,
    int FilesRead,
    CsvLineError? FileError)
{
    public static SitemapScan Failed(CsvLineError error) => new([], [], 0, error);
}
