using KopUkm.Dashboard.Data;

namespace KopUkm.Dashboard.Features.Calendar;

/// <summary>
/// A date range with shorter office hours, such as Ramadan (32.5 hours a week from 08:00). Inside the range these
/// hours replace the regular ones on working days; holidays still close the office. Each kind of day may have a
/// break that does not count as working time, as the official Ramadan timetable has (Monday–Thursday 08:00–15:00
/// with a break 12:00–12:30, Friday 08:00–15:30 with a break 11:30–12:30).
/// </summary>
public sealed class SpecialHoursPeriod : IVersioned
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly EndDate { get; set; }

    public TimeOnly WeekdayStart { get; set; }

    public TimeOnly WeekdayEnd { get; set; }

    public TimeOnly FridayStart { get; set; }

    public TimeOnly FridayEnd { get; set; }

    /// <summary>The Monday–Thursday break inside the period's hours; none when null.</summary>
    public TimeOnly? WeekdayBreakStart { get; set; }

    public TimeOnly? WeekdayBreakEnd { get; set; }

    /// <summary>The Friday break (longer, for Friday prayers); none when null.</summary>
    public TimeOnly? FridayBreakStart { get; set; }

    public TimeOnly? FridayBreakEnd { get; set; }

    public long Version { get; set; }
}
