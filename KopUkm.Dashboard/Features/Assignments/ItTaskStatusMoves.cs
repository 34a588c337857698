using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Security;
using Microsoft.EntityFrameworkCore;
using static KopUkm.Dashboard.Features.Assignments.ItTaskActionSupport;

namespace KopUkm.Dashboard.Features.Assignments;

/// <summary>Moving a task along <see cref="ItTaskWorkflow"/>: starting, waiting, finishing and reopening.</summary>
public sealed class ItTaskStatusMoves(IDbContextFactory<AppDbContext> dbFactory, AccessGuard guard, ChangeNotifier changes, TimeProvider clock)
{
    /// <summary>
    /// Moves the task along <see cref="ItTaskWorkflow"/>. Waiting and reopening need a reason. Starting work needs an
    /// assignee: IT staff starting an unassigned task take it themselves (recorded as an assignment).
    /// </summary>
    public async Task<CommandResult> MoveAsync(int id, long version, ItTaskStatus to, string? reason, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewItTasks);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var task = await db.FindForUpdateAsync<ItTask>(id, version, ct);
        if (task is null)
        {
            return CommandResult.Conflict();
        }

        if (!ItTaskAccess.CanMove(user, task.AssigneeId))
        {
            throw new AccessDeniedException($"User '{user.DisplayName}' may not move IT task {id}.");
        }

        var from = task.Status;
        if (!ItTaskWorkflow.CanMove(from, to))
        {
            return CommandResult.Fail("ItTasks.TransitionNotAllowed", null, from, to);
        }

        var body = reason?.Trim() ?? "";
        if (ItTaskWorkflow.RequiresReason(from, to) && body.Length == 0)
        {
            return CommandResult.Fail("ItTasks.ReasonRequired", "Reason");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (ItTaskWorkflow.RequiresAssignee(to) && task.AssigneeId is null)
        {
            if (!user.IsInRole(AppRoles.StafTI) || user.UserId is null)
            {
                return CommandResult.Fail("ItTasks.AssignFirst");
            }

            db.Add(Event(id, ItTaskEventKind.Assigned, user, now, null, user.DisplayName));
            task.AssigneeId = user.UserId;
            task.AssigneeName = user.DisplayName;
        }

        task.Status = to;
        task.WaitingReason = to == ItTaskStatus.Menunggu ? body : null;
        task.CompletedAtUtc = to == ItTaskStatus.Selesai ? now : null;
        db.Add(Event(id, ItTaskEventKind.StatusChanged, user, now, from.ToString(), to.ToString(), body));
        return await SaveAsync(db, task, changes, ct);
    }
}
