using System.Globalization;
using KopUkm.Dashboard.Localization;

namespace KopUkm.Dashboard.Tests.Localization;

public sealed class WibTimeTests
{
    [Fact]
    public void Utc_instants_show_seven_hours_later_in_wib_with_indonesian_formats()
    {
        CultureInfo.CurrentCulture = new CultureInfo("id-ID");

        Assert.Equal("28 Nov 2026 01.45 WIB", WibTime.FormatDateTime(new DateTime(2026, 11, 27, 18, 45, 0, DateTimeKind.Utc)));
        Assert.Equal("Jumat, 27 November 2026", WibTime.FormatDate(new DateOnly(2026, 11, 27)));
    }

    [Fact]
    public void English_uses_a_colon_and_english_month_names()
    {
        CultureInfo.CurrentCulture = new CultureInfo("en-US");

        Assert.Equal("1 Jan 2027 06:59 WIB", WibTime.FormatDateTime(new DateTime(2026, 12, 31, 23, 59, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Wib_to_utc_round_trips_and_has_no_daylight_saving()
    {
        var wib = new DateTime(2026, 7, 1, 7, 30, 0);

        Assert.Equal(new DateTime(2026, 7, 1, 0, 30, 0, DateTimeKind.Utc), WibTime.ToUtc(wib));
        Assert.Equal(wib, WibTime.ToWib(WibTime.ToUtc(wib)));
        Assert.Equal(TimeSpan.FromHours(7), WibTime.Zone.GetUtcOffset(new DateTime(2026, 1, 15)));
        Assert.Equal(TimeSpan.FromHours(7), WibTime.Zone.GetUtcOffset(new DateTime(2026, 7, 15)));
    }
}
