namespace KopUkm.Dashboard.Features.Calendar;

/// <summary>
/// A feature whose open work has due dates on the working calendar (tickets, registration cases). The calendar asks
/// each for its latest open due date to know which years' holidays the clocks depend on; the calendar (kernel) knows
/// no feature, so the owners implement this and register it.
/// </summary>
public interface IOpenDueDates
{
    /// <summary>The latest due instant (UTC) among the feature's open items, or null when none has one.</summary>
    Task<DateTime?> LatestOpenDueAtUtcAsync(CancellationToken ct = default);
}
