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
    /// What one overdue task adds to its assignee's load, on top of its own estimate: half a standard working day. An
    /// overdue task is work already late that the person still owes, so someone with a backlog of late tasks is not
    /// offered more just because their estimates are small.
    /// </summary>
    public const decimal OverduePenaltyHours = 3.75m;

    /// <summary>The load the ranking compares: open estimated hours plus <see cref="OverduePenaltyHours"/> per overdue task.</summary>
    public static decimal WeightedLoad(ItStaffLoad load) => load.OpenHours + (load.Overdue * OverduePenaltyHours);

    /// <summary>
    /// Orders IT staff from the lightest load: smallest <see cref="WeightedLoad"/> (open hours, overdue tasks weighing
    /// extra), then fewest overdue, then fewest open tasks, then by name. The first is the suggestion for "assign to the
    /// least loaded"; it is offered, never applied by itself.
    /// </summary>
    public static IReadOnlyList<ItStaffLoad> RankByLoad(IEnumerable<ItStaffLoad> loads) =>
        [.. loads.OrderBy(WeightedLoad).ThenBy(l => l.Overdue).ThenBy(l => l.OpenItems).ThenBy(l => l.Name, StringComparer.Ordinal).ThenBy(l => l.UserId, StringComparer.Ordinal)];
}

/// <summary>One IT staff member's open work: tasks not yet done, their estimated hours, and how many are overdue.</summary>
public sealed record ItStaffLoad(string UserId, string Name, int OpenItems, decimal OpenHours, int Overdue);
