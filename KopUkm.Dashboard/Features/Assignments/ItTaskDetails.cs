using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Security;
using Microsoft.EntityFrameworkCore;
using static KopUkm.Dashboard.Features.Assignments.ItTaskActionSupport;

namespace KopUkm.Dashboard.Features.Assignments;

/// <summary>The task page's read: the task, where it came from, its history and what the user may do with it.</summary>
public sealed class ItTaskDetails(IDbContextFactory<AppDbContext> dbFactory, AccessGuard guard, ItTaskSources taskSources, TimeProvider clock)
{
    /// <summary>One task with its history and what the user may do with it; null when missing or not visible to them.</summary>
    public async Task<ItTaskView?> GetAsync(int id, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewItTasks);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var task = await db.Set<ItTask>().AsNoTracking().Include(t => t.RequestingDivision).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (task is null || !ItTaskAccess.CanSee(user, task.RequestingDivisionId, task.AssigneeId))
        {
            return null;
        }

        var history = await db.Set<ItTaskEvent>().AsNoTracking().Where(e => e.TaskId == id)
            .OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
            .Select(e => new ItTaskEventView(e.Kind, e.FromValue, e.ToValue, e.Text, e.ByName, e.AtUtc))
            .ToListAsync(ct);
        var source = task.SourceKind == WorkItemKind.None || task.SourceId is null
            ? null
            : (await taskSources.ResolveSourcesAsync([(task.SourceKind, task.SourceId.Value)], ct)).GetValueOrDefault((task.SourceKind, task.SourceId.Value));
        return new ItTaskView(
            task,
            task.RequestingDivision!.Name,
            source,
            ItTaskRules.IsOverdue(task.DueDate, task.Status, ItTaskRules.TodayWib(clock)),
            history,
            AllowedMoves(user, task.Status, task.AssigneeId),
            ItTaskAccess.CanEdit(user),
            ItTaskAccess.CanAssign(user) && ItTaskWorkflow.IsOpen(task.Status));
    }
}

public sealed record ItTaskEventView(ItTaskEventKind Kind, string? FromValue, string? ToValue, string Text, string ByName, DateTime AtUtc);

public sealed record ItTaskView(
    ItTask Task,
    string RequestingDivisionName,
    WorkItemReference? Source,
    bool IsOverdue,
    IReadOnlyList<ItTaskEventView> History,
    IReadOnlyList<ItTaskStatus> AllowedMoves,
    bool CanEdit,
    bool CanAssign);
