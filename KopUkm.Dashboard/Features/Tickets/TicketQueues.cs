using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Tickets;

/// <summary>
/// The ticket queues: mine, my division's and (for those who see all divisions) everyone's, filtered, searched,
/// sorted and paged in SQL. A user who sees one division only ever gets that division's tickets.
/// </summary>
public sealed class TicketQueues(IDbContextFactory<AppDbContext> dbFactory, AccessGuard guard)
{
    /// <summary>One page of a queue, with the total count of tickets matching the filter and search.</summary>
    public async Task<PagedResult<TicketRow>> ListAsync(PageRequest request, TicketFilter filter, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewTickets);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Set<Ticket>().AsNoTracking();
        query = filter.Queue switch
        {
            TicketQueueKind.Mine => query.Where(t => t.AssignedUserId == user.UserId),
            TicketQueueKind.Division => query.Where(t => t.DivisionId == (filter.DivisionId ?? user.DivisionId)),
            // The all-divisions queue narrowed by its division filter.
            _ when filter.DivisionId is { } division => query.Where(t => t.DivisionId == division),
            _ => query,
        };
        if (!TicketAccess.SeesAll(user))
        {
            // Whatever the queue asked for, a scoped user only ever sees their own division's tickets.
            query = query.Where(t => t.DivisionId == user.DivisionId);
        }

        query = Filter(db, query, filter, request.Search);
        var total = await query.CountAsync(ct);

        // The page's ids first, then its rows: sorting and skipping carry only ids and sort keys, so a filter that
        // matches thousands of tickets sorts those, not thousands of whole rows (docs/performance.md).
        var pageIds = Sort(query, request).Skip(request.Skip).Take(request.Take).Select(t => t.Id);
        var rows = await Sort(db.Set<Ticket>().AsNoTracking().Where(t => pageIds.Contains(t.Id)), request)
            .Select(t => new
            {
                t.Id, t.Code, t.ApplicantName, t.BusinessName, ServiceName = t.ServiceType!.NameId, DivisionCode = t.Division!.Code,
                t.Channel, t.Priority, t.Status, t.AssignedUserName, t.CreatedAtUtc, t.FirstResponseSla, t.ResolutionSla,
                t.ResolutionMinutesLeft, t.FirstResponseDueAtUtc, t.ResolutionDueAtUtc, t.DivisionId,
            })
            .ToListAsync(ct);
        return new PagedResult<TicketRow>(
            [.. rows.Select(r => new TicketRow(
                r.Id, r.Code, r.ApplicantName, r.BusinessName, r.ServiceName, r.DivisionCode, r.Channel, r.Priority, r.Status,
                r.AssignedUserName, r.CreatedAtUtc, r.FirstResponseSla, r.ResolutionSla, r.ResolutionMinutesLeft, r.ResolutionDueAtUtc,
                TicketAccess.CanAssign(user, r.DivisionId))
            {
                FirstResponseDueAtUtc = r.FirstResponseDueAtUtc,
            })],
            total);
    }

    private static IQueryable<Ticket> Sort(IQueryable<Ticket> query, PageRequest request) => (request.SortBy, request.Descending) switch
    {
        (nameof(TicketRow.Code), false) => query.OrderBy(t => t.Id),
        (nameof(TicketRow.Code), true) => query.OrderByDescending(t => t.Id),
        // Open tickets always carry minutes left; ordering on the bare column lets SQL walk its index.
        (nameof(TicketRow.ResolutionMinutesLeft), false) => query.OrderBy(t => t.ResolutionMinutesLeft).ThenBy(t => t.Id),
        (nameof(TicketRow.ResolutionMinutesLeft), true) => query.OrderByDescending(t => t.ResolutionMinutesLeft).ThenBy(t => t.Id),
        (nameof(TicketRow.Priority), false) => query.OrderBy(t => t.Priority).ThenBy(t => t.Id),
        (nameof(TicketRow.Priority), true) => query.OrderByDescending(t => t.Priority).ThenBy(t => t.Id),
        (nameof(TicketRow.CreatedAtUtc), false) => query.OrderBy(t => t.CreatedAtUtc).ThenBy(t => t.Id),
        (nameof(TicketRow.CreatedAtUtc), true) => query.OrderByDescending(t => t.CreatedAtUtc).ThenByDescending(t => t.Id),
        (DueNextSort, _) => ByUrgency(query, dueNext: true),
        _ => ByUrgency(query),
    };

    /// <summary>The home page's order: breached, at risk, then the one due next (least time left) rather than the newest.</summary>
    public const string DueNextSort = "UrgencyDueNext";

    /// <summary>The sort key of the urgency order, the queues' default (<see cref="ByUrgency"/>).</summary>
    public const string UrgencySort = "Urgency";

    /// <summary>
    /// The queues' default order (docs/sla.md): breached first, the longest overdue at the top; then at risk (a paused
    /// clock at risk included), least time left first; then everything else, newest first. Done in SQL, so paging keeps
    /// the order and the oldest breach is on the first page, not the last.
    /// </summary>
    internal static IOrderedQueryable<Ticket> ByUrgency(IQueryable<Ticket> query, bool dueNext = false) => dueNext
        ? query
            .OrderBy(t => t.ResolutionSla == SlaStatus.Breached || t.FirstResponseSla == SlaStatus.Breached ? 0
                : t.ResolutionSla == SlaStatus.AtRisk || t.ResolutionSla == SlaStatus.PausedRisk || t.FirstResponseSla == SlaStatus.AtRisk ? 1
                : 2)
            .ThenBy(t => t.ResolutionMinutesLeft == null)
            .ThenBy(t => t.ResolutionMinutesLeft)
            .ThenBy(t => t.Id)
        : query
        .OrderBy(t => t.ResolutionSla == SlaStatus.Breached || t.FirstResponseSla == SlaStatus.Breached ? 0
            : t.ResolutionSla == SlaStatus.AtRisk || t.ResolutionSla == SlaStatus.PausedRisk || t.FirstResponseSla == SlaStatus.AtRisk ? 1
            : 2)
        .ThenBy(t => t.ResolutionSla == SlaStatus.Breached || t.FirstResponseSla == SlaStatus.Breached
            || t.ResolutionSla == SlaStatus.AtRisk || t.ResolutionSla == SlaStatus.PausedRisk || t.FirstResponseSla == SlaStatus.AtRisk
                ? t.ResolutionMinutesLeft ?? 0
                : 0)
        .ThenByDescending(t => t.CreatedAtUtc)
        .ThenByDescending(t => t.Id);

    private static IQueryable<Ticket> Filter(AppDbContext db, IQueryable<Ticket> query, TicketFilter filter, string? search)
    {
        if (filter.Status is { } status)
        {
            query = query.Where(t => t.Status == status);
        }
        else if (filter.OpenOnly)
        {
            var open = TicketWorkflow.OpenStatuses;
            query = query.Where(t => open.Contains(t.Status));
        }

        if (filter.ServiceTypeId is { } service)
        {
            query = query.Where(t => t.ServiceTypeId == service);
        }

        if (filter.Channel is { } channel)
        {
            query = query.Where(t => t.Channel == channel);
        }

        if (filter.RegionId is { } region)
        {
            query = query.Where(t => t.RegionId == region);
        }

        if (filter.Sla is { } sla)
        {
            // A clock paused at risk is both: it belongs to the "at risk" list and to the "paused" one.
            var also = sla is SlaStatus.AtRisk or SlaStatus.Paused ? SlaStatus.PausedRisk : sla;
            query = query.Where(t => t.ResolutionSla == sla || t.FirstResponseSla == sla || t.ResolutionSla == also || t.FirstResponseSla == also);
        }

        if (filter.Unassigned)
        {
            query = query.Where(t => t.AssignedUserId == null);
        }
        else if (filter.AssigneeId is { } assignee)
        {
            query = query.Where(t => t.AssignedUserId == assignee);
        }

        if (filter.FromWib is { } from)
        {
            var fromUtc = Localization.WibTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            query = query.Where(t => t.CreatedAtUtc >= fromUtc);
        }

        if (filter.ToWib is { } to)
        {
            var toUtc = Localization.WibTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            query = query.Where(t => t.CreatedAtUtc < toUtc);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            var upper = term.ToUpperInvariant();
            // A code or a LAPOR! number is looked up exactly (indexed); digits are an NIB prefix; anything else is a name.
            query = upper.StartsWith("UMKM-", StringComparison.Ordinal)
                ? query.Where(t => t.Code == upper)
                : upper.StartsWith("LAPOR", StringComparison.Ordinal)
                    ? query.Where(t => t.LaporTrackingNumber == term)
                    : term.All(char.IsAsciiDigit) && term.Length >= 6
                        ? query.Where(t => t.Nib!.StartsWith(term))
                        : query.WhereContains(term, NameIndex(db), t => t.ApplicantName, t => t.BusinessName);
        }

        return query;
    }

    /// <summary>
    /// The trigram index over applicant and business names (migration TicketNameSearch, kept in step by triggers):
    /// it finds what a case-insensitive "contains" finds without reading every ticket.
    /// </summary>
    private static TrigramIndex<Ticket> NameIndex(AppDbContext db) => new(
        db.Database,
        t => t.Id,
        phrase => db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM \"TicketNameSearch\" WHERE \"TicketNameSearch\" MATCH {phrase}"));
}

public enum TicketQueueKind
{
    Mine = 1,
    Division = 2,
    All = 3,
}

public sealed record TicketFilter(
    TicketQueueKind Queue = TicketQueueKind.Division,
    int? DivisionId = null,
    TicketStatus? Status = null,
    bool OpenOnly = true,
    int? ServiceTypeId = null,
    TicketChannel? Channel = null,
    int? RegionId = null,
    SlaStatus? Sla = null,
    bool Unassigned = false,
    DateOnly? FromWib = null,
    DateOnly? ToWib = null,
    string? AssigneeId = null);

public sealed record TicketRow(
    int Id,
    string Code,
    string ApplicantName,
    string BusinessName,
    string ServiceName,
    string DivisionCode,
    TicketChannel Channel,
    WorkPriority Priority,
    TicketStatus Status,
    string? AssignedUserName,
    DateTime CreatedAtUtc,
    SlaStatus FirstResponseSla,
    SlaStatus ResolutionSla,
    int? ResolutionMinutesLeft,
    DateTime? ResolutionDueAtUtc,
    bool CanAssign)
{
    /// <summary>When the first-response clock runs out, while it runs.</summary>
    public DateTime? FirstResponseDueAtUtc { get; init; }
}
