using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.Auditing;
using KopUkm.Dashboard.Features.Organization;

namespace KopUkm.Dashboard.Features.Cooperatives;

/// <summary>A koperasi registered in the province, with its legal-entity and registration data.</summary>
public sealed class Cooperative : IVersioned
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Upper-case name without legal prefixes, punctuation or repeated spaces: the duplicate-warning key.</summary>
    [Derived]
    public string NormalizedName { get; set; } = "";

    public CooperativeType Type { get; set; } = CooperativeType.SimpanPinjam;

    public CooperativePattern Pattern { get; set; } = CooperativePattern.Konvensional;

    public CooperativeLevel Level { get; set; } = CooperativeLevel.Primer;

    public int RegionId { get; set; }

    public Region? Region { get; set; }

    public string Address { get; set; } = "";

    public string ChairName { get; set; } = "";

    public string ContactPerson { get; set; } = "";

    public string Phone { get; set; } = "";

    public string Email { get; set; } = "";

    public DateOnly? FoundedOn { get; set; }

    public int MemberCount { get; set; }

    public string DeedNumber { get; set; } = "";

    public DateOnly? DeedDate { get; set; }

    /// <summary>Number of the Ministry of Law's (AHU) decree granting legal-entity status.</summary>
    public string AhuDecreeNumber { get; set; } = "";

    public DateOnly? AhuDecreeDate { get; set; }

    /// <summary>Nomor Induk Berusaha from OSS: 13 digits. Unique when present.</summary>
    public string? Nib { get; set; }

    /// <summary>Nomor Induk Koperasi from the national Online Data System. Unique when present.</summary>
    public string? Nik { get; set; }

    public ActivityStatus ActivityStatus { get; set; } = ActivityStatus.Aktif;

    /// <summary>Year of the last annual members' meeting (Rapat Anggota Tahunan).</summary>
    public int? LastRatYear { get; set; }

    public DateOnly? NikCertificateDate { get; set; }

    /// <summary>Set by the follow-up job: no RAT for two years or an NIK certificate older than two years.</summary>
    public bool NeedsSupervision { get; set; }

    public SupervisionReason SupervisionReasons { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public long Version { get; set; }
}

public enum CooperativeType
{
    SimpanPinjam = 1,
    Konsumen = 2,
    Produsen = 3,
    Pemasaran = 4,
    Jasa = 5,
}

public enum CooperativePattern
{
    Konvensional = 1,
    Syariah = 2,
}

public enum CooperativeLevel
{
    Primer = 1,
    Sekunder = 2,
}

public enum ActivityStatus
{
    Aktif = 1,
    TidakAktif = 2,
    Dibubarkan = 3,
}

/// <summary>Why a cooperative is a candidate for supervision (both can apply).</summary>
[Flags]
public enum SupervisionReason
{
    None = 0,
    NoRecentRat = 1,
    NikCertificateExpired = 2,
}
