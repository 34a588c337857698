using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.Auditing;

namespace KopUkm.Dashboard.Features.Cooperatives.Cases;

/// <summary>
/// A registration or data-update case on a cooperative, moving through verification stages. The stage clock runs
/// on the office's working calendar and pauses while the case is back with the applicant (Perlu Perbaikan).
/// </summary>
public sealed class RegistrationCase : IVersioned
{
    public int Id { get; set; }

    public int CooperativeId { get; set; }

    public Cooperative? Cooperative { get; set; }

    public CaseKind Kind { get; set; }

    public CaseStage Stage { get; set; } = CaseStage.Diajukan;

    public string? AssignedUserId { get; set; }

    public string? AssignedUserName { get; set; }

    public DateTime SubmittedAtUtc { get; set; }

    public DateTime StageEnteredAtUtc { get; set; }

    /// <summary>When the current stage's target runs out; null while paused or closed, or when the stage has no target.</summary>
    [Derived]
    public DateTime? StageDueAtUtc { get; set; }

    public DateTime? ClosedAtUtc { get; set; }

    /// <summary>The reason given with the last stage change (a rejection's reason stays here).</summary>
    public string? LastReason { get; set; }

    public List<CaseDocument> Documents { get; set; } = [];

    public long Version { get; set; }
}

public enum CaseKind
{
    PendaftaranBaru = 1,
    PembaruanData = 2,
}

public enum CaseStage
{
    Diajukan = 1,
    VerifikasiDokumen = 2,
    PerluPerbaikan = 3,
    VerifikasiLapangan = 4,
    Disetujui = 5,
    Ditolak = 6,
}
