using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.Playwright;

namespace KopUkm.Dashboard.Tests.EndToEnd;

[Collection(BrowserTests.Name)]
public sealed class TicketFlowTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_walk_in_ticket_is_recorded_assigned_answered_paused_resumed_resolved_and_closed()
    {
        // The officer at the front desk records the walk-in request.
        var officer = await browser.NewPageAsync();
        await officer.LoginAsync("petugas.umk@kopukm.demo", DemoUsers.Password);
        var ticketUrl = await TicketIntakeSteps.RecordNibRequestAsync(
            officer, "Siti Rahmah", "Ingin membuat NIB untuk usaha keripik pisang, belum punya akun OSS.", "0812 7788 9900", "Keripik Pisang Bu Siti");
        await Assertions.Expect(officer.Locator("h1")).ToContainTextAsync("Siti Rahmah");
        await Assertions.Expect(officer.Locator("h1 ~ * [data-status=Baru], [data-status=Baru]").First).ToBeVisibleAsync();
        await Assertions.Expect(officer.GetByTestId("sla-first-response").Locator("[data-sla]")).ToHaveAttributeAsync("data-sla", "OnTrack");

        // The division head assigns it to the officer.
        var head = await browser.NewPageAsync();
        await head.LoginAsync("kabid.umk@kopukm.demo", DemoUsers.Password);
        await head.GotoAsync(ticketUrl);
        await head.WaitForInteractiveAsync();
        await head.Locator(".mud-input-control.mud-select", new() { Has = head.Locator("#ticket-assignee") }).ClickAsync();
        await head.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Yusuf Hidayat" }).First.ClickAsync();
        await Assertions.Expect(head.Locator("[data-status=Ditugaskan]").First).ToBeVisibleAsync();
        await head.Context.CloseAsync();

        // The officer answers: the first-response clock is met and work starts.
        await officer.ReloadAsync();
        await officer.WaitForInteractiveAsync();
        await officer.Locator("#ticket-text").FillAsync("Silakan datang membawa KTP dan email aktif, kami bantu daftar OSS.");
        await officer.GetByTestId("ticket-send").ClickAsync();
        await Assertions.Expect(officer.Locator("[data-status=Diproses]").First).ToBeVisibleAsync();
        await Assertions.Expect(officer.GetByTestId("sla-first-response").Locator("[data-sla]")).ToHaveAttributeAsync("data-sla", "Met");

        // Waiting on the applicant pauses the resolution clock; resuming restarts it.
        await MoveAsync(officer, "MenungguPemohon", "Menunggu salinan KTP pemohon.");
        await Assertions.Expect(officer.GetByTestId("sla-resolution").Locator("[data-sla]")).ToHaveAttributeAsync("data-sla", "Paused");
        await MoveAsync(officer, "Diproses");
        await Assertions.Expect(officer.GetByTestId("sla-resolution").Locator("[data-sla]")).ToHaveAttributeAsync("data-sla", "OnTrack");

        // Resolve with a note, then close.
        await MoveAsync(officer, "Selesai", "NIB terbit: 9120001234567.");
        await Assertions.Expect(officer.GetByTestId("sla-resolution").Locator("[data-sla]")).ToHaveAttributeAsync("data-sla", "Met");
        await MoveAsync(officer, "Ditutup");

        var history = officer.GetByTestId("ticket-history");
        await Assertions.Expect(history.Locator("[data-event=Paused]")).ToHaveCountAsync(1);
        await Assertions.Expect(history.Locator("[data-event=Resolved]")).ToHaveCountAsync(1);
        await Assertions.Expect(history).ToContainTextAsync("Menunggu salinan KTP pemohon.");
        await Assertions.Expect(officer.GetByTestId("ticket-actions")).ToContainTextAsync("NIB terbit");
        await officer.Context.CloseAsync();
    }

    private static async Task MoveAsync(IPage page, string to, string? text = null)
    {
        await page.Locator($"[data-move={to}]").ClickAsync();
        if (text is not null)
        {
            var field = page.Locator(".mud-dialog #ticket-dialog-text");
            await field.FillAsync(text);
            await field.BlurAsync();
            await page.Locator(".mud-dialog [data-testid=ticket-dialog-confirm]").ClickAsync();
            await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        }

        await Assertions.Expect(page.Locator($"[data-status={to}]").First).ToBeVisibleAsync();
    }
}
