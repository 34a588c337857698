namespace KopUkm.Dashboard.Features.Content.LiveCheck;

/// <summary>
/// When the live check asks for a page without its validators (no If-None-Match / If-Modified-Since), so the page comes
/// back whole and its links are read and checked again. A 304 brings no body: without this, a link that breaks after
/// a page's last full answer would go unnoticed until the page itself changed.
/// </summary>
public static class RevalidationRule
{
    /// <summary>One visit in this many is a full fetch: after six conditional visits in a row, the seventh sends no validators.</summary>
    public const int Every = 7;

    /// <summary>
    /// Whether this visit should send no validators: (1) it has none to send; (2) its last full answer had broken links
    /// (they are checked again on every visit until fixed); (3) <see cref="Every"/> − 1 visits in a row went without a
    /// full answer; or (4) a page of the site was found broken after this page's links were last read (which pages link
    /// to it is not kept, so every page read before the break is read again, once).
    /// </summary>
    public static bool FetchInFull(PageVisits page, DateTime? lastPageBrokenAtUtc)
    {
        ArgumentNullException.ThrowIfNull(page);
        return !page.HasValidators
            || page.BrokenLinks > 0
            || (page.RecentVisits >= Every - 1 && page.RecentFullAnswers == 0)
            || (lastPageBrokenAtUtc is { } broken && (page.LastFullAnswerAtUtc is not { } read || read < broken));
    }
}

/// <summary>What the stored checks say about one page, for <see cref="RevalidationRule"/>.</summary>
/// <param name="HasValidators">An ETag or Last-Modified is stored for it.</param>
/// <param name="BrokenLinks">Broken links found at its last full answer.</param>
/// <param name="RecentVisits">Its latest visits, at most <see cref="RevalidationRule.Every"/> − 1 counted.</param>
/// <param name="RecentFullAnswers">How many of those got a full (2xx) answer.</param>
/// <param name="LastFullAnswerAtUtc">When its links were last read: its latest 2xx check.</param>
public sealed record PageVisits(bool HasValidators, int BrokenLinks, int RecentVisits, int RecentFullAnswers, DateTime? LastFullAnswerAtUtc);
