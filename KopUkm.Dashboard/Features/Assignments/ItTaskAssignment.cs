using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Account;
using KopUkm.Dashboard.Features.Notifications;
using KopUkm.Dashboard.Features.Security;
using Microsoft.EntityFrameworkCore;
using static KopUkm.Dashboard.Features.Assignments.ItTaskActionSupport;

namespace KopUkm.Dashboard.Features.Assignments;

/// <summary>
/// Giving tasks to IT staff: assignment (taking a task from someone needs a reason; the assignee is notified), the
/// open workload per person and the least-loaded suggestion (<see cref="ItTaskRules.RankByLoad"/>).
/// </summary>
public sealed class ItTaskAssignment(
    IDbContextFactory<AppDbContext> dbFactory,
    AccessGuard guard,
    NotificationService notifications,
    ChangeNotifier changes,
    TimeProvider clock)
{
    /// <summary>Gives the task to an active IT staff member; taking it from someone else needs a reason. The assignee is notified.</summary>
    public async Task<CommandResult> AssignAsync(int id, long version, string assigneeId, string? reason, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewItTasks);
        if (!ItTaskAccess.CanAssign(user))
        {
            throw new AccessDeniedException($"User '{user.DisplayName}' may not assign IT tasks.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var task = await db.FindForUpdateAsync<ItTask>(id, version, ct);
        if (task is null)
        {
            return CommandResult.Conflict();
        }

        if (!ItTaskWorkflow.IsOpen(task.Status))
        {
            return CommandResult.Fail("ItTasks.Closed");
        }

        var assignee = (await ItStaffAsync(db, ct)).FirstOrDefault(s => s.Id == assigneeId);
        if (assignee is null)
        {
            return CommandResult.Fail("ItTasks.AssigneeNotAllowed", "Assignee");
        }

        if (task.AssigneeId == assignee.Id)
        {
            return CommandResult.Success;
        }

        var body = reason?.Trim() ?? "";
        if (task.AssigneeId is not null && body.Length == 0)
        {
            return CommandResult.Fail("ItTasks.ReasonRequired", "Reason");
        }

        db.Add(Event(id, ItTaskEventKind.Assigned, user, clock.GetUtcNow().UtcDateTime, task.AssigneeName, assignee.Name, body));
        task.AssigneeId = assignee.Id;
        task.AssigneeName = assignee.Name;
        var saved = await SaveAsync(db, task, changes, ct);
        if (saved.Succeeded && assignee.Id != user.UserId)
        {
            // The version after the save names this assignment: a later reassignment back to the same person notifies again.
            await notifications.NotifyAsync(assignee.Id, $"ittask:{task.Id}:assigned:v{task.Version}", "ittask-assigned",
                "Notification.ItTaskAssigned", [user.DisplayName, task.Code, task.Title], $"/tugas-ti/{task.Id}", ct);
        }

        return saved;
    }

    /// <summary>
    /// Open work per active IT staff member, lightest first (<see cref="ItTaskRules.RankByLoad"/>). Leaving out
    /// <paramref name="excludingTaskId"/> lets a reassignment compare people without the task being moved.
    /// </summary>
    public async Task<IReadOnlyList<ItStaffLoad>> WorkloadAsync(int? excludingTaskId = null, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewItTasks);
        if (!ItTaskAccess.SeesAll(user))
        {
            throw new AccessDeniedException($"User '{user.DisplayName}' may not see the IT staff workload.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var staff = await ItStaffAsync(db, ct);
        var ids = staff.Select(s => s.Id).ToList();
        var open = ItTaskWorkflow.OpenStatuses;
        var today = ItTaskRules.TodayWib(clock);
        var excluded = excludingTaskId ?? 0;
        var loads = await db.Set<ItTask>().AsNoTracking()
            .Where(t => t.AssigneeId != null && ids.Contains(t.AssigneeId) && open.Contains(t.Status) && t.Id != excluded)
            .GroupBy(t => t.AssigneeId!)
            .Select(g => new { Id = g.Key, Items = g.Count(), Hours = g.Sum(t => t.EstimateHours), Overdue = g.Count(t => t.DueDate < today) })
            .ToDictionaryAsync(g => g.Id, ct);
        return ItTaskRules.RankByLoad(staff.Select(s => loads.TryGetValue(s.Id, out var l)
            ? new ItStaffLoad(s.Id, s.Name, l.Items, l.Hours, l.Overdue)
            : new ItStaffLoad(s.Id, s.Name, 0, 0m, 0)));
    }

    /// <summary>The least-loaded IT staff member to offer in the assign dialog, or null when there is none.</summary>
    public async Task<ItStaffLoad?> SuggestAssigneeAsync(int? excludingTaskId = null, CancellationToken ct = default)
    {
        var ranked = await WorkloadAsync(excludingTaskId, ct);
        return ranked.Count > 0 ? ranked[0] : null;
    }

    /// <summary>Active IT staff (role StafTI): who tasks may be assigned to, and the board's assignee filter.</summary>
    public async Task<IReadOnlyList<ItStaffMember>> ListItStaffAsync(CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.ViewItTasks);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ItStaffAsync(db, ct);
    }

    internal static async Task<List<ItStaffMember>> ItStaffAsync(AppDbContext db, CancellationToken ct) =>
        await db.ActiveStaffInRoles(AppRoles.StafTI)
            .OrderBy(u => u.FullName).ThenBy(u => u.Id)
            .Select(u => new ItStaffMember(u.Id, u.FullName))
            .ToListAsync(ct);
}

public sealed record ItStaffMember(string Id, string Name);
