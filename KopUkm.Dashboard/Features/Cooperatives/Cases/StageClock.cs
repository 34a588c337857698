using KopUkm.Dashboard.Features.Calendar;

namespace KopUkm.Dashboard.Features.Cooperatives.Cases;

/// <summary>
/// Computes when a case's current stage is due, from its stage history on the working calendar. Time already spent
/// in the same stage on an earlier visit counts, so returning a case for revision pauses its clock rather than
/// resetting it.
/// </summary>
public static class StageClock
{
    /// <param name="visits">Every entry into a stage, oldest first: (stage, entered at UTC).</param>
    /// <param name="targetWorkingDays">The current stage's target, or null when it has none.</param>
    public static DateTime? DueAt(IReadOnlyList<(CaseStage Stage, DateTime EnteredAtUtc)> visits, int? targetWorkingDays, WorkingCalendar calendar)
    {
        if (visits.Count == 0 || targetWorkingDays is null)
        {
            return null;
        }

        var (current, enteredAt) = visits[^1];
        if (CaseWorkflow.IsClosed(current) || CaseWorkflow.IsPaused(current))
        {
            return null;
        }

        var spentBefore = TimeSpan.Zero;
        for (var i = 0; i < visits.Count - 1; i++)
        {
            if (visits[i].Stage == current)
            {
                spentBefore += calendar.WorkingTimeBetween(visits[i].EnteredAtUtc, visits[i + 1].EnteredAtUtc);
            }
        }

        var remaining = (calendar.StandardWorkingDay * targetWorkingDays.Value) - spentBefore;
        return remaining <= TimeSpan.Zero ? enteredAt : calendar.AddWorkingTime(enteredAt, remaining);
    }

    /// <summary>
    /// The working time of one visit to a stage, from entering it to leaving it, in whole minutes: what a stage change
    /// records, and what the registration cycle-time metric ranks.
    /// </summary>
    public static int WorkingMinutesInStage(DateTime enteredAtUtc, DateTime leftAtUtc, WorkingCalendar calendar) =>
        (int)Math.Round(calendar.WorkingTimeBetween(enteredAtUtc, leftAtUtc).TotalMinutes, MidpointRounding.AwayFromZero);
}
