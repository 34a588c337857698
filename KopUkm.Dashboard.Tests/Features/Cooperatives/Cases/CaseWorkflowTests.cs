using KopUkm.Dashboard.Features.Cooperatives.Cases;

namespace KopUkm.Dashboard.Tests.Features.Cooperatives.Cases;

public sealed class CaseWorkflowTests
{
    /// <summary>The whole allowed graph, written out independently of the workflow's own table.</summary>
    private static readonly HashSet<(CaseStage From, CaseStage To)> Expected =
    [
        (CaseStage.Diajukan, CaseStage.VerifikasiDokumen),
        (CaseStage.Diajukan, CaseStage.Ditolak),
        (CaseStage.VerifikasiDokumen, CaseStage.PerluPerbaikan),
        (CaseStage.VerifikasiDokumen, CaseStage.VerifikasiLapangan),
        (CaseStage.VerifikasiDokumen, CaseStage.Ditolak),
        (CaseStage.PerluPerbaikan, CaseStage.VerifikasiDokumen),
        (CaseStage.PerluPerbaikan, CaseStage.Ditolak),
        (CaseStage.VerifikasiLapangan, CaseStage.Disetujui),
        (CaseStage.VerifikasiLapangan, CaseStage.PerluPerbaikan),
        (CaseStage.VerifikasiLapangan, CaseStage.Ditolak),
    ];

    public static TheoryData<CaseStage, CaseStage> EveryPair()
    {
        var data = new TheoryData<CaseStage, CaseStage>();
        foreach (var from in Enum.GetValues<CaseStage>())
        {
            foreach (var to in Enum.GetValues<CaseStage>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_stage_pair_is_allowed_or_refused_exactly_as_specified(CaseStage from, CaseStage to) =>
        Assert.Equal(Expected.Contains((from, to)), CaseWorkflow.CanMove(from, to));

    [Fact]
    public void Approved_and_rejected_cases_are_closed_and_go_nowhere()
    {
        Assert.True(CaseWorkflow.IsClosed(CaseStage.Disetujui));
        Assert.True(CaseWorkflow.IsClosed(CaseStage.Ditolak));
        Assert.Empty(CaseWorkflow.NextStages(CaseStage.Disetujui));
        Assert.Empty(CaseWorkflow.NextStages(CaseStage.Ditolak));
    }

    [Fact]
    public void Returning_and_rejecting_need_a_reason_and_approval_needs_documents()
    {
        Assert.True(CaseWorkflow.RequiresReason(CaseStage.PerluPerbaikan));
        Assert.True(CaseWorkflow.RequiresReason(CaseStage.Ditolak));
        Assert.False(CaseWorkflow.RequiresReason(CaseStage.VerifikasiDokumen));
        Assert.True(CaseWorkflow.RequiresVerifiedDocuments(CaseStage.Disetujui));
        Assert.True(CaseWorkflow.RequiresVerifiedDocuments(CaseStage.VerifikasiLapangan));
        Assert.True(CaseWorkflow.IsPaused(CaseStage.PerluPerbaikan));
    }

    [Fact]
    public void New_registrations_need_every_document_and_data_updates_only_bylaws_and_members()
    {
        Assert.All(Enum.GetValues<DocumentKind>(), d => Assert.True(CaseWorkflow.IsRequired(CaseKind.PendaftaranBaru, d)));
        Assert.Equal(
            [DocumentKind.AnggaranDasar, DocumentKind.DaftarPendiriAnggota],
            Enum.GetValues<DocumentKind>().Where(d => CaseWorkflow.IsRequired(CaseKind.PembaruanData, d)));
    }
}
