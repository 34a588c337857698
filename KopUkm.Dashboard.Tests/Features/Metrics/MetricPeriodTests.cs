using KopUkm.Dashboard.Features.Metrics;
using KopUkm.Dashboard.Tests.TestInfrastructure;

namespace KopUkm.Dashboard.Tests.Features.Metrics;

public sealed class MetricPeriodTests
{
    [Fact]
    public void A_month_runs_from_midnight_wib_on_the_first_to_midnight_wib_on_the_first_of_the_next()
    {
        var november = new MetricPeriod(MetricPeriodKind.Month, new DateOnly(2026, 11, 1));

        // 00:00 WIB is 17:00 UTC the day before (WIB = UTC+7).
        Assert.Equal(new DateTime(2026, 10, 31, 17, 0, 0, DateTimeKind.Utc), november.StartUtc);
        Assert.Equal(new DateTime(2026, 11, 30, 17, 0, 0, DateTimeKind.Utc), november.EndUtc);
        Assert.Equal(new DateOnly(2026, 11, 30), november.LastDay);
    }

    [Theory]
    // 00:30 WIB on 1 December is 17:30 UTC on 30 November: already December.
    [InlineData("2026-11-30T17:30:00Z", "2026-12")]
    // 23:30 WIB on 30 November is 16:30 UTC the same day: still November.
    [InlineData("2026-11-30T16:30:00Z", "2026-11")]
    // 16:59:59 UTC on 30 November is 23:59:59 WIB: the last second of November.
    [InlineData("2026-11-30T16:59:59Z", "2026-11")]
    [InlineData("2026-11-30T17:00:00Z", "2026-12")]
    public void An_instant_belongs_to_the_month_of_its_wib_date(string utc, string expected)
    {
        var instant = DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);

        var month = MetricPeriod.Containing(MetricPeriodKind.Month, instant);

        Assert.Equal(expected, month.Key);
        Assert.True(month.StartUtc <= instant && instant < month.EndUtc);
    }

    [Theory]
    [InlineData(MetricPeriodKind.Week, "2026-11-25", "2026-W48", "2026-11-23", "2026-11-30")]
    [InlineData(MetricPeriodKind.Week, "2026-01-01", "2026-W01", "2025-12-29", "2026-01-05")]
    [InlineData(MetricPeriodKind.Month, "2026-11-25", "2026-11", "2026-11-01", "2026-12-01")]
    [InlineData(MetricPeriodKind.Quarter, "2026-11-25", "2026-Q4", "2026-10-01", "2027-01-01")]
    [InlineData(MetricPeriodKind.Year, "2026-11-25", "2026", "2026-01-01", "2027-01-01")]
    public void Each_kind_has_its_calendar_bounds_and_a_key_that_reads_back(MetricPeriodKind kind, string day, string key, string start, string end)
    {
        var period = MetricPeriod.Containing(kind, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(key, period.Key);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period.End);
        Assert.True(MetricPeriod.TryParse(key, out var parsed));
        Assert.Equal(period, parsed);
    }

    [Fact]
    public void The_previous_period_is_the_one_of_the_same_kind_just_before()
    {
        Assert.Equal("2026-10", new MetricPeriod(MetricPeriodKind.Month, new DateOnly(2026, 11, 1)).Previous().Key);
        Assert.Equal("2025-12", new MetricPeriod(MetricPeriodKind.Month, new DateOnly(2026, 1, 1)).Previous().Key);
        Assert.Equal("2026-Q3", new MetricPeriod(MetricPeriodKind.Quarter, new DateOnly(2026, 10, 1)).Previous().Key);
        Assert.Equal("2025-W52", MetricPeriod.Containing(MetricPeriodKind.Week, new DateOnly(2026, 1, 1)).Previous().Key);
        Assert.Equal("2025", new MetricPeriod(MetricPeriodKind.Year, new DateOnly(2026, 1, 1)).Previous().Key);
        Assert.Equal("2026-12", new MetricPeriod(MetricPeriodKind.Month, new DateOnly(2026, 11, 1)).Next().Key);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-13")]
    [InlineData("2026-Q5")]
    [InlineData("2026-W54")]
    [InlineData("november")]
    [InlineData("1999")]
    public void Anything_else_is_not_a_period(string? key) => Assert.False(MetricPeriod.TryParse(key, out _));

    [Fact]
    public void A_missing_or_future_period_in_a_link_falls_back_to_the_current_month()
    {
        var today = new DateOnly(2026, 11, 23);

        Assert.Equal("2026-11", MetricsLinks.ParseOrCurrent(null, today).Key);
        Assert.Equal("2026-11", MetricsLinks.ParseOrCurrent("2027-01", today).Key);
        Assert.Equal("2026-Q3", MetricsLinks.ParseOrCurrent("2026-Q3", today).Key);
    }

    [Fact]
    public void A_running_month_is_compared_with_the_same_elapsed_stretch_of_the_month_before()
    {
        // Monday 23 November 2026 09:00 WIB: November has run 22 days and 9 hours.
        var now = TestClock.Start.UtcDateTime;
        var november = MetricPeriod.Containing(MetricPeriodKind.Month, now);

        var window = november.ComparisonWindowAt(now);

        Assert.True(window.IsPartial);
        Assert.Equal(new DateTime(2026, 9, 30, 17, 0, 0, DateTimeKind.Utc), window.StartUtc);
        // 23 October 09:00 WIB.
        Assert.Equal(new DateTime(2026, 10, 23, 2, 0, 0, DateTimeKind.Utc), window.EndUtc);
    }

    [Fact]
    public void A_running_week_is_compared_with_the_same_hours_of_last_week()
    {
        var now = TestClock.Start.UtcDateTime;
        var week = MetricPeriod.Containing(MetricPeriodKind.Week, now);

        var window = week.ComparisonWindowAt(now);

        // Monday 16 November 00:00 to 09:00 WIB.
        Assert.Equal(new MetricWindow(new DateTime(2026, 11, 15, 17, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 16, 2, 0, 0, DateTimeKind.Utc), IsPartial: true), window);
    }

    [Fact]
    public void A_closed_period_is_compared_with_all_of_the_one_before()
    {
        var now = TestClock.Start.UtcDateTime;
        var october = new MetricPeriod(MetricPeriodKind.Month, new DateOnly(2026, 10, 1));

        var window = october.ComparisonWindowAt(now);

        Assert.Equal(new MetricWindow(october.Previous().StartUtc, october.Previous().EndUtc, IsPartial: false), window);
    }

    [Fact]
    public void A_running_period_longer_than_the_one_before_is_compared_with_all_of_it()
    {
        // 31 March 2027 12:00 WIB: March has run 30.5 days, more than February's 28.
        var now = new DateTime(2027, 3, 31, 5, 0, 0, DateTimeKind.Utc);
        var march = MetricPeriod.Containing(MetricPeriodKind.Month, now);

        var window = march.ComparisonWindowAt(now);

        Assert.False(window.IsPartial);
        Assert.Equal(march.Previous().EndUtc, window.EndUtc);
    }
}
