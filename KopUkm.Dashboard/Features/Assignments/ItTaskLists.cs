using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Security;
using Microsoft.EntityFrameworkCore;
using static KopUkm.Dashboard.Features.Assignments.ItTaskActionSupport;

namespace KopUkm.Dashboard.Features.Assignments;

/// <summary>
/// The board (a column per status, capped, with "show more") and the list (filtered, sorted and paged in SQL) of the
/// tasks the user may see, and the tasks raised from one ticket, content item or case.
/// </summary>
public sealed class ItTaskLists(IDbContextFactory<AppDbContext> dbFactory, AccessGuard guard, ItTaskSources taskSources, TimeProvider clock)
{
    /// <summary>Cards per board column before "show more".</summary>
    public const int BoardColumnSize = 20;

    /// <summary>The most a column loads, however often "show more" is pressed: beyond this, use the list.</summary>
    public const int BoardColumnMax = 200;

    /// <summary>The Selesai column shows work finished in this many days; older finished work is only counted.</summary>
    public const int RecentlyDoneDays = 14;

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
        var query = Filter(Visible(db.Set<ItTask>().AsNoTracking(), user), filter with { Status = null }, today, user);
        var recentFrom = clock.GetUtcNow().UtcDateTime.AddDays(-RecentlyDoneDays);
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
        var query = Filter(Visible(db.Set<ItTask>().AsNoTracking(), user), filter, today, user);
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
            (nameof(ItTaskCard.Id), true) => query.OrderByDescending(t => t.Id),
            _ => ByUrgency(query, today),
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

    /// <summary>
    /// The list's default order, as every queue's (docs/sla.md): overdue first, the longest overdue at the top; then
    /// due today or on the next day ("at risk"), earliest first; then the rest, newest first. In SQL, so paging keeps it.
    /// </summary>
    internal static IOrderedQueryable<ItTask> ByUrgency(IQueryable<ItTask> query, DateOnly today)
    {
        var soon = today.AddDays(1);
        return query
            .OrderBy(t => t.Status != ItTaskStatus.Selesai && t.DueDate < today ? 0 : t.Status != ItTaskStatus.Selesai && t.DueDate <= soon ? 1 : 2)
            .ThenBy(t => t.Status != ItTaskStatus.Selesai && t.DueDate <= soon ? t.DueDate : DateOnly.MinValue)
            .ThenByDescending(t => t.Id);
    }

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

    private static IQueryable<ItTask> Filter(IQueryable<ItTask> query, ItTaskFilter filter, DateOnly today, UserContext user)
    {
        if (filter.AssignedToMe)
        {
            // The acting user's own tasks, whoever the page thinks is signed in.
            var me = user.UserId ?? "";
            query = query.Where(t => t.AssigneeId == me);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(t => t.Status == status);
        }

        else if (filter.OpenOnly)
        {
            query = query.Where(t => t.Status != ItTaskStatus.Selesai);
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
            // A code is looked up exactly (indexed); anything else searches titles.
            query = upper.StartsWith("TI-", StringComparison.Ordinal)
                ? query.Where(t => t.Code == upper)
                : query.WhereContains(term, t => t.Title);
        }

        return query;
    }

    private static IQueryable<CardRow> Project(IQueryable<ItTask> query) =>
        query.Select(t => new CardRow(
            t.Id, t.Code, t.Title, t.Priority, t.Status, t.DueDate, t.AssigneeId, t.AssigneeName, t.EstimateHours,
            t.RequestingDivisionId, t.RequestingDivision!.Code, t.SourceKind, t.SourceId, t.WaitingReason, t.CompletedAtUtc, t.Version));

    private async Task<List<ItTaskCard>> CardsAsync(List<CardRow> rows, UserContext user, DateOnly today, CancellationToken ct)
    {
        var sources = await taskSources.ResolveSourcesAsync(
            [.. rows.Where(r => r.SourceKind != WorkItemKind.None && r.SourceId is not null).Select(r => (r.SourceKind, r.SourceId!.Value))], ct);
        return [.. rows.Select(r => new ItTaskCard(
            r.Id, r.Code, r.Title, r.Priority, r.Status, r.DueDate, ItTaskRules.IsOverdue(r.DueDate, r.Status, today),
            r.AssigneeId, r.AssigneeName, r.EstimateHours, r.DivisionCode,
            r.SourceId is { } sid ? sources.GetValueOrDefault((r.SourceKind, sid)) : null,
            r.WaitingReason, r.CompletedAtUtc, r.Version, AllowedMoves(user, r.Status, r.AssigneeId)))];
    }

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
    string? Search = null,
    bool OpenOnly = false,
    bool AssignedToMe = false);

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

/// <param name="OlderCount">Selesai only: tasks finished before the board's window, counted but not loaded.</param>
public sealed record ItTaskColumn(ItTaskStatus Status, IReadOnlyList<ItTaskCard> Cards, int TotalCount, int OlderCount);

public sealed record ItTaskBoardView(IReadOnlyList<ItTaskColumn> Columns);
