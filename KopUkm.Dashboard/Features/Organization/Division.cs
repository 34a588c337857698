using KopUkm.Dashboard.Data;

namespace KopUkm.Dashboard.Features.Organization;

/// <summary>A bidang (division) of the office. Divisions are data: added, renamed and retired by administrators.</summary>
public sealed class Division : IVersioned
{
    public int Id { get; set; }

    /// <summary>Short stable code used in routing rules and reports, e.g. "KLM".</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public string NameEn { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>Retired divisions keep their history but receive no new work.</summary>
    public bool IsActive { get; set; } = true;

    public long Version { get; set; }
}
