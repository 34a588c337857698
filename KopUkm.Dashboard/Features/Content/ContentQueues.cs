using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Content;

/// <summary>
/// The content queues: each division's pages and posts with their queue state and freshness, the headline counts,
/// and the divisions a user may file content under. A scoped user only ever sees their own division.
/// </summary>
public sealed class ContentQueues(IDbContextFactory<AppDbContext> dbFactory, AccessGuard guard, TimeProvider clock)
{
    /// <summary>The queue's headline: counts per state, oldest waiting item, due soon, overdue and broken.</summary>
    public async Task<ContentQueueSummary> GetSummaryAsync(int? divisionId, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewContent);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Scope(db.Set<ContentItem>().AsNoTracking(), user, divisionId);

        var byState = await query.GroupBy(c => c.State).Select(g => new { State = g.Key, Count = g.Count() }).ToListAsync(ct);
        var live = query.Where(LiveContent.IsLive);
        var dueSoon = await live.CountAsync(c => c.Freshness == ContentFreshness.DueSoon, ct);
        var overdue = await live.CountAsync(c => c.Freshness == ContentFreshness.Overdue, ct);
        var broken = await live.CountAsync(c => c.LiveStatus == LiveStatus.Broken, ct);
        var awaiting = ContentWorkflow.AwaitingAction;
        var oldest = await query.Where(c => awaiting.Contains(c.State)).OrderBy(c => c.StateChangedAtUtc).Select(c => (DateTime?)c.StateChangedAtUtc).FirstOrDefaultAsync(ct);

        return new ContentQueueSummary(
            Enum.GetValues<ContentState>().ToDictionary(s => s, s => byState.FirstOrDefault(b => b.State == s)?.Count ?? 0),
            oldest is { } since ? (int)(clock.GetUtcNow().UtcDateTime - since).TotalDays : null,
            dueSoon,
            overdue,
            broken);
    }

    /// <summary>One page of the queue: filtered, searched and sorted in SQL; a scoped user only ever sees their own division.</summary>
    public async Task<PagedResult<ContentRow>> ListAsync(PageRequest request, ContentFilter filter, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewContent);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Scope(db.Set<ContentItem>().AsNoTracking(), user, filter.DivisionId);
        query = Filter(query, filter, request.Search, user);
        var total = await query.CountAsync(ct);
        IOrderedQueryable<ContentItem> ordered = (request.SortBy, request.Descending) switch
        {
            (nameof(ContentRow.Title), false) => query.OrderBy(c => c.Title),
            (nameof(ContentRow.Title), true) => query.OrderByDescending(c => c.Title),
            (nameof(ContentRow.StateChangedAtUtc), false) => query.OrderBy(c => c.StateChangedAtUtc),
            (nameof(ContentRow.StateChangedAtUtc), true) => query.OrderByDescending(c => c.StateChangedAtUtc),
            (nameof(ContentRow.LastReviewedAtUtc), false) => query.OrderBy(c => c.LastReviewedAtUtc),
            (nameof(ContentRow.LastReviewedAtUtc), true) => query.OrderByDescending(c => c.LastReviewedAtUtc),
            (nameof(ContentRow.ReviewDueAtUtc), true) => query.OrderByDescending(c => c.ReviewDueAtUtc),
            // Default: what is due first comes first; items without a review date after, newest change first.
            _ => query.OrderBy(c => c.ReviewDueAtUtc == null).ThenBy(c => c.ReviewDueAtUtc).ThenByDescending(c => c.StateChangedAtUtc),
        };

        var rows = await ordered.ThenBy(c => c.Id).Skip(request.Skip).Take(request.Take)
            .Select(c => new ContentRow(
                c.Id, c.Title, c.Kind, c.Channel, c.Url, c.OwnerDivisionId, c.OwnerDivision!.Code, c.EditorName, c.Category, c.State,
                c.StateChangedAtUtc, c.PublishedAtUtc, c.LastReviewedAtUtc, c.ReviewDueAtUtc, c.Freshness, c.StaleReason, c.LiveStatus, c.BrokenLinkCount))
            .ToListAsync(ct);
        return new PagedResult<ContentRow>(rows, total);
    }

    /// <summary>Divisions the user may file content under (their own, or all for IT staff and administrators).</summary>
    public async Task<IReadOnlyList<DivisionOption>> ListDivisionsAsync(CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewContent);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Set<Division>().AsNoTracking().Where(d => d.IsActive);
        if (!ContentAccess.SeesAll(user))
        {
            query = query.Where(d => d.Id == user.DivisionId);
        }

        return await query.OrderBy(d => d.Code).Select(d => new DivisionOption(d.Id, d.Code, d.Name)).ToListAsync(ct);
    }

    private static IQueryable<ContentItem> Scope(IQueryable<ContentItem> query, UserContext user, int? divisionId)
    {
        if (!ContentAccess.SeesAll(user))
        {
            // Whatever the page asked for, a scoped user only ever sees their own division's queue.
            return query.Where(c => c.OwnerDivisionId == user.DivisionId);
        }

        return divisionId is { } id ? query.Where(c => c.OwnerDivisionId == id) : query;
    }

    private static IQueryable<ContentItem> Filter(IQueryable<ContentItem> query, ContentFilter filter, string? search, UserContext user)
    {
        if (filter.State is { } state)
        {
            query = query.Where(c => c.State == state);
        }
        else if (!filter.IncludeArchived)
        {
            query = query.Where(c => c.State != ContentState.Diarsipkan);
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(c => c.Kind == kind);
        }

        if (filter.Channel is { } channel)
        {
            query = query.Where(c => c.Channel == channel);
        }

        query = filter.Attention switch
        {
            ContentAttention.Overdue => query.Where(c => c.Freshness == ContentFreshness.Overdue),
            ContentAttention.DueSoon => query.Where(c => c.Freshness == ContentFreshness.DueSoon),
            ContentAttention.Broken => query.Where(LiveContent.IsLive).Where(c => c.LiveStatus == LiveStatus.Broken),
            ContentAttention.BrokenLinks => query.Where(c => c.BrokenLinkCount > 0),
            ContentAttention.NoEditor => query.Where(c => c.EditorUserId == null && c.State != ContentState.Diarsipkan),
            _ => query,
        };

        if (filter.MineOnly)
        {
            query = query.Where(c => c.EditorUserId == user.UserId);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            query = query.WhereContains(search, c => c.Title, c => c.Url);
        }

        return query;
    }
}

public sealed record ContentQueueSummary(
    IReadOnlyDictionary<ContentState, int> CountByState, int? OldestWaitingDays, int DueSoon, int Overdue, int Broken);

public sealed record ContentRow(
    long Id,
    string Title,
    ContentKind Kind,
    ContentChannel Channel,
    string? Url,
    int DivisionId,
    string DivisionCode,
    string? EditorName,
    InformationCategory Category,
    ContentState State,
    DateTime StateChangedAtUtc,
    DateTime? PublishedAtUtc,
    DateTime? LastReviewedAtUtc,
    DateTime? ReviewDueAtUtc,
    ContentFreshness Freshness,
    StaleReason StaleReason,
    LiveStatus LiveStatus,
    int BrokenLinkCount);

public sealed record DivisionOption(int Id, string Code, string Name);

public enum ContentAttention
{
    Any = 0,
    Overdue = 1,
    DueSoon = 2,
    Broken = 3,
    BrokenLinks = 4,
    NoEditor = 5,
}

public sealed record ContentFilter
{
    public int? DivisionId { get; init; }

    public ContentState? State { get; init; }

    public ContentKind? Kind { get; init; }

    public ContentChannel? Channel { get; init; }

    public ContentAttention Attention { get; init; }

    public bool MineOnly { get; init; }

    public bool IncludeArchived { get; init; }
}
