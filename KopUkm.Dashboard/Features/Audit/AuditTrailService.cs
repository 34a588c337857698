using System.Text.Json;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.Auditing;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Localization;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Audit;

/// <summary>Reads the append-only audit trail: the whole log for administrators, one record's history for features.</summary>
public sealed class AuditTrailService(IDbContextFactory<AppDbContext> dbFactory, AccessGuard guard)
{
    /// <summary>The office-wide log, newest first, filtered and paged in the database.</summary>
    public async Task<PagedResult<AuditRow>> ListAsync(PageRequest request, AuditFilter filter, CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Set<AuditEntry>().AsNoTracking();
        if (!string.IsNullOrEmpty(filter.EntityType))
        {
            query = query.Where(a => a.EntityType == filter.EntityType);
        }

        if (filter.FromWib is { } from)
        {
            var fromUtc = WibTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            query = query.Where(a => a.OccurredAtUtc >= fromUtc);
        }

        if (filter.ToWib is { } to)
        {
            var toUtc = WibTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            query = query.Where(a => a.OccurredAtUtc < toUtc);
        }

        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var term = request.Search.Trim();
            // A name anywhere in the actor's name, or a record's key exactly.
            query = query.Where(TextSearch.Matching<AuditEntry>(term, a => a.ActorName).Or(a => a.EntityKey == term));
        }

        var total = await query.CountAsync(ct);
        var ordered = request.Descending || request.SortBy is null
            ? query.OrderByDescending(a => a.OccurredAtUtc).ThenByDescending(a => a.Id)
            : query.OrderBy(a => a.OccurredAtUtc).ThenBy(a => a.Id);
        var rows = await ordered.Skip(request.Skip).Take(request.Take).ToListAsync(ct);
        return new PagedResult<AuditRow>([.. rows.Select(ToRow)], total);
    }

    /// <summary>Entity types present in the log, for the filter.</summary>
    public async Task<IReadOnlyList<string>> ListEntityTypesAsync(CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<AuditEntry>().AsNoTracking().Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
    }

    /// <summary>
    /// Every change to one record, oldest first: the raw material of a case's timeline. Callers check that the user
    /// may see the record before asking.
    /// </summary>
    public async Task<IReadOnlyList<AuditRow>> HistoryOfAsync(string entityType, string key, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<AuditEntry>().AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityKey == key)
            .OrderBy(a => a.OccurredAtUtc).ThenBy(a => a.Id)
            .ToListAsync(ct);
        return [.. rows.Select(ToRow)];
    }

    private static AuditRow ToRow(AuditEntry a) => new(
        a.Id,
        a.OccurredAtUtc,
        a.ActorName,
        a.EntityType,
        a.EntityKey,
        a.Action,
        JsonSerializer.Deserialize<List<AuditFieldChange>>(a.ChangesJson) ?? []);
}

public sealed record AuditFilter(string? EntityType = null, DateOnly? FromWib = null, DateOnly? ToWib = null);

public sealed record AuditRow(long Id, DateTime OccurredAtUtc, string ActorName, string EntityType, string EntityKey, AuditAction Action, IReadOnlyList<AuditFieldChange> Changes);
