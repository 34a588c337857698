using System.Globalization;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Localization;

namespace KopUkm.Dashboard.Features.Assignments;

/// <summary>
/// What the IT task use cases share: the history row they append, the texts it stores, the moves a user is offered,
/// and saving with the <see cref="ChangeTopic.ItTasks"/> notice.
/// </summary>
internal static class ItTaskActionSupport
{
    public static IReadOnlyList<ItTaskStatus> AllowedMoves(UserContext user, ItTaskStatus status, string? assigneeId) =>
        ItTaskAccess.CanMove(user, assigneeId) ? ItTaskWorkflow.NextStatuses(status) : [];

    public static async Task<CommandResult> SaveAsync(AppDbContext db, ItTask task, ChangeNotifier changes, CancellationToken ct)
    {
        var result = await db.TrySaveAsync(ct);
        if (result.Succeeded)
        {
            Publish(changes, task);
        }

        return result;
    }

    public static void Publish(ChangeNotifier changes, ItTask task) =>
        changes.Publish(ChangeTopic.ItTasks, task.RequestingDivisionId.ToString(CultureInfo.InvariantCulture));

    public static string CodeFor(int id, DateTime createdAtUtc) =>
        string.Create(CultureInfo.InvariantCulture, $"TI-{WibTime.ToWib(createdAtUtc).Year}-{id:D5}");

    public static string DateText(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string HoursText(decimal hours) => hours.ToString("0.#", CultureInfo.InvariantCulture);

    public static ItTaskEvent Event(int taskId, ItTaskEventKind kind, UserContext user, DateTime now, string? fromValue = null, string? toValue = null, string text = "") => new()
    {
        TaskId = taskId,
        Kind = kind,
        FromValue = fromValue,
        ToValue = toValue,
        Text = text,
        ByUserId = user.UserId,
        ByName = user.DisplayName,
        AtUtc = now,
    };
}
