using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.Playwright;

namespace KopUkm.Dashboard.Tests.EndToEnd;

/// <summary>
/// The first-login tour in Chromium, on an app with the tour on (every other test host turns it off): shown at an
/// account's first sign-in, keyboard-usable and clean under axe at 1366 and 390 px, not shown at the next sign-in,
/// and shown again when asked for from the guide.
/// </summary>
public sealed class HomeTourTests(HomeTourTests.TourBrowser browser) : IClassFixture<HomeTourTests.TourBrowser>
{
    [Fact]
    public async Task The_tour_shows_at_the_first_sign_in_only_and_can_be_restarted_from_the_guide()
    {
        var page = await browser.NewPageAsync();
        await page.LoginAsync("petugas.klm@kopukm.demo", DemoUsers.Password);
        await page.WaitForInteractiveAsync();

        var tour = page.GetByTestId("home-tour");
        await Assertions.Expect(tour).ToBeVisibleAsync();
        await Assertions.Expect(tour).ToHaveAttributeAsync("data-step", "Nav");
        await Assertions.Expect(tour.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Menu halaman");
        // Focus moved into the tour, and the step's target is marked.
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=home-tour]').contains(document.activeElement)");
        await Assertions.Expect(page.Locator("[data-tour=nav].tour-target")).ToHaveCountAsync(1);
        await page.AssertNoSeriousAxeViolationsAsync();

        await tour.GetByTestId("tour-next").ClickAsync();
        await Assertions.Expect(tour).ToHaveAttributeAsync("data-step", "Heading");
        await Assertions.Expect(page.Locator("main h1.tour-target")).ToHaveCountAsync(1);

        // Escape closes it and the highlight goes with it.
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(tour).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".tour-target")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();

        // The second sign-in, in a fresh browser: the server remembers, no tour.
        var again = await browser.NewPageAsync();
        await again.LoginAsync("petugas.klm@kopukm.demo", DemoUsers.Password);
        await again.WaitForInteractiveAsync();
        await Assertions.Expect(again.Locator("[data-home-tour=none]")).ToHaveCountAsync(1);
        await Assertions.Expect(again.GetByTestId("home-tour")).ToHaveCountAsync(0);

        // "Mulai tur lagi" in the guide brings it back once.
        await again.GotoAsync("/panduan");
        await again.WaitForInteractiveAsync();
        await again.GetByTestId("guide-restart-tour").ClickAsync();
        await Assertions.Expect(again.GetByTestId("home-tour")).ToBeVisibleAsync();
        await Assertions.Expect(again.Locator("h1")).Not.ToHaveTextAsync("Panduan");
        await again.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_the_tour_sits_inside_the_screen_points_at_the_menu_button_and_passes_axe()
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.LoginAsync("petugas.umk@kopukm.demo", DemoUsers.Password);
        await page.WaitForInteractiveAsync();

        var tour = page.GetByTestId("home-tour");
        await Assertions.Expect(tour).ToBeVisibleAsync();
        // The menu drawer is closed on a phone: the first step points at the button that opens it.
        await Assertions.Expect(page.Locator("[data-tour=menu-toggle].tour-target")).ToHaveCountAsync(1);
        var box = (await tour.BoundingBoxAsync())!;
        Assert.True(box.X >= 0 && box.X + box.Width <= 390 && box.Y + box.Height <= 844, $"The tour card is at {box.X},{box.Y} {box.Width}×{box.Height}.");
        await page.AssertNoSeriousAxeViolationsAsync();
        await page.AssertNoSidewaysScrollAsync();

        foreach (var step in new[] { "Heading", "Bell", "Guide", "UserMenu" })
        {
            await tour.GetByTestId("tour-next").ClickAsync();
            await Assertions.Expect(tour).ToHaveAttributeAsync("data-step", step);
        }

        await tour.GetByTestId("tour-done").ClickAsync();
        await Assertions.Expect(tour).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    /// <summary>Chromium against an app with the tour turned on (demo users only).</summary>
    public sealed class TourBrowser() : BrowserFixture(new TourApp());

    private sealed class TourApp : KestrelAppFactory
    {
        protected override Dictionary<string, string?> Settings { get; } = new() { ["Guide:HomeTour"] = "true" };
    }
}
