using System.Globalization;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Features.Content.LiveCheck;

/// <summary>
/// The live-site check over the inventory: every published website page on the office's site is checked by
/// <see cref="LiveSiteChecker"/>, each visit is recorded, and the item's live state follows from its history:
/// a page is broken only after two failed checks in a row, a changed main text restarts its review clock, and a
/// broken page goes to Perlu Pembaruan until it answers again. Pages are asked for conditionally, except on the
/// visits <see cref="RevalidationRule"/> picks, so their links keep being checked.
/// </summary>
public sealed class ContentLiveCheckService(
    IDbContextFactory<AppDbContext> dbFactory,
    LiveSiteChecker checker,
    LiveCheckProgress progress,
    ChangeNotifier changes,
    IOptions<LiveCheckOptions> options,
    TimeProvider clock,
    ILogger<ContentLiveCheckService> logger)
{
    /// <summary>Failures in a row before a page counts as broken: one bad answer may be a deploy or a blip.</summary>
    public const int FailuresBeforeBroken = 2;

    private const int SaveEvery = 50;

    /// <summary>Whether a site is configured; without one the scheduled check does nothing.</summary>
    public bool IsConfigured => SiteHost is not null;

    private string? SiteHost =>
        Uri.TryCreate(options.Value.SiteUrl, UriKind.Absolute, out var site) ? site.IdnHost.ToLowerInvariant() : null;

    /// <summary>Checks every published page on the configured site. Returns how each page fared.</summary>
    public async Task<LiveCheckRunResult> RunAsync(CancellationToken ct = default)
    {
        if (SiteHost is not { } host)
        {
            logger.LogInformation("Live-site check skipped: no Content:LiveCheck:SiteUrl configured");
            return new LiveCheckRunResult(0, 0, 0, 0, 0);
        }

        List<PageCheckRequest> pages;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var checks = db.Set<ContentCheck>();
            var recent = RevalidationRule.Every - 1;
            var rows = await db.Set<ContentItem>().AsNoTracking()
                .Where(LiveContent.IsLive)
                .Where(c => c.Channel == ContentChannel.Website && c.Url != null)
                .OrderBy(c => c.Id)
                .Select(c => new
                {
                    c.Id,
                    c.Url,
                    c.ETag,
                    c.LastModifiedUtc,
                    c.ContentHash,
                    c.BrokenLinkCount,
                    RecentVisits = checks.Where(k => k.ContentItemId == c.Id)
                        .OrderByDescending(k => k.CheckedAtUtc).ThenByDescending(k => k.Id).Take(recent).Count(),
                    RecentFullAnswers = checks.Where(k => k.ContentItemId == c.Id)
                        .OrderByDescending(k => k.CheckedAtUtc).ThenByDescending(k => k.Id).Take(recent)
                        .Count(k => k.HttpStatus >= 200 && k.HttpStatus < 300),
                    // Newest first along the (item, time) index, so the walk stops at the latest full answer.
                    LastFullAnswerAtUtc = checks.Where(k => k.ContentItemId == c.Id && k.HttpStatus >= 200 && k.HttpStatus < 300)
                        .OrderByDescending(k => k.CheckedAtUtc).Select(k => (DateTime?)k.CheckedAtUtc).FirstOrDefault(),
                })
                .ToListAsync(ct);
            var lastPageBrokenAtUtc = await db.Set<ContentEvent>()
                .Where(e => e.Kind == ContentEventKind.LiveBroken)
                .MaxAsync(e => (DateTime?)e.AtUtc, ct);
            pages = [.. rows
                .Where(r => Uri.TryCreate(r.Url, UriKind.Absolute, out var uri) && OnSite(uri, host))
                .Select(r =>
                {
                    var visits = new PageVisits(
                        r.ETag is not null || r.LastModifiedUtc is not null, r.BrokenLinkCount, r.RecentVisits, r.RecentFullAnswers, r.LastFullAnswerAtUtc);
                    var full = RevalidationRule.FetchInFull(visits, lastPageBrokenAtUtc);
                    return new PageCheckRequest(
                        r.Id,
                        new Uri(r.Url!),
                        full ? null : r.ETag,
                        full || r.LastModifiedUtc is not { } m ? null : new DateTimeOffset(m, TimeSpan.Zero),
                        r.ContentHash);
                })];
        }

        await progress.StartAsync(pages.Count, ct);
        var tally = new Dictionary<PageCheckOutcome, int>();
        var buffer = new List<PageCheckResult>(SaveEvery);
        try
        {
            await foreach (var result in checker.CheckAsync(pages, ct))
            {
                tally[result.Outcome] = tally.GetValueOrDefault(result.Outcome) + 1;
                buffer.Add(result);
                if (buffer.Count >= SaveEvery)
                {
                    await ApplyAsync(buffer, ct);
                    buffer.Clear();
                }

                // Counted per page (written at most once a second), so an open page moves while a batch fills.
                await progress.AdvanceAsync(1, ct);
            }

            await ApplyAsync(buffer, ct);
        }
        finally
        {
            await progress.FinishAsync();
        }

        changes.Publish(ChangeTopic.Content);
        var summary = new LiveCheckRunResult(
            pages.Count,
            tally.GetValueOrDefault(PageCheckOutcome.Changed),
            tally.GetValueOrDefault(PageCheckOutcome.Broken),
            tally.GetValueOrDefault(PageCheckOutcome.Error) + tally.GetValueOrDefault(PageCheckOutcome.NeedsLogin),
            tally.GetValueOrDefault(PageCheckOutcome.SkippedByRobots));
        logger.LogInformation(
            "Live-site check: {Pages} pages, {Changed} changed, {Broken} not found, {Errors} errors, {Skipped} skipped by robots.txt",
            summary.Pages, summary.Changed, summary.NotFound, summary.Errors, summary.SkippedByRobots);
        return summary;
    }

    /// <summary>The site's host and its subdomains (www., layanan., …).</summary>
    private static bool OnSite(Uri uri, string host)
    {
        var candidate = uri.IdnHost.ToLowerInvariant();
        var bare = host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
        return candidate == bare || candidate.EndsWith("." + bare, StringComparison.Ordinal);
    }

    private async Task ApplyAsync(List<PageCheckResult> results, CancellationToken ct)
    {
        if (results.Count == 0)
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = results.Select(r => r.ItemId).ToList();
        var items = await db.Set<ContentItem>().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var result in results)
        {
            if (items.TryGetValue(result.ItemId, out var item))
            {
                Apply(db, item, result, now);
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (ConcurrencyConflictException)
        {
            // An editor saved one of these items meanwhile; their change wins, and the next run records this batch again.
            logger.LogInformation("Live-site check: a batch of {Count} results was skipped because an item changed meanwhile", results.Count);
        }
    }

    internal static void Apply(AppDbContext db, ContentItem item, PageCheckResult result, DateTime now)
    {
        var checkedAt = result.CheckedAt.UtcDateTime;
        db.Add(new ContentCheck
        {
            ContentItemId = item.Id,
            CheckedAtUtc = checkedAt,
            Result = result.Outcome,
            HttpStatus = result.HttpStatus,
            DurationMs = (int)Math.Min(int.MaxValue, result.Duration.TotalMilliseconds),
            ContentHash = result.ContentHash,
            Redirects = Clip(string.Join('\n', result.Redirects.Select(r => r.AbsoluteUri)), 4000),
            BrokenLinks = Clip(string.Join('\n', result.BrokenLinks.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.HttpStatus?.ToString(CultureInfo.InvariantCulture) ?? "-"} {l.Url.AbsoluteUri}"))), 8000),
            Error = Clip(result.Error, 500),
        });

        item.LastCheckedAtUtc = checkedAt;
        if (result.HttpStatus is (>= 200 and < 300) or 304)
        {
            // Only an answer about the page replaces its validators: a visit sent without them that fails keeps them.
            item.ETag = result.ETag;
            item.LastModifiedUtc = result.LastModified?.UtcDateTime;
        }

        item.ContentHash = result.ContentHash;
        var wasBroken = item.LiveStatus == LiveStatus.Broken;
        switch (result.Outcome)
        {
            case PageCheckOutcome.Unchanged or PageCheckOutcome.Changed:
                item.ConsecutiveFailures = 0;
                item.LiveStatus = LiveStatus.Ok;
                if (result.HttpStatus is >= 200 and < 300)
                {
                    // Links are only read from a fetched body; a 304 keeps the last count.
                    item.BrokenLinkCount = result.BrokenLinks.Count;
                }

                if (result.Outcome == PageCheckOutcome.Changed)
                {
                    item.LastLiveChangeAtUtc = checkedAt;
                    db.Add(ContentActionSupport.Event(item.Id, ContentEventKind.LiveChanged, UserContext.System, now));
                }

                if (wasBroken)
                {
                    db.Add(ContentActionSupport.Event(item.Id, ContentEventKind.LiveRecovered, UserContext.System, now));
                }

                // Reachable again, or visibly updated: the system's own flags lift; an editor's or a service change's stay.
                if (item.State == ContentState.PerluPembaruan
                    && (item.StaleReason == StaleReason.Broken || (item.StaleReason == StaleReason.ReviewOverdue && result.Outcome == PageCheckOutcome.Changed)))
                {
                    Move(db, item, ContentState.Terbit, StaleReason.None, now, "");
                }

                break;

            case PageCheckOutcome.Broken or PageCheckOutcome.Error:
                item.ConsecutiveFailures++;
                if (item.ConsecutiveFailures >= FailuresBeforeBroken)
                {
                    item.LiveStatus = result.Outcome == PageCheckOutcome.Broken ? LiveStatus.Broken : LiveStatus.Error;
                    if (item.LiveStatus == LiveStatus.Broken && !wasBroken)
                    {
                        var status = result.HttpStatus?.ToString(CultureInfo.InvariantCulture) ?? "-";
                        db.Add(ContentActionSupport.Event(item.Id, ContentEventKind.LiveBroken, UserContext.System, now, text: $"HTTP {status}"));
                        if (item.State == ContentState.Terbit)
                        {
                            Move(db, item, ContentState.PerluPembaruan, StaleReason.Broken, now, nameof(StaleReason.Broken));
                        }
                    }
                }

                break;

            case PageCheckOutcome.NeedsLogin:
                item.ConsecutiveFailures = 0;
                item.LiveStatus = LiveStatus.NeedsLogin;
                break;

            case PageCheckOutcome.SkippedByRobots:
                item.LiveStatus = LiveStatus.SkippedByRobots;
                break;
        }

        ContentFreshnessRules.Refresh(item, now);
    }

    private static void Move(AppDbContext db, ContentItem item, ContentState to, StaleReason reason, DateTime now, string text)
    {
        var from = item.State;
        item.State = to;
        item.StateChangedAtUtc = now;
        item.StaleReason = reason;
        var kind = to == ContentState.PerluPembaruan ? ContentEventKind.FlaggedStale : ContentEventKind.StateChanged;
        db.Add(ContentActionSupport.Event(item.Id, kind, UserContext.System, now, from, to, text));
    }

    private static string? Clip(string? value, int max) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= max ? value : value[..max];
}

public sealed record LiveCheckRunResult(int Pages, int Changed, int NotFound, int Errors, int SkippedByRobots);
