using KopUkm.Dashboard.Features.Calendar;
using KopUkm.Dashboard.Localization;
using Microsoft.Extensions.Localization;

namespace KopUkm.Dashboard.Features.Dashboard.Pages.Home;

/// <summary>
/// A due moment on a home page as the rest of the app says it: working time past or left on the office calendar, in
/// the one unit of <see cref="WorkingTimeText"/>, and the state the item card shows.
/// </summary>
public static class WorkDue
{
    /// <summary>"lewat 1,4 hari kerja" / "sisa 3 jam kerja".</summary>
    public static string Text(IStringLocalizer L, WorkingCalendar? calendar, DateTime dueAtUtc, DateTime nowUtc)
    {
        if (calendar is null)
        {
            return WorkingTimeText.LeftOrLate(L, dueAtUtc - nowUtc);
        }

        var left = dueAtUtc <= nowUtc ? -calendar.WorkingTimeBetween(dueAtUtc, nowUtc) : calendar.WorkingTimeBetween(nowUtc, dueAtUtc);

        // Past due outside working hours still reads as late.
        return WorkingTimeText.LeftOrLate(L, dueAtUtc <= nowUtc && left == TimeSpan.Zero ? TimeSpan.FromTicks(-1) : left, calendar.StandardWorkingDay);
    }

    /// <summary>"breached" when past, "atrisk" within one working day, otherwise "due".</summary>
    public static string State(WorkingCalendar? calendar, DateTime dueAtUtc, DateTime nowUtc) =>
        dueAtUtc <= nowUtc ? "breached"
        : (calendar?.WorkingTimeBetween(nowUtc, dueAtUtc) ?? dueAtUtc - nowUtc) < (calendar?.StandardWorkingDay ?? WorkingTimeText.DefaultStandardDay) ? "atrisk"
        : "due";
}
