using KopUkm.Dashboard.Localization;

namespace KopUkm.Dashboard.Features.Assignments;

/// <summary>The pure rules of IT tasks: due dates in WIB, and who is the least-loaded IT staff member.</summary>
public static class ItTaskRules
{
    public const decimal MinEstimateHours = 0.5m;

    public const decimal MaxEstimateHours = 200m;

    /// <summary>Today's calendar date in WIB, which is what a due date means.</summary>
    public static DateOnly TodayWib(TimeProvider clock) =>
        DateOnly.FromDateTime(WibTime.ToWib(clock.GetUtcNow().UtcDateTime));

    /// <summary>Overdue: the due day has passed in WIB (the whole due day still counts) and the work is not done.</summary>
    public static bool IsOverdue(DateOnly dueDate, ItTaskStatus status, DateOnly todayWib) =>
        ItTaskWorkflow.IsOpen(status) && dueDate < todayWib;

    /// <summary>
    /// Orders IT staff from the lightest load: fewest estimated hours of open tasks, then fewest open tasks, then by
    /// name. The first is the suggestion for "assign to the least loaded"; it is offered, never applied by itself.
    /// </summary>
    public static IReadOnlyList<ItStaffLoad> RankByLoad(IEnumerable<ItStaffLoad> loads) =>
        [.. loads.OrderBy(l => l.OpenHours).ThenBy(l => l.OpenItems).ThenBy(l => l.Name, StringComparer.Ordinal).ThenBy(l => l.UserId, StringComparer.Ordinal)];
}

/// <summary>One IT staff member's open work: tasks not yet done, their estimated hours, and how many are overdue.</summary>
public sealed record ItStaffLoad(string UserId, string Name, int OpenItems, decimal OpenHours, int Overdue);
