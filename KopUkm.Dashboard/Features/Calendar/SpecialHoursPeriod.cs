using KopUkm.Dashboard.Data;

namespace KopUkm.Dashboard.Features.Calendar;

/// <summary>
/// A date range with shorter office hours, such as Ramadan (32.5 hours a week from 08:00). Inside the range these
/// hours replace the regular ones on working days; holidays still close the office.
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

    public long Version { get; set; }
}
