using System.Text.RegularExpressions;
using System.Xml.Linq;
using KopUkm.Dashboard.Features.Dashboard;
using KopUkm.Dashboard.Tests.TestInfrastructure;

namespace KopUkm.Dashboard.Tests.Features.Dashboard;

public sealed partial class AttentionRuleTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("SharedResource.resx")]
    [InlineData("SharedResource.en.resx")]
    public void The_explanation_on_the_page_numbers_exactly_the_tiers_of_the_rule(string file)
    {
        var text = XDocument.Load(Path.Combine(RepoPaths.App, "Resources", file)).Root!.Elements("data")
            .Single(d => d.Attribute("name")!.Value == "Dashboard.UrgentRule").Element("value")!.Value;

        var numbers = TierNumber().Matches(text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(AttentionRule.Tiers.Select(t => (int)t), numbers);
    }

    [Fact]
    public void Citizen_work_is_first_once_past_its_target_and_content_reviews_come_last()
    {
        Assert.Equal(AttentionTier.CitizenWaiting, AttentionRule.ForCitizenWork(Now, Now));
        Assert.Equal(AttentionTier.CitizenWorkDueNext, AttentionRule.ForCitizenWork(Now.AddMinutes(1), Now));
        Assert.Equal(AttentionTier.ContentReviewOverdue, AttentionRule.ForContentReview(Now, Now));
        Assert.Equal(AttentionTier.ContentReviewDueNext, AttentionRule.ForContentReview(Now.AddDays(1), Now));
        Assert.Equal([1, 2, 3, 4, 5], AttentionRule.Tiers.Select(t => (int)t));
    }

    [Fact]
    public void Within_a_tier_the_earliest_due_comes_first_then_the_higher_priority()
    {
        UrgentItem Item(string title, AttentionTier tier, int hours, int priority) =>
            new(UrgentSource.Ticket, title, "", null, Now.AddHours(hours), priority, "/", (int)tier);

        var ranked = AttentionRule.Rank(
        [
            Item("review", AttentionTier.ContentReviewOverdue, -48, 0),
            Item("soon-low", AttentionTier.CitizenWorkDueNext, 2, 0),
            Item("soon-high", AttentionTier.CitizenWorkDueNext, 2, 3),
            Item("late", AttentionTier.CitizenWaiting, -1, 0),
            Item("broken", AttentionTier.PageBroken, -100, 0),
        ]);

        Assert.Equal(["late", "broken", "soon-high", "soon-low", "review"], ranked.Select(i => i.Title));
    }

    [GeneratedRegex(@"\((\d+)\)")]
    private static partial Regex TierNumber();
}
