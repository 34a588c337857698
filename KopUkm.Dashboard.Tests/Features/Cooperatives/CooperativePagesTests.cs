using Bunit;
using KopUkm.Dashboard.Features.Cooperatives;
using KopUkm.Dashboard.Features.Cooperatives.Cases;
using KopUkm.Dashboard.Features.Cooperatives.Cases.Pages;
using KopUkm.Dashboard.Features.Cooperatives.Pages;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using MudBlazor;
using static KopUkm.Dashboard.Tests.Features.Cooperatives.CooperativeTestData;

namespace KopUkm.Dashboard.Tests.Features.Cooperatives;

/// <summary>The cooperative pages rendered with bunit over the real services on a real SQLite file.</summary>
public sealed class CooperativePagesTests : AppBunitContext, IAsyncLifetime
{
    private TestServices app = default!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        app = await TestServices.CreateAsync(validateScopes: false);
        UseApp(app);
        await ActAsKlmOfficerAsync(app);
        SignInAs(AppRoles.Petugas);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task A_new_case_offers_exactly_the_moves_the_workflow_allows()
    {
        var caseId = await OpenCaseAsync();

        var page = Render<CasePage>(p => p.Add(c => c.Id, caseId));

        page.WaitForAssertion(() => Assert.Equal(
            ["VerifikasiDokumen", "Ditolak"],
            page.FindAll("[data-move]").Select(b => b.GetAttribute("data-move"))));
    }

    [Fact]
    public async Task Rejecting_asks_for_a_reason_and_keeps_the_dialog_open_without_one()
    {
        var caseId = await OpenCaseAsync();
        var dialogs = Render<MudDialogProvider>();
        var page = Render<CasePage>(p => p.Add(c => c.Id, caseId));
        page.WaitForElement("[data-move=Ditolak]");

        // Not awaited: the click's handler waits for the dialog's answer, which this test gives below.
        var moving = page.Find("[data-move=Ditolak]").ClickAsync(new());
        dialogs.WaitForElement("[data-testid=move-confirm]");
        await dialogs.Find("[data-testid=move-confirm]").ClickAsync(new());

        Assert.Contains("Alasan wajib diisi.", dialogs.Markup, StringComparison.Ordinal);
        Assert.Equal(CaseStage.Diajukan, (await app.Get<RegistrationCaseService>().GetAsync(caseId))!.Stage);

        await dialogs.Find("#move-reason").ChangeAsync(new() { Value = "Koperasi sudah terdaftar dengan NIK lain." });
        await dialogs.Find("[data-testid=move-confirm]").ClickAsync(new());
        await moving.WaitAsync(TimeSpan.FromSeconds(10));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-stage=Ditolak]")));
        var saved = (await app.Get<RegistrationCaseService>().GetAsync(caseId))!;
        Assert.Equal(CaseStage.Ditolak, saved.Stage);
        Assert.Equal("Koperasi sudah terdaftar dengan NIK lain.", saved.LastReason);
    }

    [Fact]
    public async Task A_reader_from_another_division_sees_the_case_without_actions_or_switches()
    {
        var caseId = await OpenCaseAsync();
        var (_, umk) = await DivisionsAsync(app);
        app.ActAs(AppRoles.Petugas, umk, "reader", divisionCode: "UMK");

        var page = Render<CasePage>(p => p.Add(c => c.Id, caseId));

        page.WaitForElement("[data-testid=case-checklist]");
        Assert.Empty(page.FindAll("[data-move]"));
        Assert.All(page.FindAll("[data-testid=case-checklist] input[type=checkbox]"), i => Assert.True(i.HasAttribute("disabled")));
        Assert.Empty(page.FindAll("[data-testid=comment-send]"));
    }

    [Fact]
    public async Task The_overdue_filter_narrows_the_list_to_cooperatives_with_a_late_case()
    {
        var region = await RegionIdAsync(app);
        var late = await CreateAsync(app, Form(region, "Koperasi Terlambat", nik: "1571000000777"));
        await CreateAsync(app, Form(region, "Koperasi Tepat Waktu"));
        await app.Get<RegistrationCaseService>().OpenAsync(late, CaseKind.PendaftaranBaru);
        app.Clock.Advance(TimeSpan.FromDays(14));
        var page = Render<CooperativesPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=cooperatives-grid] tbody tr").Count));

        var overdueSwitch = page.FindAll("label").First(l => l.TextContent.Contains("Hanya yang terlambat", StringComparison.Ordinal)).QuerySelector("input")!;
        await overdueSwitch.ChangeAsync(new() { Value = true });

        page.WaitForAssertion(() =>
        {
            var rows = page.FindAll("[data-testid=cooperatives-grid] tbody tr");
            Assert.Single(rows);
            Assert.Contains("Koperasi Terlambat", rows[0].TextContent, StringComparison.Ordinal);
            Assert.Contains("terlambat", rows[0].TextContent, StringComparison.Ordinal);
            // The NIK is read under the name (no column of its own).
            Assert.Equal("NIK 1571000000777", rows[0].QuerySelector("[data-cell=nik]")!.TextContent.Trim());
        });
    }

    private async Task<int> OpenCaseAsync()
    {
        var id = await CreateAsync(app, Form(await RegionIdAsync(app)));
        var (result, caseId) = await app.Get<RegistrationCaseService>().OpenAsync(id, CaseKind.PendaftaranBaru);
        Assert.True(result.Succeeded);
        return caseId!.Value;
    }
}
