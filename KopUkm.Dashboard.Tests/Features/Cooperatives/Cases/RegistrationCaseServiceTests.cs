using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Notifications;
using KopUkm.Dashboard.Features.Cooperatives.Cases;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using static KopUkm.Dashboard.Tests.Features.Cooperatives.CooperativeTestData;

namespace KopUkm.Dashboard.Tests.Features.Cooperatives.Cases;

public sealed class RegistrationCaseServiceTests : IAsyncLifetime
{
    private TestServices app = default!;
    private int cooperativeId;

    private RegistrationCaseService Cases => app.Get<RegistrationCaseService>();

    public async Task InitializeAsync()
    {
        app = await TestServices.CreateAsync();
        await ActAsKlmOfficerAsync(app);
        cooperativeId = await CreateAsync(app, Form(await RegionIdAsync(app)));
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private async Task<CaseView> OpenAsync(CaseKind kind = CaseKind.PendaftaranBaru)
    {
        var (result, id) = await Cases.OpenAsync(cooperativeId, kind);
        Assert.True(result.Succeeded);
        return (await Cases.GetAsync(id!.Value))!;
    }

    private async Task<CaseView> MoveAsync(CaseView view, CaseStage to, string? reason = null)
    {
        var result = await Cases.MoveAsync(view.Id, view.Version, to, reason);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.MessageKey)));
        return (await Cases.GetAsync(view.Id))!;
    }

    private async Task<CaseView> VerifyAllAsync(CaseView view)
    {
        foreach (var document in view.Documents)
        {
            Assert.True((await Cases.SetDocumentAsync(view.Id, document.Id, document.Version, verified: true, "sesuai")).Succeeded);
        }

        return (await Cases.GetAsync(view.Id))!;
    }

    [Fact]
    public async Task A_case_goes_through_a_revision_loop_to_approval_and_the_timeline_shows_each_step()
    {
        var view = await OpenAsync();
        view = await MoveAsync(view, CaseStage.VerifikasiDokumen);
        view = await MoveAsync(view, CaseStage.PerluPerbaikan, "Akta belum dilegalisasi");
        Assert.Null(view.StageDueAtUtc);
        app.Clock.Advance(TimeSpan.FromDays(3));
        view = await MoveAsync(view, CaseStage.VerifikasiDokumen);
        view = await VerifyAllAsync(view);
        view = await MoveAsync(view, CaseStage.VerifikasiLapangan);
        view = await MoveAsync(view, CaseStage.Disetujui);

        Assert.Equal(CaseStage.Disetujui, view.Stage);
        Assert.NotNull(view.ClosedAtUtc);
        Assert.Empty(view.AllowedMoves);
        var stages = view.Timeline.Where(e => e.Kind == CaseEventKind.StageChanged).Select(e => (e.FromStage, e.ToStage)).ToList();
        Assert.Equal(
            [
                (CaseStage.Diajukan, CaseStage.VerifikasiDokumen),
                (CaseStage.VerifikasiDokumen, CaseStage.PerluPerbaikan),
                (CaseStage.PerluPerbaikan, CaseStage.VerifikasiDokumen),
                (CaseStage.VerifikasiDokumen, CaseStage.VerifikasiLapangan),
                (CaseStage.VerifikasiLapangan, CaseStage.Disetujui),
            ],
            stages);
        Assert.Equal("Akta belum dilegalisasi", view.Timeline.Single(e => e.ToStage == CaseStage.PerluPerbaikan).Text);
        Assert.Equal(6, view.Timeline.Count(e => e.Kind == CaseEventKind.DocumentVerified));
        Assert.All(view.Timeline, e => Assert.Equal("Penguji", e.ByName));
    }

    [Fact]
    public async Task The_server_refuses_any_move_the_workflow_does_not_list()
    {
        var view = await OpenAsync();

        var skip = await Cases.MoveAsync(view.Id, view.Version, CaseStage.Disetujui, null);
        var back = await Cases.MoveAsync(view.Id, view.Version, CaseStage.PerluPerbaikan, "x");

        Assert.Equal("Cases.TransitionNotAllowed", skip.Errors.Single().MessageKey);
        Assert.Equal("Cases.TransitionNotAllowed", back.Errors.Single().MessageKey);
        Assert.Equal(CaseStage.Diajukan, (await Cases.GetAsync(view.Id))!.Stage);
    }

    [Fact]
    public async Task Returning_and_rejecting_without_a_reason_are_refused()
    {
        var view = await MoveAsync(await OpenAsync(), CaseStage.VerifikasiDokumen);

        Assert.Equal("Cases.ReasonRequired", (await Cases.MoveAsync(view.Id, view.Version, CaseStage.PerluPerbaikan, "  ")).Errors.Single().MessageKey);
        Assert.Equal("Cases.ReasonRequired", (await Cases.MoveAsync(view.Id, view.Version, CaseStage.Ditolak, null)).Errors.Single().MessageKey);

        view = await MoveAsync(view, CaseStage.Ditolak, "Data pendiri fiktif");
        Assert.Equal("Data pendiri fiktif", view.LastReason);
        Assert.NotNull(view.ClosedAtUtc);
    }

    [Fact]
    public async Task Field_verification_and_approval_need_every_required_document_verified()
    {
        var view = await MoveAsync(await OpenAsync(), CaseStage.VerifikasiDokumen);
        var allButOne = view.Documents.Skip(1);
        foreach (var document in allButOne)
        {
            await Cases.SetDocumentAsync(view.Id, document.Id, document.Version, true, "");
        }

        view = (await Cases.GetAsync(view.Id))!;
        Assert.Equal("Cases.DocumentsNotVerified", (await Cases.MoveAsync(view.Id, view.Version, CaseStage.VerifikasiLapangan, null)).Errors.Single().MessageKey);

        var last = view.Documents.First(d => !d.IsVerified);
        await Cases.SetDocumentAsync(view.Id, last.Id, last.Version, true, "");
        view = (await Cases.GetAsync(view.Id))!;
        Assert.True((await Cases.MoveAsync(view.Id, view.Version, CaseStage.VerifikasiLapangan, null)).Succeeded);
    }

    [Fact]
    public async Task A_data_update_needs_only_its_required_documents()
    {
        var view = await MoveAsync(await OpenAsync(CaseKind.PembaruanData), CaseStage.VerifikasiDokumen);
        foreach (var document in view.Documents.Where(d => d.IsRequired))
        {
            await Cases.SetDocumentAsync(view.Id, document.Id, document.Version, true, "");
        }

        view = (await Cases.GetAsync(view.Id))!;
        Assert.True((await Cases.MoveAsync(view.Id, view.Version, CaseStage.VerifikasiLapangan, null)).Succeeded);
    }

    [Fact]
    public async Task Two_officers_moving_the_same_case_at_once_cannot_both_win()
    {
        var view = await MoveAsync(await OpenAsync(), CaseStage.VerifikasiDokumen);

        var first = await Cases.MoveAsync(view.Id, view.Version, CaseStage.PerluPerbaikan, "Kurang notulen");
        var second = await Cases.MoveAsync(view.Id, view.Version, CaseStage.Ditolak, "Tidak memenuhi syarat");

        Assert.True(first.Succeeded);
        Assert.True(second.IsConflict);
        var now = (await Cases.GetAsync(view.Id))!;
        Assert.Equal(CaseStage.PerluPerbaikan, now.Stage);
        Assert.DoesNotContain(now.Timeline, e => e.ToStage == CaseStage.Ditolak);
    }

    [Fact]
    public async Task Only_one_open_case_per_cooperative()
    {
        await OpenAsync();

        var (second, _) = await Cases.OpenAsync(cooperativeId, CaseKind.PembaruanData);

        Assert.Equal("Cases.AlreadyOpen", second.Errors.Single().MessageKey);
    }

    [Fact]
    public async Task Only_the_cooperative_divisions_heads_assign_and_only_to_their_officers()
    {
        var view = await OpenAsync();
        var (klm, umk) = await DivisionsAsync(app);
        var klmOfficer = await CreateUserAsync("officer.klm@kopukm.test", AppRoles.Petugas, klm);
        var umkOfficer = await CreateUserAsync("officer.umk@kopukm.test", AppRoles.Petugas, umk);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Cases.AssignAsync(view.Id, view.Version, klmOfficer));

        app.ActAs(AppRoles.KepalaBidang, klm, "head-klm", divisionCode: "KLM");
        Assert.Equal("Cases.AssigneeNotAllowed", (await Cases.AssignAsync(view.Id, view.Version, umkOfficer)).Errors.Single().MessageKey);
        Assert.True((await Cases.AssignAsync(view.Id, view.Version, klmOfficer)).Succeeded);

        var assigned = (await Cases.GetAsync(view.Id))!;
        Assert.Equal(klmOfficer, assigned.AssignedUserId);
        Assert.Contains(assigned.Timeline, e => e.Kind == CaseEventKind.Assigned && e.Text == "Uji officer.klm@kopukm.test");

        app.ActAs(AppRoles.KepalaBidang, umk, "head-umk", divisionCode: "UMK");
        await Assert.ThrowsAsync<AccessDeniedException>(() => Cases.AssignAsync(view.Id, assigned.Version, klmOfficer));
    }

    [Fact]
    public async Task Assigning_a_case_sends_the_officer_a_notification_linking_to_it()
    {
        var view = await OpenAsync();
        var (klm, _) = await DivisionsAsync(app);
        var officer = await CreateUserAsync("officer.klm@kopukm.test", AppRoles.Petugas, klm);
        app.ActAs(AppRoles.KepalaBidang, klm, "head-klm", divisionCode: "KLM");

        Assert.True((await Cases.AssignAsync(view.Id, view.Version, officer)).Succeeded);

        app.ActAs(AppRoles.Petugas, klm, officer, divisionCode: "KLM");
        var notification = Assert.Single((await app.Get<NotificationService>().ListAsync(new PageRequest(0, 10))).Items);
        Assert.Equal(("Notification.CaseAssigned", $"/koperasi/kasus/{view.Id}"), (notification.MessageKey, notification.Link));
        Assert.False(notification.IsRead);
    }

    [Fact]
    public async Task Comments_join_the_timeline_and_empty_ones_are_refused()
    {
        var view = await OpenAsync();

        Assert.Equal("Validation.Required", (await Cases.CommentAsync(view.Id, "   ")).Errors.Single().MessageKey);
        Assert.True((await Cases.CommentAsync(view.Id, "Pemohon dihubungi via WhatsApp")).Succeeded);

        var comment = (await Cases.GetAsync(view.Id))!.Timeline.Single(e => e.Kind == CaseEventKind.Commented);
        Assert.Equal("Pemohon dihubungi via WhatsApp", comment.Text);
    }

    [Fact]
    public async Task Closed_cases_take_no_more_document_changes()
    {
        var view = await MoveAsync(await OpenAsync(), CaseStage.Ditolak, "Ganda");

        var document = view.Documents[0];
        Assert.Equal("Cases.Closed", (await Cases.SetDocumentAsync(view.Id, document.Id, document.Version, true, "")).Errors.Single().MessageKey);
    }

    private Task<string> CreateUserAsync(string email, string role, int divisionId) => app.CreateUserAsync(email, "Uji " + email, role, divisionId);
}
