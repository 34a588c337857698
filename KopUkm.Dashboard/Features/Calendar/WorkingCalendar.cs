namespace KopUkm.Dashboard.Features.Calendar;

/// <summary>
/// The office's working time (the SLA clock), built once from plain inputs and never changed afterwards: the weekly
/// hours with their breaks, the holiday dates and the special-hours periods. Instants going in and out are UTC; the
/// rules are applied to the WIB date and time of day.
/// </summary>
/// <remarks>
/// A day's working time is its regular hours less the break. Inside a special-hours period (such as Ramadan) a
/// regular working day uses the period's hours instead — Friday's for Fridays, the weekday ones otherwise — less the
/// period's own break for that kind of day (the regular break does not apply); the period never opens a day that is
/// closed in the regular week. A holiday closes the office whatever the
/// hours. Where periods overlap, the one that starts later wins (it is the more specific one).
/// </remarks>
public sealed class WorkingCalendar
{
    // WIB has been UTC+7 without daylight saving since 1964; a fixed offset keeps the arithmetic exact and cheap.
    private static readonly TimeSpan WibOffset = TimeSpan.FromHours(7);
    private static readonly Interval[] Closed = [];

    private readonly bool[] regularWorking = new bool[7];
    private readonly Interval[][] regularHours = new Interval[7][];
    private readonly DayPattern regularWeek;
    private readonly Segment[] specialSegments;

    // Sorted day numbers of the holidays, with running sums of the working time each would have had, so the time
    // lost to holidays in any range is two binary searches away.
    private readonly int[] holidayDays;
    private readonly long[] holidayTicksBefore;
    private readonly HashSet<int> holidayYears;

    /// <summary>Builds the calendar. The inputs are copied, so later changes to them do not affect it.</summary>
    /// <param name="week">Regular hours per day of the week (at most one row each); a missing day counts as closed.</param>
    /// <param name="holidays">Dates (WIB) on which the office is closed.</param>
    /// <param name="specialPeriods">Date ranges with their own hours; a range ending before it starts is ignored.</param>
    public WorkingCalendar(IEnumerable<WorkingDay> week, IEnumerable<DateOnly> holidays, IEnumerable<SpecialHoursPeriod> specialPeriods)
    {
        ArgumentNullException.ThrowIfNull(week);
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(specialPeriods);

        Array.Fill(regularHours, Closed);
        var seen = new HashSet<DayOfWeek>();
        foreach (var day in week)
        {
            if (!seen.Add(day.DayOfWeek))
            {
                throw new ArgumentException($"{day.DayOfWeek} appears more than once in the week.", nameof(week));
            }

            regularWorking[(int)day.DayOfWeek] = day.IsWorkingDay;
            regularHours[(int)day.DayOfWeek] = day.IsWorkingDay ? SplitAroundBreak(day.StartTime, day.EndTime, day.BreakStart, day.BreakEnd) : Closed;
        }

        regularWeek = new DayPattern(regularHours.Select(Length).ToArray());
        var workingDays = regularWorking.Count(w => w);
        StandardWorkingDay = workingDays == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(regularWeek.WeekTicks / workingDays);
        specialSegments = BuildSegments([.. specialPeriods]);

        holidayDays = [.. holidays.Select(d => d.DayNumber).Distinct().Order()];
        holidayYears = [.. holidayDays.Select(d => DateOnly.FromDayNumber(d).Year)];
        holidayTicksBefore = new long[holidayDays.Length + 1];
        for (var i = 0; i < holidayDays.Length; i++)
        {
            holidayTicksBefore[i + 1] = holidayTicksBefore[i] + Length(HoursIgnoringHolidays(holidayDays[i]));
        }
    }

    /// <summary>
    /// The length of one working day for targets set in days: the regular week's net hours divided by its number of
    /// working days (37.5 h over five days = 7.5 h). Holidays and special periods do not change it.
    /// </summary>
    public TimeSpan StandardWorkingDay { get; }

    /// <summary>
    /// Whether a year's holidays were entered: at least one holiday (national holiday or collective leave) falls in
    /// it. Every year has national holidays, so a year without any was never entered, and the clock would count its
    /// holidays as working days (docs/sla.md, "Years without holidays").
    /// </summary>
    public bool HasHolidaysFor(int year) => holidayYears.Contains(year);

    /// <summary>
    /// The years, in order, from the WIB year of <paramref name="fromUtc"/> to that of <paramref name="toUtc"/>,
    /// whose holidays were never entered: a due date computed across them may be too early.
    /// </summary>
    public IReadOnlyList<int> YearsWithoutHolidays(DateTime fromUtc, DateTime toUtc)
    {
        var first = ToWib(fromUtc, nameof(fromUtc)).Year;
        var last = ToWib(toUtc, nameof(toUtc)).Year;
        return [.. Enumerable.Range(first, Math.Max(0, last - first + 1)).Where(y => !HasHolidaysFor(y))];
    }

    /// <summary>Whether the office is open on a WIB date: a working day of the regular week and not a holiday.</summary>
    public bool IsWorkingDay(DateOnly wibDate) =>
        regularWorking[(int)wibDate.DayOfWeek] && Array.BinarySearch(holidayDays, wibDate.DayNumber) < 0;

    /// <summary>
    /// The working intervals of a WIB date, in order: the regular hours split around the break, a special period's
    /// hours split around its break (one interval when it has none), or none on a closed day or holiday.
    /// </summary>
    public IReadOnlyList<(TimeOnly Start, TimeOnly End)> WorkingIntervals(DateOnly wibDate) =>
        [.. HoursOf(wibDate.DayNumber).Select(i => (TimeOnly.FromTimeSpan(i.Start), TimeOnly.FromTimeSpan(i.End)))];

    /// <summary>Working time that elapses between two instants; zero when <paramref name="toUtc"/> is not later.</summary>
    /// <exception cref="ArgumentException">An instant is in local time rather than UTC.</exception>
    public TimeSpan WorkingTimeBetween(DateTime fromUtc, DateTime toUtc)
    {
        var from = ToWib(fromUtc, nameof(fromUtc));
        var to = ToWib(toUtc, nameof(toUtc));
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        var fromDay = DateOnly.FromDateTime(from).DayNumber;
        var toDay = DateOnly.FromDateTime(to).DayNumber;
        if (fromDay == toDay)
        {
            return TimeSpan.FromTicks(Overlap(HoursOf(fromDay), from.TimeOfDay, to.TimeOfDay));
        }

        return TimeSpan.FromTicks(
            Overlap(HoursOf(fromDay), from.TimeOfDay, TimeSpan.FromDays(1))
            + WholeDays(fromDay + 1, toDay)
            + Overlap(HoursOf(toDay), TimeSpan.Zero, to.TimeOfDay));
    }

    /// <summary>
    /// The earliest instant (UTC) by which <paramref name="workingTime"/> of working time has elapsed since
    /// <paramref name="fromUtc"/>. Outside office hours the count starts at the next working interval; a result that
    /// falls on the end of an interval is that end, not the start of the next one. Zero returns the start.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workingTime"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">The calendar has too little working time left to reach it.</exception>
    public DateTime AddWorkingTime(DateTime fromUtc, TimeSpan workingTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingTime, TimeSpan.Zero);
        var from = ToWib(fromUtc, nameof(fromUtc));
        if (workingTime == TimeSpan.Zero)
        {
            return ToUtc(from);
        }

        var day = DateOnly.FromDateTime(from).DayNumber;
        var remaining = workingTime.Ticks;
        if (Reach(HoursOf(day), from.TimeOfDay, ref remaining) is { } sameDay)
        {
            return ToUtc(day, sameDay);
        }

        // Find the day on which the rest runs out without walking every day: gallop to a range of whole days that
        // holds enough working time, then halve it down to the first day that does.
        var first = day + 1;
        var limit = DateOnly.MaxValue.DayNumber + 1 - first;
        if (limit < 1)
        {
            throw new InvalidOperationException("The calendar has too little working time left to add this much.");
        }

        int tooFew = 0, enough = 1;
        while (WholeDays(first, first + enough) < remaining)
        {
            if (enough == limit)
            {
                throw new InvalidOperationException("The calendar has too little working time left to add this much.");
            }

            tooFew = enough;
            enough = (int)Math.Min((long)enough * 2, limit);
        }

        while (enough - tooFew > 1)
        {
            var middle = tooFew + ((enough - tooFew) / 2);
            if (WholeDays(first, first + middle) < remaining)
            {
                tooFew = middle;
            }
            else
            {
                enough = middle;
            }
        }

        var lastDay = first + enough - 1;
        remaining -= WholeDays(first, lastDay);
        return Reach(HoursOf(lastDay), TimeSpan.Zero, ref remaining) is { } timeOfDay
            ? ToUtc(lastDay, timeOfDay)
            : throw new InvalidOperationException("Whole-day sums and day intervals disagree.");
    }

    /// <summary>
    /// <see cref="AddWorkingTime"/> for a target in working days: <paramref name="days"/> × <see cref="StandardWorkingDay"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">The regular week has no working time, so a day has no length.</exception>
    public DateTime AddWorkingDays(DateTime fromUtc, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        if (days > 0 && StandardWorkingDay == TimeSpan.Zero)
        {
            throw new InvalidOperationException("The regular week has no working time, so a working day has no length.");
        }

        return AddWorkingTime(fromUtc, TimeSpan.FromTicks(checked(StandardWorkingDay.Ticks * days)));
    }

    private static DateTime ToWib(DateTime utc, string parameter)
    {
        // Unspecified is read as UTC, as WibTime does, because that is how SQLite hands stored instants back.
        if (utc.Kind == DateTimeKind.Local)
        {
            throw new ArgumentException("Instants must be in UTC.", parameter);
        }

        return new DateTime(utc.Ticks, DateTimeKind.Unspecified) + WibOffset;
    }

    private static DateTime ToUtc(DateTime wib) => DateTime.SpecifyKind(wib - WibOffset, DateTimeKind.Utc);

    private static DateTime ToUtc(int dayNumber, TimeSpan timeOfDay) =>
        ToUtc(DateOnly.FromDayNumber(dayNumber).ToDateTime(TimeOnly.MinValue) + timeOfDay);

    private static Interval[] SplitAroundBreak(TimeOnly startTime, TimeOnly endTime, TimeOnly? breakStartTime, TimeOnly? breakEndTime)
    {
        var start = startTime.ToTimeSpan();
        var end = endTime.ToTimeSpan();
        if (breakStartTime is not { } breakStart || breakEndTime is not { } breakEnd || breakEnd <= breakStart)
        {
            return Hours(start, end);
        }

        // A break reaching past the hours is clipped to them rather than rejected; the editor already refuses it.
        return [.. Hours(start, Min(breakStart.ToTimeSpan(), end)), .. Hours(Max(breakEnd.ToTimeSpan(), start), end)];
    }

    private static Interval[] Hours(TimeSpan start, TimeSpan end) => end > start ? [new Interval(start, end)] : Closed;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static long Length(Interval[] hours) => hours.Sum(i => (i.End - i.Start).Ticks);

    private static long Overlap(Interval[] hours, TimeSpan from, TimeSpan to)
    {
        long ticks = 0;
        foreach (var interval in hours)
        {
            var start = Max(interval.Start, from);
            var end = Min(interval.End, to);
            if (end > start)
            {
                ticks += (end - start).Ticks;
            }
        }

        return ticks;
    }

    /// <summary>Spends <paramref name="remaining"/> on the hours after <paramref name="from"/>; the time of day it runs out, if it does.</summary>
    private static TimeSpan? Reach(Interval[] hours, TimeSpan from, ref long remaining)
    {
        foreach (var interval in hours)
        {
            if (interval.End <= from)
            {
                continue;
            }

            var start = Max(interval.Start, from);
            var available = (interval.End - start).Ticks;
            if (remaining <= available)
            {
                return start + TimeSpan.FromTicks(remaining);
            }

            remaining -= available;
        }

        return null;
    }

    /// <summary>Cuts possibly overlapping periods into disjoint, ordered segments, the later-starting period winning.</summary>
    private Segment[] BuildSegments(IReadOnlyList<SpecialHoursPeriod> periods)
    {
        var valid = periods
            .Select((p, order) => (Start: p.StartDate.DayNumber, End: p.EndDate.DayNumber + 1, Order: order, Period: p))
            .Where(p => p.End > p.Start)
            .ToList();
        var bounds = valid.SelectMany(p => new[] { p.Start, p.End }).Distinct().Order().ToList();
        var segments = new List<Segment>();
        for (var i = 0; i + 1 < bounds.Count; i++)
        {
            var (from, to) = (bounds[i], bounds[i + 1]);
            var winner = valid
                .Where(p => p.Start <= from && to <= p.End)
                .OrderByDescending(p => p.Start).ThenByDescending(p => p.Order)
                .Select(p => p.Period)
                .FirstOrDefault();
            if (winner is null)
            {
                continue;
            }

            if (segments.Count > 0 && segments[^1].Period == winner && segments[^1].End == from)
            {
                segments[^1] = segments[^1] with { End = to };
            }
            else
            {
                segments.Add(NewSegment(winner, from, to));
            }
        }

        return [.. segments];
    }

    private Segment NewSegment(SpecialHoursPeriod period, int start, int end)
    {
        var weekday = SplitAroundBreak(period.WeekdayStart, period.WeekdayEnd, period.WeekdayBreakStart, period.WeekdayBreakEnd);
        var friday = SplitAroundBreak(period.FridayStart, period.FridayEnd, period.FridayBreakStart, period.FridayBreakEnd);
        var hours = new Interval[7][];
        for (var d = 0; d < 7; d++)
        {
            hours[d] = !regularWorking[d] ? Closed : d == (int)DayOfWeek.Friday ? friday : weekday;
        }

        return new Segment(period, start, end, hours, new DayPattern(hours.Select(Length).ToArray()));
    }

    private Interval[] HoursOf(int dayNumber) =>
        Array.BinarySearch(holidayDays, dayNumber) >= 0 ? Closed : HoursIgnoringHolidays(dayNumber);

    private Interval[] HoursIgnoringHolidays(int dayNumber)
    {
        var dayOfWeek = (int)DateOnly.FromDayNumber(dayNumber).DayOfWeek;
        foreach (var segment in specialSegments)
        {
            if (segment.Start <= dayNumber && dayNumber < segment.End)
            {
                return segment.Hours[dayOfWeek];
            }
        }

        return regularHours[dayOfWeek];
    }

    /// <summary>Working ticks of the whole days from <paramref name="firstDay"/> up to, not including, <paramref name="endDay"/>.</summary>
    private long WholeDays(int firstDay, int endDay)
    {
        if (endDay <= firstDay)
        {
            return 0;
        }

        var ticks = regularWeek.Sum(firstDay, endDay);
        foreach (var segment in specialSegments)
        {
            var from = Math.Max(firstDay, segment.Start);
            var to = Math.Min(endDay, segment.End);
            if (to > from)
            {
                ticks += segment.Pattern.Sum(from, to) - regularWeek.Sum(from, to);
            }
        }

        return ticks - (holidayTicksBefore[LowerBound(endDay)] - holidayTicksBefore[LowerBound(firstDay)]);
    }

    private int LowerBound(int dayNumber)
    {
        var index = Array.BinarySearch(holidayDays, dayNumber);
        return index >= 0 ? index : ~index;
    }

    private readonly record struct Interval(TimeSpan Start, TimeSpan End);

    private sealed record Segment(SpecialHoursPeriod Period, int Start, int End, Interval[][] Hours, DayPattern Pattern);

    /// <summary>Working ticks per day of the week, summed over a range of days in whole weeks plus the rest.</summary>
    private sealed class DayPattern(long[] ticksByDayOfWeek)
    {
        public long WeekTicks { get; } = ticksByDayOfWeek.Sum();

        public long Sum(int firstDay, int endDay)
        {
            var days = endDay - firstDay;
            var ticks = days / 7 * WeekTicks;
            for (var day = firstDay + (days / 7 * 7); day < endDay; day++)
            {
                ticks += ticksByDayOfWeek[(int)DateOnly.FromDayNumber(day).DayOfWeek];
            }

            return ticks;
        }
    }
}
