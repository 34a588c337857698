using KopUkm.Dashboard.Data;

namespace KopUkm.Dashboard.Features.Calendar;

/// <summary>Regular office hours for one day of the week, in WIB. Seven rows, edited by administrators.</summary>
public sealed class WorkingDay : IVersioned
{
    public DayOfWeek DayOfWeek { get; set; }

    public bool IsWorkingDay { get; set; }

    public TimeOnly StartTime { get; set; }

    public TimeOnly EndTime { get; set; }

    public long Version { get; set; }

    public TimeSpan Duration => IsWorkingDay ? EndTime - StartTime : TimeSpan.Zero;
}
