using KopUkm.Dashboard.Features.Content.Cadence;

namespace KopUkm.Dashboard.Tests.Features.Content.Cadence;

public sealed class SocialCadenceRulesTests
{
    [Theory]
    // 23:30 WIB on the 20th is 16:30 UTC; at 00:10 WIB on the 21st a new WIB day has begun although UTC is still the 20th.
    [InlineData("2026-11-20T16:30:00Z", "2026-11-20T17:10:00Z", 1)]
    [InlineData("2026-11-20T16:30:00Z", "2026-11-20T16:50:00Z", 0)]
    [InlineData("2026-11-20T01:00:00Z", "2026-11-23T02:00:00Z", 3)]
    public void Days_since_count_wib_calendar_days(string lastPost, string now, int days) =>
        Assert.Equal(days, SocialCadenceRules.DaysSince(DateTime.Parse(lastPost, null, System.Globalization.DateTimeStyles.AdjustToUniversal), DateTime.Parse(now, null, System.Globalization.DateTimeStyles.AdjustToUniversal)));

    [Theory]
    [InlineData(null, 7, CadenceStatus.NoPosts)]
    [InlineData(null, null, CadenceStatus.NoPosts)]
    [InlineData(7, 7, CadenceStatus.OnTrack)]
    [InlineData(8, 7, CadenceStatus.Late)]
    [InlineData(40, null, CadenceStatus.NoTarget)]
    public void Late_only_past_the_target(int? daysSince, int? target, CadenceStatus status) =>
        Assert.Equal(status, SocialCadenceRules.Status(daysSince, target));
}
