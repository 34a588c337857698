using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.ServiceCatalog;

/// <summary>The SME service catalogue: owner division and standard times, edited by administrators.</summary>
public sealed class ServiceCatalogService(IDbContextFactory<AppDbContext> dbFactory, AccessGuard guard, IEnumerable<IServiceStandardChangedHandler> standardChanged)
{
    public async Task<IReadOnlyList<ServiceItem>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<ServiceType>().AsNoTracking()
            .OrderBy(s => s.NameId)
            .Select(s => new ServiceItem(s.Id, s.Code, s.NameId, s.NameEn, s.OwnerDivisionId, s.OwnerDivision!.Code, s.FirstResponseWorkingDays, s.ResolutionWorkingDays, s.LaporCategory, s.IsActive, s.Version))
            .ToListAsync(ct);
    }

    public async Task<CommandResult> SaveAsync(ServiceItem item, CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.Administer);
        var errors = new List<CommandError>();
        var code = item.Code.Trim().ToUpperInvariant();
        if (code.Length is 0 or > 30)
        {
            errors.Add(new(nameof(ServiceItem.Code), "Validation.Code", [30]));
        }

        if (string.IsNullOrWhiteSpace(item.NameId))
        {
            errors.Add(new(nameof(ServiceItem.NameId), "Validation.Required", []));
        }

        if (item.FirstResponseWorkingDays is < 0 or > 365)
        {
            errors.Add(new(nameof(ServiceItem.FirstResponseWorkingDays), "Validation.Range", [0, 365]));
        }

        if (item.ResolutionWorkingDays < item.FirstResponseWorkingDays || item.ResolutionWorkingDays > 365)
        {
            errors.Add(new(nameof(ServiceItem.ResolutionWorkingDays), "Services.ResolutionBeforeResponse", []));
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Set<Division>().AnyAsync(d => d.Id == item.OwnerDivisionId && d.IsActive, ct))
        {
            errors.Add(new(nameof(ServiceItem.OwnerDivisionId), "Validation.Required", []));
        }

        if (await db.Set<ServiceType>().AnyAsync(s => s.Code == code && s.Id != item.Id, ct))
        {
            errors.Add(new(nameof(ServiceItem.Code), "Validation.DuplicateCode", [code]));
        }

        if (errors.Count > 0)
        {
            return new CommandResult(errors);
        }

        ServiceType? service;
        string? standardBefore = null;
        if (item.Id == 0)
        {
            service = new ServiceType { Code = code, NameId = item.NameId };
            db.Add(service);
        }
        else
        {
            service = await db.FindForUpdateAsync<ServiceType>(item.Id, item.Version, ct);
            if (service is null)
            {
                return CommandResult.Conflict();
            }

            standardBefore = Standard(service.FirstResponseWorkingDays, service.ResolutionWorkingDays);
        }

        service.Code = code;
        service.NameId = item.NameId.Trim();
        service.NameEn = item.NameEn.Trim();
        service.OwnerDivisionId = item.OwnerDivisionId;
        service.FirstResponseWorkingDays = item.FirstResponseWorkingDays;
        service.ResolutionWorkingDays = item.ResolutionWorkingDays;
        service.LaporCategory = item.LaporCategory.Trim();
        service.IsActive = item.IsActive;
        var result = await db.TrySaveAsync(ct);
        var standardAfter = Standard(service.FirstResponseWorkingDays, service.ResolutionWorkingDays);
        if (result.Succeeded && standardBefore is not null && standardBefore != standardAfter)
        {
            var change = new ServiceStandardChange(service.Id, service.Code, standardBefore, standardAfter);
            foreach (var handler in standardChanged)
            {
                await handler.HandleAsync(change, ct);
            }
        }

        return result;
    }

    private static string Standard(int firstResponseDays, int resolutionDays) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{firstResponseDays}/{resolutionDays}");
}

public sealed record ServiceItem(
    int Id,
    string Code,
    string NameId,
    string NameEn,
    int OwnerDivisionId,
    string OwnerDivisionCode,
    int FirstResponseWorkingDays,
    int ResolutionWorkingDays,
    string LaporCategory,
    bool IsActive,
    long Version);
