using KopUkm.Dashboard.Data;

namespace KopUkm.Dashboard.Features.Cooperatives.Cases;

/// <summary>One item of a case's document checklist, verified (or not) by an officer with a note.</summary>
public sealed class CaseDocument : IVersioned
{
    public int Id { get; set; }

    public int CaseId { get; set; }

    public DocumentKind Kind { get; set; }

    public bool IsRequired { get; set; } = true;

    public bool IsVerified { get; set; }

    public string Note { get; set; } = "";

    public string? VerifiedByName { get; set; }

    public DateTime? VerifiedAtUtc { get; set; }

    public long Version { get; set; }
}

public enum DocumentKind
{
    AktaPendirian = 1,
    SkAhu = 2,
    AnggaranDasar = 3,
    NotulenRapatPendirian = 4,
    DaftarPendiriAnggota = 5,
    Nib = 6,
}
