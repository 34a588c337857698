namespace KopUkm.Dashboard.Features.Content.LiveCheck;

/// <summary>One page to check, with what the last successful check stored about it (all optional).</summary>
/// <param name="ItemId">The content item the caller stores the result against.</param>
/// <param name="Url">An absolute http or https address.</param>
/// <param name="ETag">The validator from the last fetch; sent as <c>If-None-Match</c>.</param>
/// <param name="LastModified">From the last fetch; sent as <c>If-Modified-Since</c>.</param>
/// <param name="ContentHash">The fingerprint from the last fetch (see <see cref="PageText.Hash"/>).</param>
public sealed record PageCheckRequest(long ItemId, Uri Url, string? ETag, DateTimeOffset? LastModified, string? ContentHash);

/// <summary>
/// What one check found. A single check is one observation: whether a page counts as broken only after several
/// consecutive failures is decided by the caller from stored history, not here.
/// </summary>
public enum PageCheckOutcome
{
    /// <summary>
    /// The page answered 304, or answered 2xx with the same fingerprint as before. Also the answer for a first check
    /// (no previous fingerprint to compare): the result then carries the new fingerprint to store.
    /// </summary>
    Unchanged,

    /// <summary>The page answered 2xx and its fingerprint differs from the previous one the request carried.</summary>
    Changed,

    /// <summary>The page is gone: 404 or 410.</summary>
    Broken,

    /// <summary>
    /// 5xx, another unexpected status, a timeout, a DNS or connection failure, or too many redirects. Also when the
    /// host gave no answer for robots.txt: the page is then not requested (RFC 9309), but the host is plainly down.
    /// </summary>
    Error,

    /// <summary>The page answered 401 or 403: it exists but is not public.</summary>
    NeedsLogin,

    /// <summary>
    /// robots.txt disallows the page for us, or answered 5xx (which RFC 9309 treats as disallow-all until it can
    /// be read again, here: the next run); the page was not requested.
    /// </summary>
    SkippedByRobots,
}

/// <summary>An internal link on a checked page that is gone (<see cref="PageCheckOutcome.Broken"/>) or failing (<see cref="PageCheckOutcome.Error"/>).</summary>
public sealed record LinkProblem(Uri Url, int? HttpStatus, PageCheckOutcome Outcome);

/// <summary>The result of checking one page.</summary>
/// <param name="HttpStatus">The status of the last response that arrived (a redirect, when the next hop got none); null when none arrived or the page was skipped.</param>
/// <param name="CheckedAt">When the check of this page started, by the app clock.</param>
/// <param name="Duration">Time spent on the page's own requests (redirect hops included), without waits for the rate limit or link checks.</param>
/// <param name="ETag">The validator to store: the 2xx response's (null if it sent none); otherwise the request's, or a new one sent with a 304.</param>
/// <param name="LastModified">As <paramref name="ETag"/>, for <c>Last-Modified</c>.</param>
/// <param name="ContentHash">The fingerprint to store: computed on 2xx, otherwise the request's (so storing it never loses the last good one).</param>
/// <param name="Redirects">Each address a redirect led to that answered, in order (a hop refused or unanswered is not listed).</param>
/// <param name="FinalUrl">The address that gave the final answer (the page's own address when there was no redirect); null when nothing was requested.</param>
/// <param name="BrokenLinks">Internal links that answered 404/410 (Broken) or 5xx/failed (Error); only for pages fetched with 2xx.</param>
/// <param name="Error">A short reason for Error and SkippedByRobots outcomes, or for other statuses.</param>
public sealed record PageCheckResult(
    long ItemId,
    Uri Url,
    PageCheckOutcome Outcome,
    int? HttpStatus,
    DateTimeOffset CheckedAt,
    TimeSpan Duration,
    string? ETag,
    DateTimeOffset? LastModified,
    string? ContentHash,
    IReadOnlyList<Uri> Redirects,
    Uri? FinalUrl,
    IReadOnlyList<LinkProblem> BrokenLinks,
    string? Error);
