using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Organization;

/// <summary>Divisions and regions: read by every feature, edited by administrators.</summary>
public sealed class OrganizationService(IDbContextFactory<AppDbContext> dbFactory, AccessGuard guard)
{
    /// <summary>Divisions for pickers and lists; any signed-in user may read them.</summary>
    public async Task<IReadOnlyList<DivisionItem>> ListDivisionsAsync(bool includeRetired = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Division>().AsNoTracking()
            .Where(d => includeRetired || d.IsActive)
            .OrderBy(d => d.Name)
            .Select(d => new DivisionItem(d.Id, d.Code, d.Name, d.NameEn, d.Description, d.IsActive, d.Version))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<RegionItem>> ListRegionsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Region>().AsNoTracking()
            .OrderBy(r => r.Code)
            .Select(r => new RegionItem(r.Id, r.Code, r.Name, r.Kind, r.IsActive, r.Version))
            .ToListAsync(ct);
    }

    public async Task<CommandResult> SaveDivisionAsync(DivisionItem item, CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.Administer);
        var code = item.Code.Trim().ToUpperInvariant();
        var errors = new List<CommandError>();
        if (code.Length is 0 or > 10 || !code.All(char.IsLetterOrDigit))
        {
            errors.Add(new(nameof(DivisionItem.Code), "Validation.Code", [10]));
        }

        if (string.IsNullOrWhiteSpace(item.Name))
        {
            errors.Add(new(nameof(DivisionItem.Name), "Validation.Required", []));
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Set<Division>().AnyAsync(d => d.Code == code && d.Id != item.Id, ct))
        {
            errors.Add(new(nameof(DivisionItem.Code), "Validation.DuplicateCode", [code]));
        }

        if (errors.Count > 0)
        {
            return new CommandResult(errors);
        }

        Division? division;
        if (item.Id == 0)
        {
            division = new Division { Code = code, Name = item.Name.Trim() };
            db.Add(division);
        }
        else
        {
            division = await db.FindForUpdateAsync<Division>(item.Id, item.Version, ct);
            if (division is null)
            {
                return CommandResult.Conflict();
            }
        }

        division.Code = code;
        division.Name = item.Name.Trim();
        division.NameEn = item.NameEn.Trim();
        division.Description = item.Description.Trim();
        division.IsActive = item.IsActive;
        return await db.TrySaveAsync(ct);
    }

    public async Task<CommandResult> SaveRegionAsync(RegionItem item, CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.Administer);
        if (string.IsNullOrWhiteSpace(item.Name))
        {
            return CommandResult.Fail("Validation.Required", nameof(RegionItem.Name));
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var region = await db.FindForUpdateAsync<Region>(item.Id, item.Version, ct);
        if (region is null)
        {
            return CommandResult.Conflict();
        }

        region.Name = item.Name.Trim();
        region.Kind = item.Kind;
        region.IsActive = item.IsActive;
        return await db.TrySaveAsync(ct);
    }
}

public sealed record DivisionItem(int Id, string Code, string Name, string NameEn, string Description, bool IsActive, long Version);

public sealed record RegionItem(int Id, string Code, string Name, RegionKind Kind, bool IsActive, long Version);
