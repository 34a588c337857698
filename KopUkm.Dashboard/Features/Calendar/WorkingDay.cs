using KopUkm.Dashboard.Data;

namespace KopUkm.Dashboard.Features.Calendar;

/// <summary>
/// Regular office hours for one day of the week, in WIB. Seven rows, edited by administrators. The default week is
/// Perpres 21/2023's 37.5 hours: 07:30–16:00 Monday–Thursday and 07:30–16:30 Friday, less the midday break.
/// </summary>
public sealed class WorkingDay : IVersioned
{
    public DayOfWeek DayOfWeek { get; set; }

    public bool IsWorkingDay { get; set; }

    public TimeOnly StartTime { get; set; }

    public TimeOnly EndTime { get; set; }

    /// <summary>The midday break (Friday's is longer for Friday prayers). It does not count as working time.</summary>
    public TimeOnly? BreakStart { get; set; }

    public TimeOnly? BreakEnd { get; set; }

    public long Version { get; set; }

    /// <summary>Net working time: office hours less the break.</summary>
    public TimeSpan Duration => IsWorkingDay ? EndTime - StartTime - BreakLength : TimeSpan.Zero;

    private TimeSpan BreakLength => BreakStart is { } start && BreakEnd is { } end && end > start ? end - start : TimeSpan.Zero;
}
