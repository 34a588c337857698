using KopUkm.Dashboard.Features.Content;
using KopUkm.Dashboard.Tests.TestInfrastructure;

namespace KopUkm.Dashboard.Tests.Features.Content;

/// <summary>Shared arrangements for content tests.</summary>
internal static class ContentTestData
{
    /// <summary>
    /// A published website page ("setiap saat", 90-day interval) written straight to the table, published
    /// <paramref name="publishedDaysAgo"/> days before the fake clock's now and, when given, last reviewed
    /// <paramref name="reviewedDaysAgo"/> days ago; its stored freshness is what the nightly pass would leave.
    /// </summary>
    /// <param name="address">A slug under the office site, or an absolute URL.</param>
    public static async Task<long> PublishedPageAsync(
        TestServices app, int divisionId, string address, int publishedDaysAgo, int? reviewedDaysAgo = null, string? editorId = null)
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var absolute = Uri.IsWellFormedUriString(address, UriKind.Absolute);
        var item = new ContentItem
        {
            Title = absolute ? address : $"Halaman {address}",
            Url = absolute ? address : $"https://dinaskopukm.jambiprov.go.id/{address}",
            OwnerDivisionId = divisionId,
            EditorUserId = editorId,
            Kind = ContentKind.WebsitePage,
            Channel = ContentChannel.Website,
            Category = InformationCategory.SetiapSaat,
            State = ContentState.Terbit,
            CreatedAtUtc = now.AddDays(-publishedDaysAgo),
            StateChangedAtUtc = now.AddDays(-publishedDaysAgo),
            PublishedAtUtc = now.AddDays(-publishedDaysAgo),
            LastReviewedAtUtc = reviewedDaysAgo is { } days ? now.AddDays(-days) : null,
        };
        ContentFreshnessRules.Refresh(item, now);
        await using var db = await app.DbAsync();
        db.Add(item);
        await db.SaveChangesAsync();
        return item.Id;
    }
}
