using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using Microsoft.EntityFrameworkCore;
using static KopUkm.Dashboard.Features.Assignments.ItTaskActionSupport;

namespace KopUkm.Dashboard.Features.Assignments;

/// <summary>
/// Raising a task (also from a ticket, content item or cooperative case) and editing it with optimistic concurrency;
/// due date, priority and estimate changes enter the history.
/// </summary>
public sealed class ItTaskEditing(
    IDbContextFactory<AppDbContext> dbFactory,
    AccessGuard guard,
    ItTaskSources taskSources,
    Notifications.NotificationService notifications,
    ChangeNotifier changes,
    TimeProvider clock)
{
    /// <summary>Records a new task in Baru, with its creation in the history.</summary>
    public async Task<(CommandResult Result, int? TaskId)> CreateAsync(ItTaskForm form, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var user = await guard.DemandAsync(Permissions.ViewItTasks);
        if (!ItTaskAccess.CanCreate(user))
        {
            throw new AccessDeniedException($"User '{user.DisplayName}' may not raise IT tasks.");
        }

        if (form.RequestingDivisionId > 0 && !ItTaskAccess.CanCreateFor(user, form.RequestingDivisionId))
        {
            throw new AccessDeniedException($"User '{user.DisplayName}' may not raise IT tasks for division {form.RequestingDivisionId}.");
        }

        var errors = form.Validate();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (form.RequestingDivisionId > 0 && !await db.Set<Division>().AnyAsync(d => d.Id == form.RequestingDivisionId && d.IsActive, ct))
        {
            errors.Add(new(nameof(form.RequestingDivisionId), "Validation.Required", []));
        }

        if (form.SourceKind != WorkItemKind.None && form.SourceId is > 0 && await taskSources.DescribeSourceAsync(form.SourceKind, form.SourceId.Value, ct) is null)
        {
            errors.Add(new(nameof(form.SourceId), "ItTasks.SourceNotFound", []));
        }

        ItStaffMember? assignee = null;
        if (!string.IsNullOrEmpty(form.AssigneeId))
        {
            // Giving the task to someone in the same step is assigning: only for those who assign.
            if (!ItTaskAccess.CanAssign(user))
            {
                throw new AccessDeniedException($"User '{user.DisplayName}' may not assign IT tasks.");
            }

            assignee = (await ItTaskAssignment.ItStaffAsync(db, ct)).FirstOrDefault(s => s.Id == form.AssigneeId);
            if (assignee is null)
            {
                errors.Add(new(nameof(form.AssigneeId), "ItTasks.AssigneeNotAllowed", []));
            }
        }

        if (errors.Count > 0)
        {
            return (new CommandResult(errors), null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var task = new ItTask
        {
            Title = form.Title.Trim(),
            Description = form.Description.Trim(),
            Priority = form.Priority,
            DueDate = form.DueDate!.Value,
            EstimateHours = form.EstimateHours!.Value,
            RequestingDivisionId = form.RequestingDivisionId,
            SourceKind = form.SourceKind,
            SourceId = form.SourceKind == WorkItemKind.None ? null : form.SourceId,
            CreatedById = user.UserId,
            CreatedByName = user.DisplayName,
            CreatedAtUtc = now,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Add(task);
        await db.SaveChangesAsync(ct);
        task.Code = CodeFor(task.Id, now);
        db.Add(Event(task.Id, ItTaskEventKind.Created, user, now, toValue: nameof(ItTaskStatus.Baru)));
        if (assignee is not null)
        {
            task.AssigneeId = assignee.Id;
            task.AssigneeName = assignee.Name;
            db.Add(Event(task.Id, ItTaskEventKind.Assigned, user, now, null, assignee.Name));
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        Publish(changes, task);
        if (assignee is not null && assignee.Id != user.UserId)
        {
            await notifications.NotifyAsync(assignee.Id, $"ittask:{task.Id}:assigned:v{task.Version}", "ittask-assigned",
                "Notification.ItTaskAssigned", [user.DisplayName, task.Code, task.Title], $"/tugas-ti/{task.Id}", ct);
        }

        return (CommandResult.Success, task.Id);
    }

    /// <summary>Edits the task as loaded at <paramref name="version"/>; due date, priority and estimate changes enter the history.</summary>
    public async Task<CommandResult> UpdateAsync(int id, long version, ItTaskForm form, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var user = await guard.DemandAsync(Permissions.ViewItTasks);
        if (!ItTaskAccess.CanEdit(user))
        {
            throw new AccessDeniedException($"User '{user.DisplayName}' may not edit IT tasks.");
        }

        var errors = form.Validate().Where(e => e.Field != nameof(form.SourceId)).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (form.RequestingDivisionId > 0 && !await db.Set<Division>().AnyAsync(d => d.Id == form.RequestingDivisionId, ct))
        {
            errors.Add(new(nameof(form.RequestingDivisionId), "Validation.Required", []));
        }

        if (errors.Count > 0)
        {
            return new CommandResult(errors);
        }

        var task = await db.FindForUpdateAsync<ItTask>(id, version, ct);
        if (task is null)
        {
            return CommandResult.Conflict();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var due = form.DueDate!.Value;
        var hours = form.EstimateHours!.Value;
        if (task.DueDate != due)
        {
            db.Add(Event(id, ItTaskEventKind.DueDateChanged, user, now, DateText(task.DueDate), DateText(due)));
            task.DueDate = due;
        }

        if (task.Priority != form.Priority)
        {
            db.Add(Event(id, ItTaskEventKind.PriorityChanged, user, now, task.Priority.ToString(), form.Priority.ToString()));
            task.Priority = form.Priority;
        }

        if (task.EstimateHours != hours)
        {
            db.Add(Event(id, ItTaskEventKind.EstimateChanged, user, now, HoursText(task.EstimateHours), HoursText(hours)));
            task.EstimateHours = hours;
        }

        task.Title = form.Title.Trim();
        task.Description = form.Description.Trim();
        task.RequestingDivisionId = form.RequestingDivisionId;
        return await SaveAsync(db, task, changes, ct);
    }
}
