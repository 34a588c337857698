namespace KopUkm.Dashboard.Features.Content;

/// <summary>
/// The freshness rules, pure: when an item is due for review and whether it is fresh, due soon or overdue.
/// docs/content.md states them for editors.
/// </summary>
public static class ContentFreshnessRules
{
    /// <summary>"Due soon" is this close to the review date.</summary>
    public static readonly TimeSpan DueSoonWindow = TimeSpan.FromDays(14);

    /// <summary>
    /// The default review interval of a category: procedures and standards (setiap saat) 90 days, periodic
    /// information (berkala) 180, immediate notices (serta-merta) 30; news is archived, never reviewed.
    /// </summary>
    public static int? DefaultIntervalDays(InformationCategory category) => category switch
    {
        InformationCategory.SetiapSaat => 90,
        InformationCategory.Berkala => 180,
        InformationCategory.SertaMerta => 30,
        _ => null,
    };

    public static int? IntervalDays(ContentItem item) =>
        item.Kind is ContentKind.SocialPost or ContentKind.News
            ? null
            : item.ReviewIntervalDaysOverride ?? DefaultIntervalDays(item.Category);

    /// <summary>Review dates apply to what is live: published (and stale) pages and announcements.</summary>
    public static bool IsTracked(ContentItem item) =>
        LiveContent.IsLiveState(item.State) && IntervalDays(item) is not null;

    /// <summary>
    /// The next review is due one interval after the latest sign of care: a review, a change detected on the live
    /// site, or publication. A page nobody touched or confirmed for longer than its interval is stale.
    /// </summary>
    public static DateTime? ReviewDueAt(ContentItem item)
    {
        if (!IsTracked(item))
        {
            return null;
        }

        var anchor = Latest(item.LastReviewedAtUtc, item.LastLiveChangeAtUtc, item.PublishedAtUtc) ?? item.CreatedAtUtc;
        return anchor.AddDays(IntervalDays(item)!.Value);
    }

    public static ContentFreshness FreshnessAt(DateTime? reviewDueAtUtc, DateTime nowUtc) => reviewDueAtUtc switch
    {
        null => ContentFreshness.NotTracked,
        { } due when due <= nowUtc => ContentFreshness.Overdue,
        { } due when due - nowUtc <= DueSoonWindow => ContentFreshness.DueSoon,
        _ => ContentFreshness.Fresh,
    };

    /// <summary>Recomputes the stored review date and freshness after anything that affects them.</summary>
    public static void Refresh(ContentItem item, DateTime nowUtc)
    {
        item.ReviewDueAtUtc = ReviewDueAt(item);
        item.Freshness = FreshnessAt(item.ReviewDueAtUtc, nowUtc);
    }

    /// <summary>Whole days an item has been overdue at <paramref name="nowUtc"/>; 0 when it is not.</summary>
    public static int DaysOverdue(DateTime? reviewDueAtUtc, DateTime nowUtc) =>
        reviewDueAtUtc is { } due && due < nowUtc ? (int)(nowUtc - due).TotalDays : 0;

    private static DateTime? Latest(params DateTime?[] values) => values.Where(v => v is not null).Max();
}
