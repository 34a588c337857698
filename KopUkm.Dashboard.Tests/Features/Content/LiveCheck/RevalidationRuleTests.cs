using KopUkm.Dashboard.Features.Content.LiveCheck;

namespace KopUkm.Dashboard.Tests.Features.Content.LiveCheck;

public sealed class RevalidationRuleTests
{
    private static readonly DateTime ReadAt = new(2026, 11, 20, 20, 0, 0, DateTimeKind.Utc);

    private static PageVisits Visits(int recent = 1, int full = 1, int brokenLinks = 0, bool validators = true, DateTime? readAt = null) =>
        new(validators, brokenLinks, recent, full, readAt ?? ReadAt);

    [Fact]
    public void A_page_answering_not_modified_is_asked_conditionally_for_six_visits_and_in_full_on_the_seventh()
    {
        Assert.False(RevalidationRule.FetchInFull(Visits(recent: 5, full: 0), null));
        Assert.False(RevalidationRule.FetchInFull(Visits(recent: 6, full: 1), null));
        Assert.True(RevalidationRule.FetchInFull(Visits(recent: 6, full: 0), null));
    }

    [Fact]
    public void A_page_whose_links_were_found_broken_is_read_in_full_every_visit() =>
        Assert.True(RevalidationRule.FetchInFull(Visits(recent: 1, full: 1, brokenLinks: 2), null));

    [Fact]
    public void A_page_without_validators_is_always_read_in_full() =>
        Assert.True(RevalidationRule.FetchInFull(Visits(validators: false), null));

    [Fact]
    public void A_page_of_the_site_found_broken_after_a_pages_links_were_read_has_it_read_again_once()
    {
        Assert.True(RevalidationRule.FetchInFull(Visits(readAt: ReadAt), ReadAt.AddDays(1)));
        Assert.False(RevalidationRule.FetchInFull(Visits(readAt: ReadAt.AddDays(2)), ReadAt.AddDays(1)));
        Assert.True(RevalidationRule.FetchInFull(new PageVisits(true, 0, 3, 0, null), ReadAt));
    }
}
