using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;
using AngleSharp.Html.Parser;
using KopUkm.Dashboard.Features.Content.Fetch;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Features.Content.LiveCheck;

/// <summary>
/// Checks the office's public pages politely: robots.txt is honoured per origin, requests to one origin are spaced
/// to <see cref="LiveCheckOptions.RequestsPerSecondPerHost"/>, pages are fetched conditionally, and a page's
/// fingerprint ignores timestamps and nonces. Every request, redirect hops included, passes the
/// <see cref="FetchGuard"/>; whatever stops a request (a refused address, no answer, a timeout) is reported with the
/// one sentence <see cref="FetchGuard.RefusedMessageKey"/>, and the details go to the server log. Each result is one
/// observation; deciding that a page is really broken (e.g. after two failed checks in a row) belongs to the caller,
/// which keeps the history.
/// </summary>
public sealed class LiveSiteChecker(
    IHttpClientFactory httpClientFactory,
    IOptions<LiveCheckOptions> options,
    RobotsCache robotsCache,
    HostRequestPacer pacer,
    FetchGuard guard,
    TimeProvider clock,
    ILogger<LiveSiteChecker> logger)
{
    /// <summary>The named <see cref="HttpClient"/> (no automatic redirects, automatic decompression).</summary>
    public const string HttpClientName = "Content.LiveCheck";

    /// <summary>Redirects followed per page or link before giving up.</summary>
    public const int MaxRedirects = 5;

    private const int MaxRobotsBytes = 512 * 1024;

    /// <summary>
    /// Checks every page and yields each result as soon as it is known (pages of different hosts finish in any
    /// order; pages of one host in the order given). Link checks are shared across the run: a link found on many
    /// pages is requested once. Failures of single pages become <see cref="PageCheckOutcome.Error"/> results; only
    /// cancellation ends the run early.
    /// </summary>
    /// <remarks>
    /// Links are checked only on pages fetched with 2xx: a 304 brings no body to read links from. To re-check the
    /// links of a page that rarely changes, send its request now and then without <c>ETag</c> and <c>LastModified</c>
    /// (<see cref="ContentLiveCheckService"/> does, on a cadence).
    /// </remarks>
    public async IAsyncEnumerable<PageCheckResult> CheckAsync(
        IReadOnlyList<PageCheckRequest> pages, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var settings = options.Value;
        if (settings.Check().FirstOrDefault() is { } problem)
        {
            throw new InvalidOperationException($"{LiveCheckOptions.SectionName}:{problem.Key} is invalid ({problem.ReasonKey}).");
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var channel = Channel.CreateUnbounded<PageCheckResult>(new UnboundedChannelOptions { SingleReader = true });
        var run = new Run(settings, httpClientFactory.CreateClient(HttpClientName), robotsCache, pacer, guard, clock, logger);
        var producer = run.CheckAllAsync(pages, channel.Writer, stop.Token);
        try
        {
            await foreach (var result in channel.Reader.ReadAllAsync(ct))
            {
                yield return result;
            }

            await producer;
        }
        finally
        {
            // The caller may stop reading early; no request may outlive the enumeration.
            await stop.CancelAsync();
            await producer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static bool IsHttp(Uri url) =>
        url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

    private static bool IsRedirect(int? status) => status is 301 or 302 or 303 or 307 or 308;

    private static bool IsHtmlMediaType(string mediaType) =>
        mediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)
        || mediaType.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase);

    /// <summary>The state of one run: the HTTP client, robots rules fetched in this run, and link results to share.</summary>
    private sealed class Run(
        LiveCheckOptions settings, HttpClient client, RobotsCache robotsCache, HostRequestPacer pacer, FetchGuard guard, TimeProvider clock,
        ILogger logger)
    {
        private readonly ConcurrentDictionary<string, Lazy<Task<RobotsRules>>> robotsThisRun = new(StringComparer.OrdinalIgnoreCase);
        private readonly ConcurrentDictionary<Uri, Lazy<Task<LinkProblem?>>> links = new();

        public async Task CheckAllAsync(IReadOnlyList<PageCheckRequest> pages, ChannelWriter<PageCheckResult> writer, CancellationToken ct)
        {
            try
            {
                var started = Stopwatch.GetTimestamp();
                var hosts = pages
                    .GroupBy(p => IsHttp(p.Url) ? RobotsCache.OriginOf(p.Url) : "", StringComparer.OrdinalIgnoreCase)
                    .ToList();
                var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.MaxConcurrentHosts, CancellationToken = ct };
                await Parallel.ForEachAsync(hosts, parallel, async (host, token) =>
                {
                    foreach (var page in host)
                    {
                        await writer.WriteAsync(await CheckPageSafelyAsync(page, token), token);
                    }
                });
                logger.LogInformation(
                    "Live check: {Pages} pages on {Hosts} hosts in {Elapsed}, {Links} distinct links",
                    pages.Count, hosts.Count, Stopwatch.GetElapsedTime(started), links.Count);
                writer.TryComplete();
            }
            catch (Exception ex)
            {
                writer.TryComplete(ex);
                throw;
            }
        }

        private async Task<PageCheckResult> CheckPageSafelyAsync(PageCheckRequest page, CancellationToken ct)
        {
            var checkedAt = clock.GetUtcNow();
            try
            {
                return await CheckPageAsync(page, checkedAt, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // One odd page must not end the run for the others.
                logger.LogWarning(ex, "Live check of {Url} failed unexpectedly", page.Url);
                return Result(page, checkedAt, PageCheckOutcome.Error) with { Error = "The check failed unexpectedly; the server log says why." };
            }
        }

        private async Task<PageCheckResult> CheckPageAsync(PageCheckRequest page, DateTimeOffset checkedAt, CancellationToken ct)
        {
            if (guard.Refusal(page.Url) is { } refusal)
            {
                guard.LogFailure("Live check", page.Url, refusal);
                return Result(page, checkedAt, PageCheckOutcome.Error) with { Error = FetchGuard.RefusedMessageKey };
            }

            // Redirects and the final status record only answers that arrived: a hop that got none (refused, no
            // connection, timed out) is not listed, so a stored check never tells one such cause from another.
            var redirects = new List<Uri>();
            var spent = TimeSpan.Zero;
            Uri? requested = null;
            int? lastStatus = null;
            var url = page.Url;
            var isHop = false;
            while (true)
            {
                var rules = await RobotsForAsync(url, ct);
                if (!rules.IsAllowed(url))
                {
                    // A host that gives no answer at all is down, which is what the office needs to see; a host
                    // that answers robots.txt with 5xx may serve pages fine, so that stays a robots skip.
                    var outcome = rules.HostUnreachable ? PageCheckOutcome.Error : PageCheckOutcome.SkippedByRobots;
                    return Result(page, checkedAt, outcome) with
                    {
                        HttpStatus = lastStatus,
                        Duration = spent,
                        Redirects = redirects,
                        FinalUrl = requested,
                        Error = rules.Reason ?? $"robots.txt disallows {url.PathAndQuery}",
                    };
                }

                var exchange = await SendAsync(url, HttpMethod.Get, readBody: true, ct, request =>
                {
                    if (page.ETag is { Length: > 0 } etag)
                    {
                        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                    }

                    if (page.LastModified is { } lastModified)
                    {
                        request.Headers.IfModifiedSince = lastModified;
                    }
                });
                spent += exchange.Elapsed;
                if (exchange.Status is null)
                {
                    return Result(page, checkedAt, PageCheckOutcome.Error) with
                    {
                        HttpStatus = lastStatus,
                        Duration = spent,
                        Redirects = redirects,
                        FinalUrl = requested,
                        Error = exchange.Error,
                    };
                }

                if (isHop)
                {
                    redirects.Add(url);
                }

                requested = url;
                lastStatus = exchange.Status;
                var done = Result(page, checkedAt, PageCheckOutcome.Error) with
                {
                    HttpStatus = exchange.Status,
                    Duration = spent,
                    Redirects = redirects,
                    FinalUrl = url,
                };

                if (IsRedirect(exchange.Status) && exchange.Location is { } next)
                {
                    if (redirects.Count == MaxRedirects)
                    {
                        return done with { Error = $"More than {MaxRedirects} redirects." };
                    }

                    if (guard.Refusal(next) is { } hopRefusal)
                    {
                        // Where a refused address leads is for the server log only.
                        guard.LogFailure("Live check", next, $"redirected from {url}: {hopRefusal}");
                        return done with { Error = FetchGuard.RefusedMessageKey };
                    }

                    url = next;
                    isHop = true;
                    continue;
                }

                return exchange.Status switch
                {
                    >= 200 and < 300 => await ReadPageAsync(page, url, exchange, done, ct),
                    304 => done with
                    {
                        Outcome = PageCheckOutcome.Unchanged,
                        ETag = exchange.ETag ?? page.ETag,
                        LastModified = exchange.LastModified ?? page.LastModified,
                    },
                    404 or 410 => done with { Outcome = PageCheckOutcome.Broken },
                    401 or 403 => done with { Outcome = PageCheckOutcome.NeedsLogin },
                    var status when IsRedirect(status) => done with { Error = "Redirect without a Location header." },
                    var status => done with { Error = $"HTTP {status}" },
                };
            }
        }

        private async Task<PageCheckResult> ReadPageAsync(PageCheckRequest page, Uri url, Exchange exchange, PageCheckResult done, CancellationToken ct)
        {
            if (exchange.Body is not { } body)
            {
                return done with { Error = exchange.Error ?? "The page had no body." };
            }

            string hash;
            var problems = new List<LinkProblem>();
            if (exchange.IsHtml)
            {
                var document = await new HtmlParser().ParseDocumentAsync(Decode(body, exchange.CharSet), ct);
                var internalLinks = PageLinks.Internal(document, url, settings.MaxLinksPerPage);
                hash = PageText.Hash(PageText.Normalise(document));
                foreach (var link in internalLinks)
                {
                    if (await CheckLinkAsync(link, ct) is { } problem)
                    {
                        problems.Add(problem);
                    }
                }
            }
            else
            {
                hash = PageText.Hash(body);
            }

            var changed = page.ContentHash is not null && !string.Equals(page.ContentHash, hash, StringComparison.OrdinalIgnoreCase);
            return done with
            {
                Outcome = changed ? PageCheckOutcome.Changed : PageCheckOutcome.Unchanged,
                ETag = exchange.ETag,
                LastModified = exchange.LastModified,
                ContentHash = hash,
                BrokenLinks = problems,
            };
        }

        private Task<LinkProblem?> CheckLinkAsync(Uri link, CancellationToken ct) =>
            links.GetOrAdd(link, l => new Lazy<Task<LinkProblem?>>(() => CheckLinkOnceAsync(l, ct))).Value;

        private async Task<LinkProblem?> CheckLinkOnceAsync(Uri link, CancellationToken ct)
        {
            var url = link;
            for (var hop = 0; hop <= MaxRedirects; hop++)
            {
                // A link that leads off the allowed hosts (a social profile, a partner's site) is not ours to check.
                if (!guard.Allows(url) || !(await RobotsForAsync(url, ct)).IsAllowed(url))
                {
                    return null;
                }

                var exchange = await SendAsync(url, HttpMethod.Head, readBody: false, ct);
                if (exchange.Status is 405 or 501)
                {
                    exchange = await SendAsync(url, HttpMethod.Get, readBody: false, ct);
                }

                switch (exchange.Status)
                {
                    case var status when IsRedirect(status) && exchange.Location is { } next:
                        url = next;
                        continue;
                    case null:
                        return new LinkProblem(link, null, PageCheckOutcome.Error);
                    case 404 or 410:
                        return new LinkProblem(link, exchange.Status, PageCheckOutcome.Broken);
                    case >= 500:
                        return new LinkProblem(link, exchange.Status, PageCheckOutcome.Error);
                    default:
                        return null;
                }
            }

            return new LinkProblem(link, null, PageCheckOutcome.Error);
        }

        private Task<RobotsRules> RobotsForAsync(Uri url, CancellationToken ct)
        {
            var origin = RobotsCache.OriginOf(url);
            if (robotsCache.TryGet(origin, out var cached))
            {
                return Task.FromResult(cached);
            }

            return robotsThisRun.GetOrAdd(origin, o => new Lazy<Task<RobotsRules>>(() => FetchRobotsAsync(url, o, ct))).Value;
        }

        /// <summary>
        /// RFC 9309: 2xx is parsed, 4xx means no rules, anything else (5xx, 429, timeouts, connection failures, a
        /// redirect loop) means disallow-all. Only the definite answers are cached; the others hold for this run.
        /// </summary>
        private async Task<RobotsRules> FetchRobotsAsync(Uri pageUrl, string origin, CancellationToken ct)
        {
            var url = new Uri(new Uri(pageUrl.GetLeftPart(UriPartial.Authority)), "/robots.txt");
            for (var hop = 0; hop <= MaxRedirects; hop++)
            {
                var exchange = await SendAsync(url, HttpMethod.Get, readBody: true, ct, truncateBodyAt: MaxRobotsBytes);
                if (IsRedirect(exchange.Status) && exchange.Location is { } next)
                {
                    url = next;
                    continue;
                }

                RobotsRules? rules = exchange.Status switch
                {
                    >= 200 and < 300 when exchange.Body is { } body =>
                        RobotsRules.Parse(Encoding.UTF8.GetString(body), settings.ProductToken),
                    >= 400 and < 500 and not 429 => RobotsRules.AllowAll,
                    _ => null,
                };
                if (rules is not null)
                {
                    robotsCache.Set(origin, rules, settings.RobotsCacheDuration);
                    return rules;
                }

                // Without an answer the reason is the one sentence (the guard has logged why); a status is the site's own.
                var reason = exchange.Status is { } status
                    ? $"robots.txt answered HTTP {status}; nothing on {origin} is requested this run."
                    : FetchGuard.RefusedMessageKey;
                logger.LogWarning("Live check: robots.txt of {Origin}: {Reason}; nothing on it is requested this run", origin, reason);
                return RobotsRules.DisallowAll(reason, hostUnreachable: exchange.Status is null);
            }

            var loop = $"robots.txt redirected more than {MaxRedirects} times; nothing on {origin} is requested this run.";
            logger.LogWarning("Live check: {Reason}", loop);
            return RobotsRules.DisallowAll(loop);
        }

        /// <summary>
        /// One request after waiting for the origin's turn, within the timeout; never throws but for cancellation. An
        /// address the guard refuses is not requested; it and every failure without an answer (no connection, a
        /// refused address, a timeout) come back as <see cref="FetchGuard.RefusedMessageKey"/>, details in the log.
        /// </summary>
        private async Task<Exchange> SendAsync(
            Uri url, HttpMethod method, bool readBody, CancellationToken ct,
            Action<HttpRequestMessage>? prepare = null, int? truncateBodyAt = null)
        {
            if (guard.Refusal(url) is { } refusal)
            {
                guard.LogFailure("Live check", url, refusal);
                return Exchange.Failed(FetchGuard.RefusedMessageKey, TimeSpan.Zero);
            }

            using var turn = await pacer.WaitTurnAsync(RobotsCache.OriginOf(url), settings.RequestInterval, ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(settings.Timeout);
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var request = new HttpRequestMessage(method, url);
                prepare?.Invoke(request);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                var status = (int)response.StatusCode;
                byte[]? body = null;
                string? error = null;
                if (readBody && status is >= 200 and < 300)
                {
                    body = await ReadBodyAsync(response.Content, truncateBodyAt ?? settings.MaxPageBytes, truncate: truncateBodyAt is not null, timeout.Token);
                    error = body is null ? $"The page is larger than {settings.MaxPageBytes} bytes." : null;
                }

                var elapsed = Stopwatch.GetElapsedTime(started);
                logger.LogDebug("{Method} {Url} → {Status} in {Elapsed} ms", method, url, status, (int)elapsed.TotalMilliseconds);
                var contentType = response.Content.Headers.ContentType;
                return new Exchange(
                    status,
                    response.Headers.Location is { } location ? new Uri(url, location) : null,
                    response.Headers.NonValidated.TryGetValues("ETag", out var etags) ? etags.ToString() : null,
                    response.Content.Headers.LastModified,
                    contentType?.MediaType is not { } media || IsHtmlMediaType(media),
                    contentType?.CharSet,
                    body,
                    error,
                    elapsed);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                var seconds = settings.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
                guard.LogFailure("Live check", url, $"no complete answer within {seconds} s");
                return Exchange.Failed(FetchGuard.RefusedMessageKey, Stopwatch.GetElapsedTime(started));
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException)
            {
                guard.LogFailure("Live check", url, ex is HttpRequestException http ? http.HttpRequestError.ToString() : "transfer failed", ex);
                return Exchange.Failed(FetchGuard.RefusedMessageKey, Stopwatch.GetElapsedTime(started));
            }
        }

        private static async Task<byte[]?> ReadBodyAsync(HttpContent content, int max, bool truncate, CancellationToken ct)
        {
            if (!truncate && content.Headers.ContentLength > max)
            {
                return null;
            }

            await using var stream = await content.ReadAsStreamAsync(ct);
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, ct)) > 0)
            {
                var room = max - (int)buffer.Length;
                if (read > room)
                {
                    if (!truncate)
                    {
                        return null;
                    }

                    buffer.Write(chunk, 0, room);
                    break;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }

        private static string Decode(byte[] body, string? charSet)
        {
            var encoding = Encoding.UTF8;
            if (!string.IsNullOrWhiteSpace(charSet))
            {
                try
                {
                    encoding = Encoding.GetEncoding(charSet.Trim('"', '\''));
                }
                catch (ArgumentException)
                {
                    // An unknown charset label: UTF-8 is the best guess for a government site.
                }
            }

            return encoding.GetString(body);
        }

        private static PageCheckResult Result(PageCheckRequest page, DateTimeOffset checkedAt, PageCheckOutcome outcome) =>
            new(page.ItemId, page.Url, outcome, null, checkedAt, TimeSpan.Zero, page.ETag, page.LastModified, page.ContentHash,
                [], null, [], null);
    }

    private sealed record Exchange(
        int? Status, Uri? Location, string? ETag, DateTimeOffset? LastModified, bool IsHtml, string? CharSet,
        byte[]? Body, string? Error, TimeSpan Elapsed)
    {
        public static Exchange Failed(string error, TimeSpan elapsed) =>
            new(null, null, null, null, false, null, null, error, elapsed);
    }
}
