using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Organization;

namespace KopUkm.Dashboard.Features.ServiceCatalog;

/// <summary>
/// A service of the SME catalogue: where its tickets are routed and the standard times it promises, in working days
/// of the office calendar.
/// </summary>
public sealed class ServiceType : IVersioned
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required string NameId { get; set; }

    public string NameEn { get; set; } = "";

    public int OwnerDivisionId { get; set; }

    public Division? OwnerDivision { get; set; }

    public int FirstResponseWorkingDays { get; set; }

    public int ResolutionWorkingDays { get; set; }

    /// <summary>The SP4N-LAPOR! category this service maps to.</summary>
    public string LaporCategory { get; set; } = "";

    public bool IsActive { get; set; } = true;

    public long Version { get; set; }
}
