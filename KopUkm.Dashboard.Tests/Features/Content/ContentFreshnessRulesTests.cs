using KopUkm.Dashboard.Features.Content;

namespace KopUkm.Dashboard.Tests.Features.Content;

public sealed class ContentFreshnessRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);

    private static ContentItem Page(InformationCategory category = InformationCategory.SetiapSaat, ContentState state = ContentState.Terbit) => new()
    {
        Title = "Persyaratan NIB",
        Kind = ContentKind.WebsitePage,
        Channel = ContentChannel.Website,
        Category = category,
        State = state,
        CreatedAtUtc = Now.AddDays(-400),
        PublishedAtUtc = Now.AddDays(-300),
    };

    [Theory]
    [InlineData(InformationCategory.SetiapSaat, 90)]
    [InlineData(InformationCategory.Berkala, 180)]
    [InlineData(InformationCategory.SertaMerta, 30)]
    [InlineData(InformationCategory.Berita, null)]
    public void Each_category_has_its_default_interval(InformationCategory category, int? days) =>
        Assert.Equal(days, ContentFreshnessRules.DefaultIntervalDays(category));

    [Fact]
    public void The_review_is_due_one_interval_after_the_latest_review_change_or_publication()
    {
        var item = Page();
        Assert.Equal(Now.AddDays(-300 + 90), ContentFreshnessRules.ReviewDueAt(item));

        item.LastReviewedAtUtc = Now.AddDays(-50);
        Assert.Equal(Now.AddDays(40), ContentFreshnessRules.ReviewDueAt(item));

        // A change seen on the live site is care too: it moves the date on.
        item.LastLiveChangeAtUtc = Now.AddDays(-10);
        Assert.Equal(Now.AddDays(80), ContentFreshnessRules.ReviewDueAt(item));

        item.ReviewIntervalDaysOverride = 30;
        Assert.Equal(Now.AddDays(20), ContentFreshnessRules.ReviewDueAt(item));
    }

    [Theory]
    [InlineData(ContentState.Draf)]
    [InlineData(ContentState.Ditinjau)]
    [InlineData(ContentState.Disetujui)]
    [InlineData(ContentState.Diarsipkan)]
    public void Only_live_items_have_a_review_date(ContentState state)
    {
        var item = Page(state: state);
        ContentFreshnessRules.Refresh(item, Now);
        Assert.Null(item.ReviewDueAtUtc);
        Assert.Equal(ContentFreshness.NotTracked, item.Freshness);
    }

    [Fact]
    public void News_and_social_posts_are_never_due_for_review()
    {
        var news = Page(InformationCategory.Berita);
        var post = Page();
        post.Kind = ContentKind.SocialPost;
        post.Channel = ContentChannel.Instagram;

        Assert.Null(ContentFreshnessRules.ReviewDueAt(news));
        Assert.Null(ContentFreshnessRules.ReviewDueAt(post));
    }

    [Theory]
    [InlineData(-1, ContentFreshness.Overdue)]
    [InlineData(0, ContentFreshness.Overdue)]
    [InlineData(1, ContentFreshness.DueSoon)]
    [InlineData(14 * 24, ContentFreshness.DueSoon)]
    [InlineData(14 * 24 + 1, ContentFreshness.Fresh)]
    public void Due_soon_is_the_last_fourteen_days_and_overdue_starts_at_the_due_time(int hoursUntilDue, ContentFreshness expected) =>
        Assert.Equal(expected, ContentFreshnessRules.FreshnessAt(Now.AddHours(hoursUntilDue), Now));

    [Fact]
    public void Days_overdue_counts_whole_days_past_the_date()
    {
        Assert.Equal(0, ContentFreshnessRules.DaysOverdue(Now.AddDays(1), Now));
        Assert.Equal(0, ContentFreshnessRules.DaysOverdue(null, Now));
        Assert.Equal(15, ContentFreshnessRules.DaysOverdue(Now.AddDays(-15.5), Now));
    }
}
