using System.Globalization;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Account;
using KopUkm.Dashboard.Features.Notifications;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Localization;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Assignments;

/// <summary>
/// The IT task board: raising tasks (also from a ticket, content item or cooperative case), the status workflow,
/// assignment to IT staff with the least-loaded suggestion, edits with optimistic concurrency, and the reads of the
/// board, the list and the workload. Every action checks the user (<see cref="ItTaskAccess"/>), appends to the
/// task's history and publishes <see cref="ChangeTopic.ItTasks"/>.
/// </summary>
public sealed class ItTaskService(
    IDbContextFactory<AppDbContext> dbFactory,
    AccessGuard guard,
    IEnumerable<IWorkItemSource> workItemSources,
    NotificationService notifications,
    ChangeNotifier changes,
    TimeProvider clock)
{
    /// <summary>Cards per board column before "show more".</summary>
    public const int BoardColumnSize = 20;

    /// <summary>The most a column loads, however often "show more" is pressed: beyond this, use the list.</summary>
    public const int BoardColumnMax = 200;

    /// <summary>The Selesai column shows work finished in this many days; older finished work is only counted.</summary>
    public const int RecentlyDoneDays = 14;

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

        if (form.SourceKind != WorkItemKind.None && form.SourceId is > 0 && await DescribeSourceAsync(form.SourceKind, form.SourceId.Value, ct) is null)
        {
            errors.Add(new(nameof(form.SourceId), "ItTasks.SourceNotFound", []));
        }

        if (errors.Count > 0)
        {
            return (new CommandResult(errors), null);
        }

        var now = Now;
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
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        Publish(task);
        return (CommandResult.Success, task.Id);
    }

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
            : (await ResolveSourcesAsync([(task.SourceKind, task.SourceId.Value)], ct)).GetValueOrDefault((task.SourceKind, task.SourceId.Value));
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

    /// <summary>
    /// The board: per column the first <paramref name="limits"/> cards (default <see cref="BoardColumnSize"/>, at
    /// most <see cref="BoardColumnMax"/>) and the column's total. Selesai holds the last
    /// <see cref="RecentlyDoneDays"/> days only and counts the older ones.
    /// </summary>
    public async Task<ItTaskBoardView> BoardAsync(ItTaskFilter filter, IReadOnlyDictionary<ItTaskStatus, int>? limits = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var user = await guard.DemandAsync(Permissions.ViewItTasks);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = ItTaskRules.TodayWib(clock);
        var query = Filter(Visible(db.Set<ItTask>().AsNoTracking(), user), filter with { Status = null }, today);
        var recentFrom = Now.AddDays(-RecentlyDoneDays);
        var columns = new List<ItTaskColumn>();
        var rows = new List<CardRow>();
        foreach (var status in ItTaskWorkflow.Columns)
        {
            var column = query.Where(t => t.Status == status);
            var older = 0;
            if (status == ItTaskStatus.Selesai)
            {
                older = await column.CountAsync(t => t.CompletedAtUtc < recentFrom, ct);
                column = column.Where(t => t.CompletedAtUtc >= recentFrom);
            }

            var total = await column.CountAsync(ct);
            var take = Math.Clamp(limits?.GetValueOrDefault(status, BoardColumnSize) ?? BoardColumnSize, 1, BoardColumnMax);
            column = status == ItTaskStatus.Selesai
                ? column.OrderByDescending(t => t.CompletedAtUtc).ThenByDescending(t => t.Id)
                : column.OrderByDescending(t => t.Priority).ThenBy(t => t.DueDate).ThenBy(t => t.Id);
            var items = await Project(column.Take(take)).ToListAsync(ct);
            rows.AddRange(items);
            columns.Add(new ItTaskColumn(status, [], total, older));
        }

        var cards = await CardsAsync(rows, user, today, ct);
        return new ItTaskBoardView([.. columns.Select(c => c with { Cards = [.. cards.Where(x => x.Status == c.Status)] })]);
    }

    /// <summary>Every task the user may see, filtered, sorted and paged in SQL, for the list view.</summary>
    public async Task<PagedResult<ItTaskCard>> ListAsync(PageRequest request, ItTaskFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(filter);
        var user = await guard.DemandAsync(Permissions.ViewItTasks);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = ItTaskRules.TodayWib(clock);
        var query = Filter(Visible(db.Set<ItTask>().AsNoTracking(), user), filter, today);
        var total = await query.CountAsync(ct);
        query = (request.SortBy, request.Descending) switch
        {
            (nameof(ItTaskCard.Code), false) => query.OrderBy(t => t.Id),
            (nameof(ItTaskCard.Code), true) => query.OrderByDescending(t => t.Id),
            (nameof(ItTaskCard.DueDate), false) => query.OrderBy(t => t.DueDate).ThenBy(t => t.Id),
            (nameof(ItTaskCard.DueDate), true) => query.OrderByDescending(t => t.DueDate).ThenBy(t => t.Id),
            (nameof(ItTaskCard.Priority), false) => query.OrderBy(t => t.Priority).ThenBy(t => t.Id),
            (nameof(ItTaskCard.Priority), true) => query.OrderByDescending(t => t.Priority).ThenBy(t => t.Id),
            (nameof(ItTaskCard.AssigneeName), false) => query.OrderBy(t => t.AssigneeName).ThenBy(t => t.Id),
            (nameof(ItTaskCard.AssigneeName), true) => query.OrderByDescending(t => t.AssigneeName).ThenBy(t => t.Id),
            _ => query.OrderByDescending(t => t.Id),
        };
        var rows = await Project(query.Skip(request.Skip).Take(request.Take)).ToListAsync(ct);
        return new PagedResult<ItTaskCard>(await CardsAsync(rows, user, today, ct), total);
    }

    /// <summary>The tasks raised from one ticket, content item or cooperative case that the user may see, newest first.</summary>
    public async Task<IReadOnlyList<ItTaskCard>> ListForSourceAsync(WorkItemKind kind, long sourceId, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewItTasks);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await Project(Visible(db.Set<ItTask>().AsNoTracking(), user)
                .Where(t => t.SourceKind == kind && t.SourceId == sourceId)
                .OrderByDescending(t => t.Id)
                .Take(50))
            .ToListAsync(ct);
        return await CardsAsync(rows, user, ItTaskRules.TodayWib(clock), ct);
    }

    /// <summary>The label and link of a source, or null when a ticket or case of that id does not exist.</summary>
    public async Task<WorkItemReference?> DescribeSourceAsync(WorkItemKind kind, long sourceId, CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.ViewItTasks);
        var found = await ResolveSourcesAsync([(kind, sourceId)], ct);
        var source = found.GetValueOrDefault((kind, sourceId));
        return source?.Label is null ? null : source;
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

        var now = Now;
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
        return await SaveAsync(db, task, ct);
    }

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

        var now = Now;
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
        return await SaveAsync(db, task, ct);
    }

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

        db.Add(Event(id, ItTaskEventKind.Assigned, user, Now, task.AssigneeName, assignee.Name, body));
        task.AssigneeId = assignee.Id;
        task.AssigneeName = assignee.Name;
        var saved = await SaveAsync(db, task, ct);
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

    private static async Task<List<ItStaffMember>> ItStaffAsync(AppDbContext db, CancellationToken ct) =>
        await db.ActiveStaffInRoles(AppRoles.StafTI)
            .OrderBy(u => u.FullName).ThenBy(u => u.Id)
            .Select(u => new ItStaffMember(u.Id, u.FullName))
            .ToListAsync(ct);

    private static IQueryable<ItTask> Visible(IQueryable<ItTask> query, UserContext user)
    {
        if (ItTaskAccess.SeesAll(user))
        {
            return query;
        }

        var division = user.DivisionId ?? -1;
        var me = user.UserId ?? "";
        return user.IsInRole(AppRoles.KepalaBidang)
            ? query.Where(t => t.RequestingDivisionId == division || t.AssigneeId == me)
            : query.Where(t => t.AssigneeId == me);
    }

    private static IQueryable<ItTask> Filter(IQueryable<ItTask> query, ItTaskFilter filter, DateOnly today)
    {
        if (filter.Status is { } status)
        {
            query = query.Where(t => t.Status == status);
        }

        if (filter.Unassigned)
        {
            query = query.Where(t => t.AssigneeId == null);
        }
        else if (!string.IsNullOrEmpty(filter.AssigneeId))
        {
            query = query.Where(t => t.AssigneeId == filter.AssigneeId);
        }

        if (filter.DivisionId is { } division)
        {
            query = query.Where(t => t.RequestingDivisionId == division);
        }

        if (filter.Priority is { } priority)
        {
            query = query.Where(t => t.Priority == priority);
        }

        if (filter.OverdueOnly)
        {
            query = query.Where(t => t.Status != ItTaskStatus.Selesai && t.DueDate < today);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim();
            var upper = term.ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL UPPER(...) LIKE; culture overloads do not translate.
            // A code is looked up exactly (indexed); anything else searches titles.
            query = upper.StartsWith("TI-", StringComparison.Ordinal)
                ? query.Where(t => t.Code == upper)
                : query.Where(t => t.Title.ToUpper().Contains(upper));
#pragma warning restore CA1304, CA1311, CA1862
        }

        return query;
    }

    private static IQueryable<CardRow> Project(IQueryable<ItTask> query) =>
        query.Select(t => new CardRow(
            t.Id, t.Code, t.Title, t.Priority, t.Status, t.DueDate, t.AssigneeId, t.AssigneeName, t.EstimateHours,
            t.RequestingDivisionId, t.RequestingDivision!.Code, t.SourceKind, t.SourceId, t.WaitingReason, t.CompletedAtUtc, t.Version));

    private async Task<List<ItTaskCard>> CardsAsync(List<CardRow> rows, UserContext user, DateOnly today, CancellationToken ct)
    {
        var sources = await ResolveSourcesAsync(
            [.. rows.Where(r => r.SourceKind != WorkItemKind.None && r.SourceId is not null).Select(r => (r.SourceKind, r.SourceId!.Value))], ct);
        return [.. rows.Select(r => new ItTaskCard(
            r.Id, r.Code, r.Title, r.Priority, r.Status, r.DueDate, ItTaskRules.IsOverdue(r.DueDate, r.Status, today),
            r.AssigneeId, r.AssigneeName, r.EstimateHours, r.DivisionCode,
            r.SourceId is { } sid ? sources.GetValueOrDefault((r.SourceKind, sid)) : null,
            r.WaitingReason, r.CompletedAtUtc, r.Version, AllowedMoves(user, r.Status, r.AssigneeId)))];
    }

    /// <summary>
    /// Labels and links of sources, in one query per kind, through the owning feature's <see cref="IWorkItemSource"/>;
    /// an item that no longer exists keeps a link without label.
    /// </summary>
    private async Task<Dictionary<(WorkItemKind, long), WorkItemReference>> ResolveSourcesAsync(IReadOnlyCollection<(WorkItemKind Kind, long Id)> keys, CancellationToken ct)
    {
        var result = new Dictionary<(WorkItemKind, long), WorkItemReference>();
        foreach (var source in workItemSources)
        {
            var ids = keys.Where(k => k.Kind == source.Kind).Select(k => k.Id).Distinct().ToList();
            if (ids.Count == 0)
            {
                continue;
            }

            var labels = await source.DescribeAsync(ids, ct);
            foreach (var id in ids)
            {
                result[(source.Kind, id)] = new(source.Kind, id, labels.GetValueOrDefault(id), source.LinkTo(id));
            }
        }

        return result;
    }

    private static IReadOnlyList<ItTaskStatus> AllowedMoves(UserContext user, ItTaskStatus status, string? assigneeId) =>
        ItTaskAccess.CanMove(user, assigneeId) ? ItTaskWorkflow.NextStatuses(status) : [];

    private async Task<CommandResult> SaveAsync(AppDbContext db, ItTask task, CancellationToken ct)
    {
        var result = await db.TrySaveAsync(ct);
        if (result.Succeeded)
        {
            Publish(task);
        }

        return result;
    }

    private void Publish(ItTask task) =>
        changes.Publish(ChangeTopic.ItTasks, task.RequestingDivisionId.ToString(CultureInfo.InvariantCulture));

    internal static string CodeFor(int id, DateTime createdAtUtc) =>
        string.Create(CultureInfo.InvariantCulture, $"TI-{WibTime.ToWib(createdAtUtc).Year}-{id:D5}");

    internal static string DateText(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string HoursText(decimal hours) => hours.ToString("0.#", CultureInfo.InvariantCulture);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    internal static ItTaskEvent Event(int taskId, ItTaskEventKind kind, UserContext user, DateTime now, string? fromValue = null, string? toValue = null, string text = "") => new()
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

    private sealed record CardRow(
        int Id, string Code, string Title, WorkPriority Priority, ItTaskStatus Status, DateOnly DueDate, string? AssigneeId, string? AssigneeName,
        decimal EstimateHours, int DivisionId, string DivisionCode, WorkItemKind SourceKind, long? SourceId, string? WaitingReason,
        DateTime? CompletedAtUtc, long Version);
}

/// <summary>What the board and the list show. <see cref="Status"/> is used by the list only; the board has a column per status.</summary>
public sealed record ItTaskFilter(
    string? AssigneeId = null,
    bool Unassigned = false,
    int? DivisionId = null,
    WorkPriority? Priority = null,
    bool OverdueOnly = false,
    ItTaskStatus? Status = null,
    string? Search = null);

/// <summary>A task as a board card or list row. <see cref="AllowedMoves"/> is empty when the user may not move it.</summary>
public sealed record ItTaskCard(
    int Id,
    string Code,
    string Title,
    WorkPriority Priority,
    ItTaskStatus Status,
    DateOnly DueDate,
    bool IsOverdue,
    string? AssigneeId,
    string? AssigneeName,
    decimal EstimateHours,
    string DivisionCode,
    WorkItemReference? Source,
    string? WaitingReason,
    DateTime? CompletedAtUtc,
    long Version,
    IReadOnlyList<ItTaskStatus> AllowedMoves);

/// <param name="Label">The ticket's code (and applicant) or the case's cooperative; null for content items and missing records.</param>
/// <param name="OlderCount">Selesai only: tasks finished before the board's window, counted but not loaded.</param>
public sealed record ItTaskColumn(ItTaskStatus Status, IReadOnlyList<ItTaskCard> Cards, int TotalCount, int OlderCount);

public sealed record ItTaskBoardView(IReadOnlyList<ItTaskColumn> Columns);

public sealed record ItStaffMember(string Id, string Name);

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
