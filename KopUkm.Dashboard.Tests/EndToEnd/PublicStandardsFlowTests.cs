using KopUkm.Dashboard.Features.Content.Standards;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KopUkm.Dashboard.Tests.EndToEnd;

/// <summary>A member of the public, without an account, finds a service and reads its standard, on a desktop and a phone.</summary>
[Collection(BrowserTests.Name)]
public sealed class PublicStandardsFlowTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_anonymous_visitor_finds_a_service_by_search_and_opens_its_standard_on_desktop_and_phone()
    {
        using (var scope = browser.App.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ServiceStandardDemoSeeder>().SeedAsync();
        }

        foreach (var width in new[] { 1366, 390 })
        {
            var page = await browser.NewPageAsync();
            await page.SetViewportSizeAsync(width, 900);

            await page.GotoAsync("/publik");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Layanan Koperasi dan UMKM Provinsi Jambi");
            await CheckAsync(page);

            await page.GetByTestId("home-standards").ClickAsync();
            await page.ExpectNavigatedAsync(new System.Text.RegularExpressions.Regex("/standar-pelayanan$"));
            await CheckAsync(page);

            await page.GetByLabel("Cari layanan").FillAsync("halal");
            await page.GetByTestId("standards-search").ClickAsync();
            await page.ExpectNavigatedAsync(new System.Text.RegularExpressions.Regex("/standar-pelayanan\\?q=halal"));
            await Assertions.Expect(page.GetByTestId("standard-row")).ToHaveCountAsync(1);
            await CheckAsync(page);

            await page.GetByRole(AriaRole.Link, new() { Name = "Fasilitasi sertifikasi halal (self-declare)" }).ClickAsync();
            await page.ExpectNavigatedAsync(new System.Text.RegularExpressions.Regex("/standar-pelayanan/HALAL$"));
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Fasilitasi sertifikasi halal (self-declare)");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Persyaratan" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("standard-reviewed")).ToContainTextAsync("Terakhir ditinjau");
            await Assertions.Expect(page.GetByTestId("standard-apply")).ToHaveAttributeAsync("href", "ajukan/HALAL");
            await CheckAsync(page);

            await page.GotoAsync("/standar-pelayanan/TIDAK-ADA");
            await Assertions.Expect(page.GetByTestId("standard-not-found")).ToBeVisibleAsync();
            await CheckAsync(page);
            await page.Context.CloseAsync();
        }
    }

    private static async Task CheckAsync(IPage page)
    {
        await page.AssertNoSeriousAxeViolationsAsync();
        await page.AssertNoSidewaysScrollAsync();
    }
}
