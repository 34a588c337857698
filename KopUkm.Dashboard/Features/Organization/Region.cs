using KopUkm.Dashboard.Data;

namespace KopUkm.Dashboard.Features.Organization;

/// <summary>A regency (kabupaten) or city (kota) of Jambi province, by its BPS code.</summary>
public sealed class Region : IVersioned
{
    public int Id { get; set; }

    /// <summary>BPS code such as "15.71".</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public RegionKind Kind { get; set; }

    public bool IsActive { get; set; } = true;

    public long Version { get; set; }
}

public enum RegionKind
{
    Kabupaten = 1,
    Kota = 2,
}
