using KopUkm.Dashboard.Features.Calendar;
using KopUkm.Dashboard.Tests.TestInfrastructure;

namespace KopUkm.Dashboard.Tests.Features.Calendar;

/// <summary>
/// Special hours with breaks, on the official Ramadan 2026 timetable the reference data seeds (19 Feb – 19 Mar):
/// Monday–Thursday 08:00–15:00 with a break 12:00–12:30 (6.5 h), Friday 08:00–15:30 with a break 11:30–12:30 (6.5 h).
/// Every expectation is counted by hand in minutes.
/// </summary>
public sealed class RamadanBreaksTests
{
    private readonly WorkingCalendar calendar = new(OfficeCalendars.Week(), OfficeCalendars.Holidays2026, [Ramadan()]);

    public static SpecialHoursPeriod Ramadan() => new()
    {
        Name = "Ramadan 1447 H",
        StartDate = new DateOnly(2026, 2, 19),
        EndDate = new DateOnly(2026, 3, 19),
        WeekdayStart = new TimeOnly(8, 0),
        WeekdayEnd = new TimeOnly(15, 0),
        WeekdayBreakStart = new TimeOnly(12, 0),
        WeekdayBreakEnd = new TimeOnly(12, 30),
        FridayStart = new TimeOnly(8, 0),
        FridayEnd = new TimeOnly(15, 30),
        FridayBreakStart = new TimeOnly(11, 30),
        FridayBreakEnd = new TimeOnly(12, 30),
    };

    [Fact]
    public void A_ramadan_day_is_split_around_its_own_break_not_the_regular_one()
    {
        Assert.Equal([(T(8, 0), T(12, 0)), (T(12, 30), T(15, 0))], calendar.WorkingIntervals(new DateOnly(2026, 2, 23)));
        Assert.Equal([(T(8, 0), T(11, 30)), (T(12, 30), T(15, 30))], calendar.WorkingIntervals(new DateOnly(2026, 2, 27)));
    }

    [Fact]
    public void The_break_does_not_count()
    {
        // Monday 23 Feb 11:00 → 13:00: 11:00–12:00 (60) + 12:30–13:00 (30) = 90 min; 12:00–12:30 counts nothing.
        Assert.Equal(TimeSpan.FromMinutes(90), calendar.WorkingTimeBetween(Wib(2, 23, 11, 0), Wib(2, 23, 13, 0)));
        Assert.Equal(TimeSpan.Zero, calendar.WorkingTimeBetween(Wib(2, 23, 12, 0), Wib(2, 23, 12, 30)));

        // Friday 27 Feb 11:00 → 13:00: 11:00–11:30 (30) + 12:30–13:00 (30) = 60 min.
        Assert.Equal(TimeSpan.FromMinutes(60), calendar.WorkingTimeBetween(Wib(2, 27, 11, 0), Wib(2, 27, 13, 0)));
    }

    [Fact]
    public void A_ramadan_week_is_thirty_two_and_a_half_hours()
    {
        // Monday 23 Feb 00:00 → Monday 2 Mar 00:00: 5 × 390 min = 1,950 min.
        Assert.Equal(TimeSpan.FromMinutes(1950), calendar.WorkingTimeBetween(Wib(2, 23, 0, 0), Wib(3, 2, 0, 0)));
    }

    [Fact]
    public void Whole_days_across_two_weeks_agree_with_adding_the_same_time()
    {
        // Monday 23 Feb 09:00 → Friday 6 Mar 10:00: Mon 09:00–12:00 (180) + 12:30–15:00 (150) = 330; Tue–Thu 3 × 390 =
        // 1,170; Fri 27 Feb 390; Mon–Thu 2–5 Mar 4 × 390 = 1,560; Fri 6 Mar 08:00–10:00 = 120. Total 3,570 min.
        Assert.Equal(TimeSpan.FromMinutes(3570), calendar.WorkingTimeBetween(Wib(2, 23, 9, 0), Wib(3, 6, 10, 0)));
        Assert.Equal(Wib(3, 6, 10, 0), calendar.AddWorkingTime(Wib(2, 23, 9, 0), TimeSpan.FromMinutes(3570)));
    }

    [Fact]
    public void Adding_time_skips_the_break_and_a_target_running_out_at_the_break_is_due_at_its_start()
    {
        // Friday 27 Feb 11:00 + 60 min: 11:00–11:30, then 12:30–13:00.
        Assert.Equal(Wib(2, 27, 13, 0), calendar.AddWorkingTime(Wib(2, 27, 11, 0), TimeSpan.FromMinutes(60)));

        // Monday 23 Feb 08:00 + 240 min runs out at 12:00, the start of the break, not at 12:30.
        Assert.Equal(Wib(2, 23, 12, 0), calendar.AddWorkingTime(Wib(2, 23, 8, 0), TimeSpan.FromMinutes(240)));

        // Thursday 26 Feb 14:00 + 120 min: Thursday 14:00–15:00 (60), Friday 08:00–09:00 (60).
        Assert.Equal(Wib(2, 27, 9, 0), calendar.AddWorkingTime(Wib(2, 26, 14, 0), TimeSpan.FromMinutes(120)));
    }

    [Fact]
    public void Leaving_ramadan_over_the_idul_fitri_block_returns_to_the_regular_day()
    {
        // Tuesday 17 Mar 14:00 → Wednesday 25 Mar 09:00: Tue 14:00–15:00 (60); 18–24 Mar closed; Wed 07:30–09:00 (90).
        Assert.Equal(TimeSpan.FromMinutes(150), calendar.WorkingTimeBetween(Wib(3, 17, 14, 0), Wib(3, 25, 9, 0)));
    }

    [Fact]
    public void A_period_without_breaks_still_counts_its_hours_in_one_piece()
    {
        var plain = OfficeCalendars.Office2026();

        // The test calendar's Ramadan is 08:00–14:30 without a break: Monday 23 Feb 11:00 → 13:00 is 120 min.
        Assert.Equal(TimeSpan.FromMinutes(120), plain.WorkingTimeBetween(Wib(2, 23, 11, 0), Wib(2, 23, 13, 0)));
    }

    [Fact]
    public void A_year_counts_as_entered_when_it_has_at_least_one_holiday()
    {
        Assert.True(calendar.HasHolidaysFor(2026));
        Assert.False(calendar.HasHolidaysFor(2027));

        // From Monday 21 Dec 2026 to a due date in January 2027 (WIB): 2027 is missing. Thursday 31 Dec 09:00 WIB plus
        // 18 h is 1 Jan 2027 03:00 WIB, although still 31 Dec in UTC.
        Assert.Equal([2027], calendar.YearsWithoutHolidays(Wib(12, 21, 9, 0), Wib(12, 31, 9, 0).AddHours(18)));
        Assert.Empty(calendar.YearsWithoutHolidays(Wib(12, 21, 9, 0), Wib(12, 31, 15, 0)));
    }

    private static TimeOnly T(int hour, int minute) => new(hour, minute);

    private static DateTime Wib(int month, int day, int hour, int minute) =>
        new DateTime(2026, month, day, hour, minute, 0, DateTimeKind.Utc).AddHours(-7);
}
