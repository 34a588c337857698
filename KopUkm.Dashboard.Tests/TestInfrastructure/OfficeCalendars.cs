using System.Globalization;
using KopUkm.Dashboard.Features.Calendar;

namespace KopUkm.Dashboard.Tests.TestInfrastructure;

/// <summary>The office's 2026 working calendar as plain inputs, for the pure clock tests.</summary>
public static class OfficeCalendars
{
    /// <summary>The 2026 list from the joint decree (shared/domain/holidays-2026.csv), incl. the 18–24 March block.</summary>
    public static IReadOnlyList<DateOnly> Holidays2026 { get; } =
    [
        .. new[]
        {
            "2026-01-01", "2026-01-16", "2026-02-16", "2026-02-17", "2026-03-18", "2026-03-19", "2026-03-20", "2026-03-21",
            "2026-03-22", "2026-03-23", "2026-03-24", "2026-04-03", "2026-04-05", "2026-05-01", "2026-05-14", "2026-05-15",
            "2026-05-27", "2026-05-28", "2026-05-31", "2026-06-01", "2026-06-16", "2026-08-17", "2026-08-25", "2026-12-24",
            "2026-12-25",
        }.Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture)),
    ];

    /// <summary>
    /// The office defaults: Mon–Thu 07:30–16:00 with a break 12:00–13:00 (7.5 h), Fri 07:30–16:30 with a break
    /// 11:30–13:00 (7.5 h), weekends off; the 2026 holidays; Ramadan 2026-02-19..2026-03-19 at 08:00–14:30 (6.5 h).
    /// </summary>
    public static WorkingCalendar Office2026(params SpecialHoursPeriod[] extraPeriods)
    {
        var ramadan = new SpecialHoursPeriod
        {
            Name = "Ramadan 1447 H",
            StartDate = new DateOnly(2026, 2, 19),
            EndDate = new DateOnly(2026, 3, 19),
            WeekdayStart = T(8, 0),
            WeekdayEnd = T(14, 30),
            FridayStart = T(8, 0),
            FridayEnd = T(14, 30),
        };
        return new WorkingCalendar(Week(), Holidays2026, [ramadan, .. extraPeriods]);
    }

    public static IEnumerable<WorkingDay> Week() => Enum.GetValues<DayOfWeek>().Select(day => day switch
    {
        DayOfWeek.Saturday or DayOfWeek.Sunday => new WorkingDay { DayOfWeek = day },
        DayOfWeek.Friday => new WorkingDay { DayOfWeek = day, IsWorkingDay = true, StartTime = T(7, 30), EndTime = T(16, 30), BreakStart = T(11, 30), BreakEnd = T(13, 0) },
        _ => new WorkingDay { DayOfWeek = day, IsWorkingDay = true, StartTime = T(7, 30), EndTime = T(16, 0), BreakStart = T(12, 0), BreakEnd = T(13, 0) },
    });

    private static TimeOnly T(int hour, int minute) => new(hour, minute);
}
