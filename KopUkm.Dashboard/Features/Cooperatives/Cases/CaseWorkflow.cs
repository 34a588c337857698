namespace KopUkm.Dashboard.Features.Cooperatives.Cases;

/// <summary>
/// The one list of allowed stage changes for a registration case. The server refuses every other change,
/// whatever the page sent.
/// </summary>
public static class CaseWorkflow
{
    private static readonly Dictionary<CaseStage, CaseStage[]> Allowed = new()
    {
        [CaseStage.Diajukan] = [CaseStage.VerifikasiDokumen, CaseStage.Ditolak],
        [CaseStage.VerifikasiDokumen] = [CaseStage.VerifikasiLapangan, CaseStage.PerluPerbaikan, CaseStage.Ditolak],
        [CaseStage.PerluPerbaikan] = [CaseStage.VerifikasiDokumen, CaseStage.Ditolak],
        [CaseStage.VerifikasiLapangan] = [CaseStage.Disetujui, CaseStage.PerluPerbaikan, CaseStage.Ditolak],
        [CaseStage.Disetujui] = [],
        [CaseStage.Ditolak] = [],
    };

    /// <summary>Documents each kind of case must have verified before field verification and approval.</summary>
    private static readonly Dictionary<CaseKind, DocumentKind[]> RequiredDocuments = new()
    {
        [CaseKind.PendaftaranBaru] = Enum.GetValues<DocumentKind>(),
        [CaseKind.PembaruanData] = [DocumentKind.AnggaranDasar, DocumentKind.DaftarPendiriAnggota],
    };

    public static IReadOnlyList<CaseStage> NextStages(CaseStage from) => Allowed[from];

    public static bool CanMove(CaseStage from, CaseStage to) => Allowed[from].Contains(to);

    /// <summary>Returning a case to the applicant and rejecting it must say why.</summary>
    public static bool RequiresReason(CaseStage to) => to is CaseStage.PerluPerbaikan or CaseStage.Ditolak;

    /// <summary>Field verification and approval need every required document verified.</summary>
    public static bool RequiresVerifiedDocuments(CaseStage to) => to is CaseStage.VerifikasiLapangan or CaseStage.Disetujui;

    public static bool IsClosed(CaseStage stage) => stage is CaseStage.Disetujui or CaseStage.Ditolak;

    /// <summary>While the applicant revises, the stage clock stops.</summary>
    public static bool IsPaused(CaseStage stage) => stage == CaseStage.PerluPerbaikan;

    public static bool IsRequired(CaseKind kind, DocumentKind document) => RequiredDocuments[kind].Contains(document);
}
