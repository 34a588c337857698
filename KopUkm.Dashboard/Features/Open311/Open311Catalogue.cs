using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.ServiceCatalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KopUkm.Dashboard.Features.Open311;

public sealed record Open311Service(string ServiceCode, string ServiceName, string Description, bool Metadata, string Type, string Keywords, string Group);

public sealed record Open311Value(string Key, string Name);

public sealed record Open311ServiceField(bool Variable, string Code, string Datatype, bool Required, string DatatypeDescription, int Order, string Description, IReadOnlyList<Open311Value> Values);

public sealed record Open311ServiceDefinition(string ServiceCode, IReadOnlyList<Open311ServiceField> Attributes);

/// <summary>
/// What the API offers: the active services of the catalogue and, for each, the attributes a request carries (the same
/// for every service: business name, NIB, regency or city, business size). Reference data, no key needed.
/// </summary>
public sealed class Open311Catalogue(IDbContextFactory<AppDbContext> dbFactory, IStringLocalizer<SharedResource> L)
{
    public const string BusinessName = "NAMA_USAHA";
    public const string Nib = "NIB";
    public const string Region = "KABKOTA";
    public const string Size = "SKALA_USAHA";

    /// <summary>The size keys a client sends, and the classes they mean.</summary>
    public static IReadOnlyDictionary<string, Tickets.SmeSize> Sizes { get; } = new Dictionary<string, Tickets.SmeSize>(StringComparer.OrdinalIgnoreCase)
    {
        ["mikro"] = Tickets.SmeSize.Mikro,
        ["kecil"] = Tickets.SmeSize.Kecil,
        ["menengah"] = Tickets.SmeSize.Menengah,
    };

    /// <summary>A region's official name, "Kabupaten Kerinci" or "Kota Jambi" (a proper name: the same in every language).</summary>
    public static string RegionName(RegionKind kind, string name) => $"{kind} {name}";

    /// <summary>Active services by code, with their owner division as the group.</summary>
    public async Task<IReadOnlyList<Open311Service>> ServicesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var services = await db.Set<ServiceType>().AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Code)
            .Select(s => new { s.Code, s.NameId, s.ResolutionWorkingDays, s.LaporCategory, Division = s.OwnerDivision!.Name })
            .ToListAsync(ct);
        return [.. services.Select(s => new Open311Service(
            s.Code, s.NameId, L["Open311.ServiceDescription", s.Division, s.ResolutionWorkingDays], true, "realtime", s.LaporCategory, s.Division))];
    }

    /// <summary>A service's attributes, or null when no active service has that code.</summary>
    public async Task<Open311ServiceDefinition?> DefinitionAsync(string code, CancellationToken ct = default)
    {
        var wanted = (code ?? "").Trim().ToUpperInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var service = await db.Set<ServiceType>().AsNoTracking().Where(s => s.IsActive && s.Code == wanted).Select(s => s.Code).FirstOrDefaultAsync(ct);
        if (service is null)
        {
            return null;
        }

        var regions = (await db.Set<Region>().AsNoTracking().Where(r => r.IsActive).OrderBy(r => r.Code).Select(r => new { r.Code, r.Kind, r.Name }).ToListAsync(ct))
            .Select(r => new Open311Value(r.Code, RegionName(r.Kind, r.Name))).ToList();
        return new Open311ServiceDefinition(service,
        [
            new(true, BusinessName, "string", false, L["Open311.Attr.BusinessName.Type"], 1, L["Open311.Attr.BusinessName"], []),
            new(true, Nib, "string", false, L["Open311.Attr.Nib.Type"], 2, L["Open311.Attr.Nib"], []),
            new(true, Region, "singlevaluelist", true, L["Open311.Attr.Region.Type"], 3, L["Open311.Attr.Region"], regions),
            new(true, Size, "singlevaluelist", false, L["Open311.Attr.Size.Type"], 4, L["Open311.Attr.Size"],
                [.. Sizes.Select(s => new Open311Value(s.Key, L[$"SmeSize.{s.Value}"]))]),
        ]);
    }
}
