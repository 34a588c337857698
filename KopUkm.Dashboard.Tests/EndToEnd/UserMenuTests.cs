using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.Playwright;

namespace KopUkm.Dashboard.Tests.EndToEnd;

[Collection(BrowserTests.Name)]
public sealed class UserMenuTests(BrowserFixture browser)
{
    [Fact]
    public async Task Escape_closes_the_open_user_menu_and_leaves_focus_on_its_button()
    {
        var page = await browser.NewPageAsync();
        await page.LoginAsync("kabid.umk@kopukm.demo", DemoUsers.Password);
        await page.WaitForInteractiveAsync();
        var button = page.Locator("[data-testid=user-menu] button").First;

        await button.ClickAsync();
        await Assertions.Expect(page.GetByTestId("logout")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");

        await Assertions.Expect(page.GetByTestId("logout")).ToBeHiddenAsync();
        await Assertions.Expect(button).ToBeFocusedAsync();
        await page.Context.CloseAsync();
    }
}
