using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Cooperatives.Cases;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Features.Cooperatives;

/// <summary>
/// The province's cooperative register: search and list for everyone, create and edit for the cooperative
/// divisions. Every list filters, sorts and pages in the database.
/// </summary>
public sealed class CooperativeService(
    IDbContextFactory<AppDbContext> dbFactory,
    AccessGuard guard,
    IOptions<CooperativeOptions> options,
    TimeProvider clock)
{
    public async Task<PagedResult<CooperativeRow>> ListAsync(PageRequest request, CooperativeFilter filter, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewCooperatives);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Filter(db, db.Set<Cooperative>().AsNoTracking(), filter, request.Search, user);
        var total = await query.CountAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;

        // The page's ids first, then its rows: sorting and skipping carry only ids and sort keys, and the open-case
        // lookup runs for the 25 rows shown rather than for every row sorted (docs/performance.md).
        var pageIds = Sort(db, query, request).Skip(request.Skip).Take(request.Take).Select(c => c.Id);
        var rows = Sort(db, db.Set<Cooperative>().AsNoTracking().Where(c => pageIds.Contains(c.Id)), request).Select(c => new
        {
            c.Id,
            c.Name,
            c.Type,
            RegionName = c.Region!.Name,
            c.ActivityStatus,
            c.Nik,
            c.Nib,
            c.MemberCount,
            c.LastRatYear,
            c.NeedsSupervision,
            OpenCase = db.Set<RegistrationCase>()
                .Where(rc => rc.CooperativeId == c.Id && rc.ClosedAtUtc == null)
                .OrderByDescending(rc => rc.Id)
                .Select(rc => new { rc.Id, rc.Stage, rc.StageDueAtUtc })
                .FirstOrDefault(),
        });
        var page = await rows.ToListAsync(ct);
        return new PagedResult<CooperativeRow>(
            [.. page.Select(r => new CooperativeRow(
                r.Id, r.Name, r.Type, r.RegionName, r.ActivityStatus, r.Nik, r.Nib, r.MemberCount, r.LastRatYear, r.NeedsSupervision,
                r.OpenCase?.Id, r.OpenCase?.Stage, r.OpenCase?.StageDueAtUtc < now)
            {
                OpenCaseDueAtUtc = r.OpenCase?.StageDueAtUtc,
            })],
            total);
    }

    /// <summary>The sort key for "the open case due first" (the home page's registration stages): overdue stages on top.</summary>
    public const string StageDueSort = "StageDue";

    private static IQueryable<Cooperative> Sort(AppDbContext db, IQueryable<Cooperative> query, PageRequest request) => (request.SortBy, request.Descending) switch
    {
        (StageDueSort, _) => query
            .OrderBy(c => db.Set<RegistrationCase>().Where(rc => rc.CooperativeId == c.Id && rc.ClosedAtUtc == null).Min(rc => rc.StageDueAtUtc) == null)
            .ThenBy(c => db.Set<RegistrationCase>().Where(rc => rc.CooperativeId == c.Id && rc.ClosedAtUtc == null).Min(rc => rc.StageDueAtUtc))
            .ThenBy(c => c.Id),
        (nameof(CooperativeRow.RegionName), false) => query.OrderBy(c => c.Region!.Name).ThenBy(c => c.Name),
        (nameof(CooperativeRow.RegionName), true) => query.OrderByDescending(c => c.Region!.Name).ThenBy(c => c.Name),
        (nameof(CooperativeRow.Type), false) => query.OrderBy(c => c.Type).ThenBy(c => c.Name),
        (nameof(CooperativeRow.Type), true) => query.OrderByDescending(c => c.Type).ThenBy(c => c.Name),
        (nameof(CooperativeRow.MemberCount), false) => query.OrderBy(c => c.MemberCount).ThenBy(c => c.Id),
        (nameof(CooperativeRow.MemberCount), true) => query.OrderByDescending(c => c.MemberCount).ThenBy(c => c.Id),
        (nameof(CooperativeRow.LastRatYear), false) => query.OrderBy(c => c.LastRatYear).ThenBy(c => c.Id),
        (nameof(CooperativeRow.LastRatYear), true) => query.OrderByDescending(c => c.LastRatYear).ThenBy(c => c.Id),
        (_, true) => query.OrderByDescending(c => c.Name).ThenBy(c => c.Id),
        _ => query.OrderBy(c => c.Name).ThenBy(c => c.Id),
    };

    /// <summary>The same filters as the list, for exports: every matching row, in name order.</summary>
    public async Task<IReadOnlyList<Cooperative>> ExportAsync(CooperativeFilter filter, string? search, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewCooperatives);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Filter(db, db.Set<Cooperative>().AsNoTracking().Include(c => c.Region), filter, search, user)
            .OrderBy(c => c.Name).ThenBy(c => c.Id)
            .ToListAsync(ct);
    }

    public async Task<CooperativeDetail?> GetAsync(int id, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewCooperatives);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cooperative = await db.Set<Cooperative>().AsNoTracking().Include(c => c.Region).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (cooperative is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var cases = await db.Set<RegistrationCase>().AsNoTracking()
            .Where(rc => rc.CooperativeId == id)
            .OrderByDescending(rc => rc.SubmittedAtUtc)
            .Select(rc => new CaseSummary(rc.Id, rc.Kind, rc.Stage, rc.SubmittedAtUtc, rc.StageDueAtUtc, rc.StageDueAtUtc < now, rc.ClosedAtUtc, rc.AssignedUserName))
            .ToListAsync(ct);
        return new CooperativeDetail(CooperativeForm.From(cooperative), cooperative.Region!.Name, cooperative.NeedsSupervision, cooperative.SupervisionReasons, cases, CooperativeAccess.CanWork(user, options.Value));
    }

    /// <summary>Other cooperatives with the same normalized name in the same region: a warning, not a refusal.</summary>
    public async Task<IReadOnlyList<DuplicateCandidate>> FindSimilarNamesAsync(CooperativeForm form, CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.ViewCooperatives);
        var normalized = CooperativeRules.NormalizeName(form.Name);
        if (normalized.Length == 0)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Cooperative>().AsNoTracking()
            .Where(c => c.RegionId == form.RegionId && c.NormalizedName == normalized && c.Id != form.Id)
            .OrderBy(c => c.Id)
            .Take(5)
            .Select(c => new DuplicateCandidate(c.Id, c.Name, c.Nik, c.Nib))
            .ToListAsync(ct);
    }

    public async Task<SaveCooperativeResult> CreateAsync(CooperativeForm form, CancellationToken ct = default) =>
        await SaveAsync(form, isNew: true, ct);

    public async Task<SaveCooperativeResult> UpdateAsync(CooperativeForm form, CancellationToken ct = default) =>
        await SaveAsync(form, isNew: false, ct);

    private async Task<SaveCooperativeResult> SaveAsync(CooperativeForm form, bool isNew, CancellationToken ct)
    {
        var user = await guard.DemandAsync(Permissions.ViewCooperatives);
        if (!CooperativeAccess.CanWork(user, options.Value))
        {
            throw new AccessDeniedException($"User '{user.DisplayName}' may not edit cooperatives.");
        }

        var today = DateOnly.FromDateTime(WibTime.ToWib(clock.GetUtcNow().UtcDateTime));
        var errors = CooperativeRules.Validate(form, today);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        errors.AddRange(await FindIdentifierClashesAsync(db, form, ct));
        if (form.RegionId > 0 && !await db.Set<Region>().AnyAsync(r => r.Id == form.RegionId, ct))
        {
            errors.Add(new CommandError(nameof(form.RegionId), "Validation.Required", []));
        }

        if (errors.Count > 0)
        {
            return new SaveCooperativeResult(new CommandResult(errors), null);
        }

        Cooperative? cooperative;
        if (isNew)
        {
            cooperative = new Cooperative { Name = form.Name, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
            db.Add(cooperative);
        }
        else
        {
            cooperative = await db.FindForUpdateAsync<Cooperative>(form.Id, form.Version, ct);
            if (cooperative is null)
            {
                return new SaveCooperativeResult(CommandResult.Conflict(), null);
            }
        }

        form.ApplyTo(cooperative);
        var result = await db.TrySaveAsync(ct);
        return new SaveCooperativeResult(result, result.Succeeded ? cooperative.Id : null);
    }

    /// <summary>An NIK or NIB already held by another cooperative is refused outright.</summary>
    internal static async Task<List<CommandError>> FindIdentifierClashesAsync(AppDbContext db, CooperativeForm form, CancellationToken ct)
    {
        var errors = new List<CommandError>();
        var nik = form.Nik.Trim();
        var nib = form.Nib.Trim();
        if (nik.Length > 0 && await db.Set<Cooperative>().AnyAsync(c => c.Nik == nik && c.Id != form.Id, ct))
        {
            errors.Add(new CommandError(nameof(form.Nik), "Cooperatives.DuplicateNik", [nik]));
        }

        if (nib.Length > 0 && await db.Set<Cooperative>().AnyAsync(c => c.Nib == nib && c.Id != form.Id, ct))
        {
            errors.Add(new CommandError(nameof(form.Nib), "Cooperatives.DuplicateNib", [nib]));
        }

        return errors;
    }

    private IQueryable<Cooperative> Filter(AppDbContext db, IQueryable<Cooperative> query, CooperativeFilter filter, string? search, UserContext user)
    {
        if (filter.RegionId is { } regionId)
        {
            query = query.Where(c => c.RegionId == regionId);
        }

        if (filter.Type is { } type)
        {
            query = query.Where(c => c.Type == type);
        }

        if (filter.ActivityStatus is { } status)
        {
            query = query.Where(c => c.ActivityStatus == status);
        }

        if (filter.NeedsSupervision)
        {
            query = query.Where(c => c.NeedsSupervision);
        }

        var cases = db.Set<RegistrationCase>().Where(rc => rc.ClosedAtUtc == null);
        if (filter.Stage is { } stage)
        {
            query = query.Where(c => cases.Any(rc => rc.CooperativeId == c.Id && rc.Stage == stage));
        }

        if (filter.OpenCase)
        {
            query = query.Where(c => cases.Any(rc => rc.CooperativeId == c.Id));
        }

        if (filter.AssignedToMe)
        {
            var me = user.UserId;
            query = query.Where(c => cases.Any(rc => rc.CooperativeId == c.Id && rc.AssignedUserId == me));
        }

        if (filter.Overdue)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            query = query.Where(c => cases.Any(rc => rc.CooperativeId == c.Id && rc.StageDueAtUtc < now));
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            var normalized = CooperativeRules.NormalizeName(term);
            query = term.All(char.IsAsciiDigit)
                ? query.Where(c => c.Nik!.StartsWith(term) || c.Nib!.StartsWith(term))
                : query.WhereContains(normalized, c => c.NormalizedName);
        }

        return query;
    }
}

public sealed record CooperativeFilter(
    int? RegionId = null,
    CooperativeType? Type = null,
    ActivityStatus? ActivityStatus = null,
    CaseStage? Stage = null,
    bool AssignedToMe = false,
    bool Overdue = false,
    bool NeedsSupervision = false,
    bool OpenCase = false);

public sealed record CooperativeRow(
    int Id,
    string Name,
    CooperativeType Type,
    string RegionName,
    ActivityStatus ActivityStatus,
    string? Nik,
    string? Nib,
    int MemberCount,
    int? LastRatYear,
    bool NeedsSupervision,
    int? OpenCaseId,
    CaseStage? OpenCaseStage,
    bool OpenCaseOverdue)
{
    /// <summary>When the open case's current stage is due (its stage target), if it has one.</summary>
    public DateTime? OpenCaseDueAtUtc { get; init; }
}

public sealed record CaseSummary(int Id, CaseKind Kind, CaseStage Stage, DateTime SubmittedAtUtc, DateTime? StageDueAtUtc, bool IsOverdue, DateTime? ClosedAtUtc, string? AssignedUserName);

public sealed record CooperativeDetail(CooperativeForm Data, string RegionName, bool NeedsSupervision, SupervisionReason SupervisionReasons, IReadOnlyList<CaseSummary> Cases, bool CanEdit);

public sealed record DuplicateCandidate(int Id, string Name, string? Nik, string? Nib);

public sealed record SaveCooperativeResult(CommandResult Result, int? Id);
