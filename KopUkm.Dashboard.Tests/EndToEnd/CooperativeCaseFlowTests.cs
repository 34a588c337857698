using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.Playwright;

namespace KopUkm.Dashboard.Tests.EndToEnd;

[Collection(BrowserTests.Name)]
public sealed class CooperativeCaseFlowTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_officer_takes_a_new_registration_through_a_revision_loop_to_approval()
    {
        var page = await browser.NewPageAsync();
        await page.LoginAsync("petugas.klm@kopukm.demo", DemoUsers.Password);
        await page.WaitForInteractiveAsync();

        // Register the cooperative.
        await page.GotoAsync("/koperasi/baru");
        await page.WaitForInteractiveAsync();
        await page.Locator("#coop-name").FillAsync("Koperasi Produsen Kopi Kerinci Sejahtera");
        await page.Locator(".mud-input-control.mud-select", new() { Has = page.Locator("#coop-region") }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Kerinci" }).First.ClickAsync();
        await page.Locator("#coop-nib").FillAsync("9120004567890");
        await page.Locator("#coop-members").FillAsync("42");
        await page.GetByTestId("cooperative-save").ClickAsync();
        await page.ExpectNavigatedAsync(new System.Text.RegularExpressions.Regex(@"/koperasi/\d+$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Koperasi Produsen Kopi Kerinci Sejahtera");

        // Open a new-registration case and take it through the loop.
        await page.GetByTestId("case-open-menu").Locator("button").ClickAsync();
        await page.GetByTestId("case-open-new").ClickAsync();
        await page.ExpectNavigatedAsync(new System.Text.RegularExpressions.Regex(@"/koperasi/kasus/\d+$"));
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("case-actions").Locator("button")).ToHaveCountAsync(2);

        await MoveAsync(page, "VerifikasiDokumen");
        await MoveAsync(page, "PerluPerbaikan", "Notulen rapat pendirian belum ditandatangani.");
        await Assertions.Expect(page.GetByTestId("case-due")).ToContainTextAsync("Waktu dihentikan sementara");
        await MoveAsync(page, "VerifikasiDokumen", note: "Berkas perbaikan diterima lengkap.");

        var switches = page.GetByTestId("case-checklist").Locator("input[type=checkbox]");
        for (var i = 0; i < 6; i++)
        {
            await switches.Nth(i).CheckAsync();
            await Assertions.Expect(switches.Nth(i)).ToBeCheckedAsync();
        }

        await Assertions.Expect(page.GetByTestId("case-checklist")).ToContainTextAsync("6 dari 6 dokumen wajib terverifikasi");
        await MoveAsync(page, "VerifikasiLapangan");
        await MoveAsync(page, "Disetujui");

        // The timeline shows every step, newest first, with the reason for the return.
        var timeline = page.GetByTestId("case-timeline");
        await Assertions.Expect(timeline.Locator("[data-event=StageChanged]")).ToHaveCountAsync(5);
        await Assertions.Expect(timeline).ToContainTextAsync("Verifikasi Lapangan → Disetujui");
        await Assertions.Expect(timeline).ToContainTextAsync("Verifikasi Dokumen → Perlu Perbaikan");
        await Assertions.Expect(timeline).ToContainTextAsync("Notulen rapat pendirian belum ditandatangani.");
        await Assertions.Expect(timeline).ToContainTextAsync("Berkas perbaikan diterima lengkap.");
        await Assertions.Expect(timeline).ToContainTextAsync("Dewi Lestari, S.H.");
        await Assertions.Expect(page.GetByTestId("case-actions")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_officer_of_another_division_reads_a_case_without_any_action()
    {
        var page = await browser.NewPageAsync();
        await page.LoginAsync("petugas.umk@kopukm.demo", DemoUsers.Password);
        await page.GotoAsync("/koperasi");
        await page.WaitForInteractiveAsync();

        await Assertions.Expect(page.GetByTestId("cooperatives-grid")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("cooperative-create")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    /// <summary>Clicks a stage action; returning and rejecting ask for a reason, accepting a revision for a note.</summary>
    private static async Task MoveAsync(IPage page, string to, string? reason = null, string? note = null)
    {
        await page.Locator($"[data-move={to}]").ClickAsync();
        if ((reason ?? note) is { } text)
        {
            var reasonField = page.Locator(".mud-dialog #move-reason");
            await reasonField.FillAsync(text);
            await reasonField.BlurAsync();
            await page.Locator(".mud-dialog [data-testid=move-confirm]").ClickAsync();
            await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        }

        await Assertions.Expect(page.Locator($"h1 ~ * [data-stage='{to}'], [data-stage='{to}']").First).ToBeVisibleAsync();
    }
}
