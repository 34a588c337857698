using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.Playwright;

namespace KopUkm.Dashboard.Tests.EndToEnd;

[Collection(BrowserTests.Name)]
public sealed class DashboardLiveTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_division_head_sees_a_new_ticket_appear_on_the_dashboard_without_reloading()
    {
        var head = await browser.NewPageAsync();
        await head.LoginAsync("kabid.umk@kopukm.demo", DemoUsers.Password);
        await head.WaitForInteractiveAsync();
        var openCard = head.GetByTestId("card-open-tickets").Locator("[data-value]");
        await Assertions.Expect(openCard).ToBeVisibleAsync();
        await head.EvaluateAsync("() => { window.stillTheSameDocument = 42; }");
        var before = int.Parse((await openCard.GetAttributeAsync("data-value"))!, System.Globalization.CultureInfo.InvariantCulture);
        var umkRow = head.Locator("[data-division=UMK] [data-cell=open]");
        await Assertions.Expect(umkRow).ToHaveTextAsync(before.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Meanwhile, at the front desk, an officer records a walk-in request for the division.
        var officer = await browser.NewPageAsync();
        await officer.LoginAsync("petugas.umk@kopukm.demo", DemoUsers.Password);
        await TicketIntakeSteps.RecordNibRequestAsync(officer, "Rahmat Hidayat", "Menanyakan cara mengurus NIB untuk usaha kopi bubuk.", "0813 6655 4433");

        // The head's open dashboard counts it within seconds, with no reload (same document, same circuit).
        var expected = (before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(openCard).ToHaveAttributeAsync("data-value", expected, new() { Timeout = 10_000 });
        await Assertions.Expect(umkRow).ToHaveTextAsync(expected);
        Assert.Equal(42, await head.EvaluateAsync<int>("() => window.stillTheSameDocument"));
        await Assertions.Expect(head.GetByTestId("card-open-tickets").Locator("a")).ToHaveAttributeAsync("href", "/layanan?antrean=bidang&bidang=" + await DivisionIdAsync(head));
        await officer.Context.CloseAsync();
        await head.Context.CloseAsync();
    }

    private static async Task<string> DivisionIdAsync(IPage page)
    {
        var href = await page.Locator("[data-division=UMK] [data-cell=open]").GetAttributeAsync("href");
        return href!.Split("bidang=")[1];
    }
}
