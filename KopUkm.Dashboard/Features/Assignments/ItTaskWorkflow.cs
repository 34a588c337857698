namespace KopUkm.Dashboard.Features.Assignments;

/// <summary>
/// The one list of allowed IT task status moves (docs/it-tasks.md). The server refuses every other, whatever the
/// page sent.
/// </summary>
/// <remarks>
/// Baru → Dikerjakan | Menunggu; Dikerjakan → Menunggu | Selesai; Menunggu → Dikerjakan | Selesai (what was awaited
/// may itself finish the work, e.g. a vendor renewing a domain); Selesai → Dikerjakan (reopening, with a reason).
/// Nothing goes back to Baru, and Baru never jumps straight to Selesai: finished work was started by someone.
/// </remarks>
public static class ItTaskWorkflow
{
    private static readonly Dictionary<ItTaskStatus, ItTaskStatus[]> Allowed = new()
    {
        [ItTaskStatus.Baru] = [ItTaskStatus.Dikerjakan, ItTaskStatus.Menunggu],
        [ItTaskStatus.Dikerjakan] = [ItTaskStatus.Menunggu, ItTaskStatus.Selesai],
        [ItTaskStatus.Menunggu] = [ItTaskStatus.Dikerjakan, ItTaskStatus.Selesai],
        [ItTaskStatus.Selesai] = [ItTaskStatus.Dikerjakan],
    };

    /// <summary>The board's columns, in order.</summary>
    public static IReadOnlyList<ItTaskStatus> Columns { get; } =
        [ItTaskStatus.Baru, ItTaskStatus.Dikerjakan, ItTaskStatus.Menunggu, ItTaskStatus.Selesai];

    /// <summary>Statuses of work not yet done: these count towards workload and can be overdue.</summary>
    public static IReadOnlyList<ItTaskStatus> OpenStatuses { get; } =
        [ItTaskStatus.Baru, ItTaskStatus.Dikerjakan, ItTaskStatus.Menunggu];

    public static IReadOnlyList<ItTaskStatus> NextStatuses(ItTaskStatus from) => Allowed[from];

    public static bool CanMove(ItTaskStatus from, ItTaskStatus to) => Allowed[from].Contains(to);

    /// <summary>Waiting needs to say what for; reopening finished work needs to say why.</summary>
    public static bool RequiresReason(ItTaskStatus from, ItTaskStatus to) =>
        to == ItTaskStatus.Menunggu || (from == ItTaskStatus.Selesai && to == ItTaskStatus.Dikerjakan);

    /// <summary>Work in progress has someone doing it: moving to Dikerjakan needs an assignee.</summary>
    public static bool RequiresAssignee(ItTaskStatus to) => to == ItTaskStatus.Dikerjakan;

    public static bool IsOpen(ItTaskStatus status) => status != ItTaskStatus.Selesai;
}
