using System.Globalization;
using System.Text.Json;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.Auditing;
using KopUkm.Dashboard.Features.Account;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Audit;

/// <summary>Reads the append-only audit trail: the whole log for administrators, one record's history for features.</summary>
public sealed class AuditTrailService(IDbContextFactory<AppDbContext> dbFactory, AccessGuard guard)
{
    /// <summary>
    /// The office-wide log, newest first, filtered and paged in the database. Ids in the changes come back as the names
    /// they stand for (divisions, people, roles). Unless <see cref="AuditFilter.IncludeProjections"/>, rows that only
    /// recorded recomputed columns are left out, and so are such columns within other rows.
    /// </summary>
    public async Task<PagedResult<AuditRow>> ListAsync(PageRequest request, AuditFilter filter, CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Filtered(db.Set<AuditEntry>().AsNoTracking(), filter);
        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderByDescending(a => a.OccurredAtUtc).ThenByDescending(a => a.Id)
            .Skip(request.Skip).Take(request.Take)
            .ToListAsync(ct);
        return new PagedResult<AuditRow>(await DescribeAsync(db, rows, filter.IncludeProjections, ct), total);
    }

    /// <summary>The entity types the trail records, for the filter (from the model: no scan of the log).</summary>
    public async Task<IReadOnlyList<string>> ListEntityTypesAsync(CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return AuditTrailWriter.AuditedEntityNames(db.Model);
    }

    /// <summary>Who can have acted, for the filter: every account by name, the system, and each job found in the log.</summary>
    public async Task<IReadOnlyList<AuditActorOption>> ListActorsAsync(CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var people = await db.Set<ApplicationUser>().AsNoTracking()
            .OrderBy(u => u.FullName).ThenBy(u => u.Id)
            .Select(u => new AuditActorOption(AuditActorKind.Person, u.Id, u.FullName))
            .ToListAsync(ct);
        var jobs = await db.Set<AuditEntry>().AsNoTracking()
            .Where(a => a.ActorJob != null)
            .Select(a => a.ActorJob!)
            .Distinct()
            .OrderBy(j => j)
            .ToListAsync(ct);
        return [.. people, new AuditActorOption(AuditActorKind.System, null, AuditActor.System.Name), .. jobs.Select(j => new AuditActorOption(AuditActorKind.Job, j, j))];
    }

    /// <summary>
    /// Every change to one record, oldest first. Administrators only, like the audit page: it shows every field, and
    /// nothing here knows which division a record belongs to (a timeline for a record's own readers would check that
    /// record first).
    /// </summary>
    public async Task<IReadOnlyList<AuditRow>> HistoryOfAsync(string entityType, string key, CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<AuditEntry>().AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityKey == key)
            .OrderBy(a => a.OccurredAtUtc).ThenBy(a => a.Id)
            .ToListAsync(ct);
        return await DescribeAsync(db, rows, includeDerived: true, ct);
    }

    private static IQueryable<AuditEntry> Filtered(IQueryable<AuditEntry> query, AuditFilter filter)
    {
        if (!filter.IncludeProjections)
        {
            query = query.Where(a => !a.IsProjection);
        }

        if (!string.IsNullOrEmpty(filter.EntityType))
        {
            query = query.Where(a => a.EntityType == filter.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityKey))
        {
            var key = filter.EntityKey.Trim();
            query = query.Where(a => a.EntityKey == key);
        }

        query = filter.Actor switch
        {
            { Kind: AuditActorKind.Person, Id: { } userId } => query.Where(a => a.ActorUserId == userId),
            { Kind: AuditActorKind.Job, Id: { } job } => query.Where(a => a.ActorJob == job),
            { Kind: AuditActorKind.System } => query.Where(a => a.ActorUserId == null && a.ActorJob == null),
            _ => query,
        };

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

        return query;
    }

    /// <summary>Gives each change its kind and swaps the ids in this page of rows for names, in one query per kind of id.</summary>
    private static async Task<IReadOnlyList<AuditRow>> DescribeAsync(AppDbContext db, List<AuditEntry> entries, bool includeDerived, CancellationToken ct)
    {
        var catalog = AuditFieldCatalog.Of(db.Model);
        var parsed = entries.Select(e => (Entry: e, Changes: (JsonSerializer.Deserialize<List<AuditFieldChange>>(e.ChangesJson) ?? [])
                .Select(c => (Change: c, Field: catalog.Find(e.EntityType, c.Field)))
                .Where(c => includeDerived || !c.Field.IsDerived || e.IsProjection)
                .ToList()))
            .ToList();
        var keyParts = parsed.ToDictionary(p => p.Entry.Id, p => KeyParts(catalog, p.Entry));

        IEnumerable<string?> ValuesOf(AuditValueKind kind) =>
            parsed.SelectMany(p => p.Changes.Where(c => c.Field.Kind == kind).SelectMany(c => new[] { c.Change.Old, c.Change.New }))
                .Concat(keyParts.Values.SelectMany(parts => parts.Where(k => k.Kind == kind).Select(k => (string?)k.Value)));

        var divisionIds = ValuesOf(AuditValueKind.Division)
            .Select(v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : (int?)null)
            .OfType<int>().Distinct().ToList();
        var userIds = ValuesOf(AuditValueKind.User).OfType<string>().Distinct().ToList();
        var roleIds = ValuesOf(AuditValueKind.Role).OfType<string>().Distinct().ToList();

        var divisions = divisionIds.Count == 0
            ? []
            : await db.Set<Division>().AsNoTracking().Where(d => divisionIds.Contains(d.Id))
                .ToDictionaryAsync(d => d.Id.ToString(CultureInfo.InvariantCulture), d => d.Name, ct);
        var users = userIds.Count == 0
            ? []
            : await db.Set<ApplicationUser>().AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var roles = roleIds.Count == 0
            ? []
            : await db.Set<IdentityRole>().AsNoTracking().Where(r => roleIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name ?? r.Id, ct);

        string? Named(AuditValueKind kind, string? value) => value is null
            ? null
            : kind switch
            {
                AuditValueKind.Division => divisions.GetValueOrDefault(value, value),
                AuditValueKind.User => users.GetValueOrDefault(value, value),
                AuditValueKind.Role => roles.GetValueOrDefault(value, value),
                _ => value,
            };

        return [.. parsed.Select(p => new AuditRow(
            p.Entry.Id,
            p.Entry.OccurredAtUtc,
            p.Entry.ActorUserId,
            p.Entry.ActorName,
            p.Entry.ActorJob,
            p.Entry.EntityType,
            p.Entry.EntityKey,
            keyParts[p.Entry.Id].Any(k => k.Kind is AuditValueKind.Division or AuditValueKind.User or AuditValueKind.Role)
                ? string.Join(" · ", keyParts[p.Entry.Id].Select(k => Named(k.Kind, k.Value)))
                : null,
            p.Entry.Action,
            [.. p.Changes.Select(c => new AuditChange(
                c.Change.Field, c.Field, Named(c.Field.Kind, c.Change.Old), Named(c.Field.Kind, c.Change.New)))],
            p.Entry.IsProjection))];
    }

    /// <summary>The record's key split into its parts, each with its kind; none when the key does not fit the model's.</summary>
    private static List<(AuditValueKind Kind, string Value)> KeyParts(AuditFieldCatalog catalog, AuditEntry entry)
    {
        var kinds = catalog.KeyOf(entry.EntityType);
        var parts = entry.EntityKey.Split('/');
        return parts.Length == kinds.Count ? [.. kinds.Zip(parts)] : [];
    }
}

public enum AuditActorKind
{
    Person = 1,
    System = 2,
    Job = 3,
}

/// <param name="Id">The account id of a person, the class name of a job; null for the system.</param>
/// <param name="Name">A person's full name, "Sistem", or the job's class name (the page shows its label).</param>
public sealed record AuditActorOption(AuditActorKind Kind, string? Id, string Name);

/// <param name="FromWib">First day, in WIB, of the rows wanted.</param>
/// <param name="ToWib">Last day, in WIB, of the rows wanted.</param>
/// <param name="EntityKey">One record's key (with <paramref name="EntityType"/>, one record's history).</param>
/// <param name="Actor">Only what this person, the system or this job did.</param>
/// <param name="IncludeProjections">Also the automatic updates of recomputed columns recorded before they were left out.</param>
public sealed record AuditFilter(
    string? EntityType = null,
    DateOnly? FromWib = null,
    DateOnly? ToWib = null,
    string? EntityKey = null,
    AuditActorOption? Actor = null,
    bool IncludeProjections = false);

/// <param name="KeyName">A readable name for the record when its key is ids: an account's full name, "name · role" for a role given.</param>
/// <param name="IsProjection">An automatic update of recomputed columns, recorded before those were left out.</param>
public sealed record AuditRow(
    long Id,
    DateTime OccurredAtUtc,
    string? ActorUserId,
    string ActorName,
    string? ActorJob,
    string EntityType,
    string EntityKey,
    string? KeyName,
    AuditAction Action,
    IReadOnlyList<AuditChange> Changes,
    bool IsProjection);

/// <summary>One field's change as stored, except that ids of divisions, people and roles are already their names.</summary>
public sealed record AuditChange(string Field, AuditField Info, string? Old, string? New);
