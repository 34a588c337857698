using KopUkm.Dashboard.Features.Calendar;

namespace KopUkm.Dashboard.Features.Tickets.Sla;

/// <summary>A service's SLA targets, in working time on the office calendar.</summary>
/// <param name="FirstResponse">Working time allowed until the first reply to the applicant.</param>
/// <param name="Resolution">Working time allowed until the ticket is resolved, pauses excluded.</param>
public sealed record SlaTargets(TimeSpan FirstResponse, TimeSpan Resolution)
{
    /// <summary>
    /// Targets set in working days, as the service catalogue holds them: each day is the calendar's
    /// <see cref="WorkingCalendar.StandardWorkingDay"/> (7.5 h in the default week), so a day stays the same length
    /// whether it falls in Ramadan or not.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A number of days is negative.</exception>
    public static SlaTargets FromWorkingDays(int firstResponseDays, int resolutionDays, WorkingCalendar calendar)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstResponseDays);
        ArgumentOutOfRangeException.ThrowIfNegative(resolutionDays);
        ArgumentNullException.ThrowIfNull(calendar);
        return new SlaTargets(calendar.StandardWorkingDay * firstResponseDays, calendar.StandardWorkingDay * resolutionDays);
    }
}
