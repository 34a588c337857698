using System.Globalization;
using KopUkm.Dashboard.Features.Calendar;
using KopUkm.Dashboard.Tests.TestInfrastructure;

namespace KopUkm.Dashboard.Tests.Features.Calendar;

public sealed class WorkingCalendarTests
{
    private static readonly TimeSpan Hours7_5 = TimeSpan.FromHours(7.5);

    private readonly WorkingCalendar calendar = OfficeCalendars.Office2026();

    [Fact]
    public void A_span_inside_one_morning_counts_in_full()
    {
        // Monday 08:00 → 10:15 WIB, all inside 07:30–12:00.
        Assert.Equal(new TimeSpan(2, 15, 0), calendar.WorkingTimeBetween(Wib(11, 23, 8, 0), Wib(11, 23, 10, 15)));
    }

    [Fact]
    public void The_lunch_break_does_not_count()
    {
        // Monday 11:00 → 14:00 WIB: 11:00–12:00 (1 h) + 13:00–14:00 (1 h); the break 12:00–13:00 is skipped.
        Assert.Equal(TimeSpan.FromHours(2), calendar.WorkingTimeBetween(Wib(11, 23, 11, 0), Wib(11, 23, 14, 0)));
        Assert.Equal(TimeSpan.Zero, calendar.WorkingTimeBetween(Wib(11, 23, 12, 0), Wib(11, 23, 13, 0)));
    }

    [Fact]
    public void The_night_does_not_count()
    {
        // Monday 16:00 (closing) → Tuesday 08:30 WIB: only Tuesday 07:30–08:30 = 1 h.
        Assert.Equal(TimeSpan.FromHours(1), calendar.WorkingTimeBetween(Wib(11, 23, 16, 0), Wib(11, 24, 8, 30)));
    }

    [Fact]
    public void Friday_closes_later_and_breaks_longer()
    {
        // Friday 11:00 → 16:30 WIB: 11:00–11:30 (0.5 h) + 13:00–16:30 (3.5 h) = 4 h.
        Assert.Equal(TimeSpan.FromHours(4), calendar.WorkingTimeBetween(Wib(11, 27, 11, 0), Wib(11, 27, 16, 30)));
        // 11:30–13:00 is all break on Friday; on Thursday the break starts at 12:00, so 30 min count.
        Assert.Equal(TimeSpan.Zero, calendar.WorkingTimeBetween(Wib(11, 27, 11, 30), Wib(11, 27, 13, 0)));
        Assert.Equal(TimeSpan.FromMinutes(30), calendar.WorkingTimeBetween(Wib(11, 26, 11, 30), Wib(11, 26, 13, 0)));
        // 16:00–16:30 counts on Friday, not on Thursday.
        Assert.Equal(TimeSpan.FromMinutes(30), calendar.WorkingTimeBetween(Wib(11, 27, 16, 0), Wib(11, 27, 17, 0)));
        Assert.Equal(TimeSpan.Zero, calendar.WorkingTimeBetween(Wib(11, 26, 16, 0), Wib(11, 26, 17, 0)));
        Assert.Equal(new[] { (T(7, 30), T(11, 30)), (T(13, 0), T(16, 30)) }, calendar.WorkingIntervals(new DateOnly(2026, 11, 27)));
    }

    [Fact]
    public void A_weekend_does_not_count()
    {
        // Friday 15:00 → Monday 09:00 WIB: Friday 15:00–16:30 (1.5 h) + Monday 07:30–09:00 (1.5 h) = 3 h.
        Assert.Equal(TimeSpan.FromHours(3), calendar.WorkingTimeBetween(Wib(11, 27, 15, 0), Wib(11, 30, 9, 0)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 11, 28)));
        Assert.Empty(calendar.WorkingIntervals(new DateOnly(2026, 11, 29)));
    }

    [Fact]
    public void The_idul_fitri_block_with_its_collective_leave_does_not_count()
    {
        // Tuesday 17 March 13:00 → Wednesday 25 March 09:00 WIB. 17 March is still Ramadan: 13:00–14:30 = 1.5 h.
        // 18–24 March are Nyepi, Idul Fitri and cuti bersama (21–22 a weekend as well): 0 h.
        // 25 March is after Ramadan, regular hours: 07:30–09:00 = 1.5 h. Total 3 h.
        Assert.Equal(TimeSpan.FromHours(3), calendar.WorkingTimeBetween(Wib(3, 17, 13, 0), Wib(3, 25, 9, 0)));
        for (var day = 18; day <= 24; day++)
        {
            Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 3, day)));
            Assert.Empty(calendar.WorkingIntervals(new DateOnly(2026, 3, day)));
        }

        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 3, 25)));
    }

    [Fact]
    public void Ramadan_hours_replace_the_regular_ones_without_a_break()
    {
        Assert.Equal(new[] { (T(8, 0), T(14, 30)) }, calendar.WorkingIntervals(new DateOnly(2026, 2, 23)));
        Assert.Equal(new[] { (T(8, 0), T(14, 30)) }, calendar.WorkingIntervals(new DateOnly(2026, 2, 20)));
        // The day before Ramadan still has regular hours.
        Assert.Equal(new[] { (T(7, 30), T(12, 0)), (T(13, 0), T(16, 0)) }, calendar.WorkingIntervals(new DateOnly(2026, 2, 18)));
        // A Ramadan week, Monday 23 Feb 00:00 → Monday 2 Mar 00:00 WIB: 5 × 6.5 h = 32.5 h.
        Assert.Equal(TimeSpan.FromHours(32.5), calendar.WorkingTimeBetween(Wib(2, 23, 0, 0), Wib(3, 2, 0, 0)));
        // Thursday 19 Feb, the first day, 07:30 → 12:30 WIB: 08:00–12:30 = 4.5 h (no break, no 07:30 start).
        Assert.Equal(TimeSpan.FromHours(4.5), calendar.WorkingTimeBetween(Wib(2, 19, 7, 30), Wib(2, 19, 12, 30)));
    }

    [Fact]
    public void Utc_midnight_is_seven_in_the_morning_and_17_utc_is_the_next_wib_day()
    {
        // 2026-11-24T00:00Z = Tuesday 07:00 WIB; 05:00Z = 12:00 WIB. Counted: 07:30–12:00 = 4.5 h.
        var utcMidnight = new DateTime(2026, 11, 24, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(TimeSpan.FromHours(4.5), calendar.WorkingTimeBetween(utcMidnight, utcMidnight.AddHours(5)));

        // 2026-11-23T17:00Z = Tuesday 00:00 WIB; a day later is Wednesday 00:00 WIB: all of Tuesday, 7.5 h.
        var wibMidnight = new DateTime(2026, 11, 23, 17, 0, 0, DateTimeKind.Utc);
        Assert.Equal(Hours7_5, calendar.WorkingTimeBetween(wibMidnight, wibMidnight.AddDays(1)));
        // Monday 23:00 → Tuesday 00:00 WIB: nothing, and Tuesday's hours are not pulled into Monday.
        Assert.Equal(TimeSpan.Zero, calendar.WorkingTimeBetween(wibMidnight.AddHours(-1), wibMidnight));
        // Friday 2026-11-27T17:00Z is Saturday 00:00 WIB: nothing until Monday 07:30 WIB.
        Assert.Equal(Wib(11, 30, 8, 30), calendar.AddWorkingTime(new DateTime(2026, 11, 27, 17, 0, 0, DateTimeKind.Utc), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void A_span_that_ends_before_it_starts_is_zero()
    {
        Assert.Equal(TimeSpan.Zero, calendar.WorkingTimeBetween(Wib(11, 23, 10, 0), Wib(11, 23, 9, 0)));
    }

    [Fact]
    public void Adding_working_time_that_fills_an_interval_ends_at_the_interval_end()
    {
        // Monday 08:00 + 4 h: 08:00–12:00 exactly, so 12:00 WIB — not 13:00 after the break.
        Assert.Equal(Wib(11, 23, 12, 0), calendar.AddWorkingTime(Wib(11, 23, 8, 0), TimeSpan.FromHours(4)));
        // Monday 08:00 + 7 h: 4 h to 12:00, 3 h from 13:00 to 16:00 — closing time, not Tuesday 07:30.
        Assert.Equal(Wib(11, 23, 16, 0), calendar.AddWorkingTime(Wib(11, 23, 8, 0), TimeSpan.FromHours(7)));
        // Adding nothing returns the start, even outside hours.
        Assert.Equal(Wib(11, 23, 22, 0), calendar.AddWorkingTime(Wib(11, 23, 22, 0), TimeSpan.Zero));
    }

    [Fact]
    public void Adding_working_time_outside_hours_starts_counting_at_the_next_opening()
    {
        // Thursday 24 Dec 10:00 WIB is cuti bersama, 25 Dec Christmas, 26–27 a weekend: 1 h runs Monday 07:30–08:30.
        Assert.Equal(Wib(12, 28, 8, 30), calendar.AddWorkingTime(Wib(12, 24, 10, 0), TimeSpan.FromHours(1)));
        // Monday 22:00 WIB + 30 min: Tuesday 07:30–08:00.
        Assert.Equal(Wib(11, 24, 8, 0), calendar.AddWorkingTime(Wib(11, 23, 22, 0), TimeSpan.FromMinutes(30)));
        // Monday 12:30 (in the break) + 1 h: 13:00–14:00.
        Assert.Equal(Wib(11, 23, 14, 0), calendar.AddWorkingTime(Wib(11, 23, 12, 30), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Five_working_days_from_a_friday_afternoon_end_the_next_friday_afternoon()
    {
        // 5 × 7.5 h = 37.5 h from Friday 27 Nov 14:00 WIB: Friday 14:00–16:30 2.5 h (35 h left); Mon–Thu 4 × 7.5 h
        // (5 h left); Friday 4 Dec 07:30–11:30 4 h (1 h left); 13:00 + 1 h = 14:00 WIB = 07:00 UTC.
        var due = calendar.AddWorkingDays(Wib(11, 27, 14, 0), 5);

        Assert.Equal(new DateTime(2026, 12, 4, 7, 0, 0, DateTimeKind.Utc), due);
        Assert.Equal(DateTimeKind.Utc, due.Kind);
    }

    [Fact]
    public void A_standard_working_day_is_the_regular_week_over_its_working_days()
    {
        // 4 × 7.5 h + 7.5 h = 37.5 h over 5 days; Ramadan does not shorten it.
        Assert.Equal(Hours7_5, calendar.StandardWorkingDay);
    }

    [Fact]
    public void A_whole_year_adds_up_to_the_sum_of_its_days()
    {
        // 2026: 261 weekdays less 21 holidays on weekdays = 240 working days; 19 of them in Ramadan at 6.5 h
        // (21 weekdays 19 Feb–19 Mar less Nyepi 18–19 Mar), 221 at 7.5 h. 221 × 7.5 + 19 × 6.5 = 1781 h.
        var year = calendar.WorkingTimeBetween(Wib(1, 1, 0, 0), new DateTime(2026, 12, 31, 17, 0, 0, DateTimeKind.Utc));

        Assert.Equal(TimeSpan.FromHours(1781), year);
        Assert.Equal(year, SumOfDays(new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void Long_spans_agree_with_a_day_by_day_count()
    {
        // Ten years from mid-2025 crosses the 2026 holidays and Ramadan and then the plain regular week.
        var from = new DateOnly(2025, 6, 15);
        var to = new DateOnly(2035, 6, 15);
        var expected = SumOfDays(from, to);

        // Adding all of it ends when the last working day before the end closes.
        var lastDay = to.AddDays(-1);
        while (calendar.WorkingIntervals(lastDay).Count == 0)
        {
            lastDay = lastDay.AddDays(-1);
        }

        var closing = Midnight(lastDay) + calendar.WorkingIntervals(lastDay)[^1].End.ToTimeSpan();

        Assert.Equal(expected, calendar.WorkingTimeBetween(Midnight(from), Midnight(to)));
        Assert.Equal(closing, calendar.AddWorkingTime(Midnight(from), expected));
    }

    [Fact]
    public void An_overlapping_later_period_wins_on_its_days()
    {
        var lastWeek = new SpecialHoursPeriod
        {
            Name = "Last week of Ramadan",
            StartDate = new DateOnly(2026, 3, 9),
            EndDate = new DateOnly(2026, 3, 13),
            WeekdayStart = T(9, 0),
            WeekdayEnd = T(14, 0),
            FridayStart = T(9, 0),
            FridayEnd = T(11, 0),
        };
        var withOverlap = OfficeCalendars.Office2026(lastWeek);

        Assert.Equal(new[] { (T(8, 0), T(14, 30)) }, withOverlap.WorkingIntervals(new DateOnly(2026, 3, 6)));
        Assert.Equal(new[] { (T(9, 0), T(14, 0)) }, withOverlap.WorkingIntervals(new DateOnly(2026, 3, 9)));
        Assert.Equal(new[] { (T(9, 0), T(11, 0)) }, withOverlap.WorkingIntervals(new DateOnly(2026, 3, 13)));
        Assert.Equal(new[] { (T(8, 0), T(14, 30)) }, withOverlap.WorkingIntervals(new DateOnly(2026, 3, 16)));
        // Mon 9 – Fri 13 March: 4 × 5 h + 2 h = 22 h.
        Assert.Equal(TimeSpan.FromHours(22), withOverlap.WorkingTimeBetween(Wib(3, 9, 0, 0), Wib(3, 14, 0, 0)));
    }

    [Fact]
    public void Local_times_are_refused()
    {
        Assert.Throws<ArgumentException>(() => calendar.WorkingTimeBetween(new DateTime(2026, 11, 23, 8, 0, 0, DateTimeKind.Local), Wib(11, 24, 8, 0)));
    }

    [Fact]
    public void Working_time_is_never_negative_and_never_decreases_as_the_end_moves_later()
    {
        var random = new Random(2026);
        for (var i = 0; i < 500; i++)
        {
            var (a, b) = Ordered(RandomInstant(random), RandomInstant(random));
            var later = b.AddMinutes(random.Next(0, 5 * 24 * 60));

            var toB = calendar.WorkingTimeBetween(a, b);
            Assert.True(toB >= TimeSpan.Zero, $"{a:o} → {b:o}");
            Assert.True(calendar.WorkingTimeBetween(a, later) >= toB, $"{a:o} → {b:o} → {later:o}");
        }
    }

    [Fact]
    public void Working_time_adds_up_over_consecutive_spans()
    {
        var random = new Random(1447);
        for (var i = 0; i < 500; i++)
        {
            var sorted = new[] { RandomInstant(random), RandomInstant(random), RandomInstant(random) }.Order().ToArray();
            var (a, b, c) = (sorted[0], sorted[1], sorted[2]);

            Assert.Equal(calendar.WorkingTimeBetween(a, c), calendar.WorkingTimeBetween(a, b) + calendar.WorkingTimeBetween(b, c));
        }
    }

    [Fact]
    public void Adding_working_time_lands_on_the_earliest_instant_that_much_later()
    {
        var random = new Random(1948);
        for (var i = 0; i < 500; i++)
        {
            var from = RandomInstant(random);
            var amount = TimeSpan.FromMinutes(random.Next(1, 200 * 60));

            var due = calendar.AddWorkingTime(from, amount);

            Assert.Equal(amount, calendar.WorkingTimeBetween(from, due));
            Assert.True(calendar.WorkingTimeBetween(from, due.AddTicks(-1)) < amount, $"{from:o} + {amount} = {due:o}");
        }
    }

    /// <summary>An instant (UTC) from a WIB wall-clock time in 2026.</summary>
    private static DateTime Wib(int month, int day, int hour, int minute) =>
        new DateTime(2026, month, day, hour, minute, 0, DateTimeKind.Utc).AddHours(-7);

    private static DateTime Midnight(DateOnly wibDate) =>
        DateTime.SpecifyKind(wibDate.ToDateTime(TimeOnly.MinValue).AddHours(-7), DateTimeKind.Utc);

    private static TimeOnly T(int hour, int minute) => new(hour, minute);

    private TimeSpan SumOfDays(DateOnly from, DateOnly to)
    {
        var total = TimeSpan.Zero;
        for (var day = from; day < to; day = day.AddDays(1))
        {
            total += calendar.WorkingIntervals(day).Aggregate(TimeSpan.Zero, (sum, i) => sum + (i.End - i.Start));
        }

        return total;
    }

    /// <summary>A pseudo-random instant in 2026 (WIB), half on whole minutes and half to the tick, to hit edges and gaps.</summary>
    private static DateTime RandomInstant(Random random)
    {
        var start = Wib(1, 1, 0, 0);
        var yearTicks = TimeSpan.FromDays(365).Ticks;
        return random.Next(2) == 0
            ? start.AddMinutes(random.NextInt64(yearTicks / TimeSpan.TicksPerMinute))
            : start.AddTicks(random.NextInt64(yearTicks));
    }

    private static (DateTime, DateTime) Ordered(DateTime x, DateTime y) => x <= y ? (x, y) : (y, x);
}
