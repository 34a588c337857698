using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.Playwright;

namespace KopUkm.Dashboard.Tests.EndToEnd;

[Collection(BrowserTests.Name)]
public sealed class UserAdministrationFlowTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_administrator_creates_a_user_who_can_then_log_in_with_the_chosen_role()
    {
        var admin = await browser.NewPageAsync();
        await admin.LoginAsync("admin@kopukm.demo", DemoUsers.Password);
        await admin.WaitForInteractiveAsync();
        await admin.GotoAsync("/administrasi/pengguna");
        await admin.WaitForInteractiveAsync();

        await admin.GetByTestId("user-create").ClickAsync();
        var dialog = admin.GetByTestId("user-dialog");
        await dialog.Locator("#user-fullname").FillAsync("Ahmad Rizki, S.E.");
        await dialog.Locator("#user-email").FillAsync("ahmad.rizki@jambiprov.go.id");
        await dialog.Locator("#user-password").FillAsync("sandi-awal-ahmad-2026");
        await ChooseAsync(admin, "#user-role", "Kepala Bidang");
        await ChooseAsync(admin, "#user-division", "Bidang Usaha Mikro");
        await admin.GetByTestId("user-save").ClickAsync();

        await Assertions.Expect(admin.GetByTestId("user-dialog")).ToBeHiddenAsync();
        var row = admin.GetByTestId("users-grid").Locator("tr", new() { HasText = "ahmad.rizki@jambiprov.go.id" });
        await Assertions.Expect(row).ToContainTextAsync("Kepala Bidang");
        await Assertions.Expect(row).ToContainTextAsync("UMK");
        await admin.Context.CloseAsync();

        var newcomer = await browser.NewPageAsync();
        await newcomer.LoginAsync("ahmad.rizki@jambiprov.go.id", "sandi-awal-ahmad-2026");
        await newcomer.WaitForInteractiveAsync();
        await Assertions.Expect(newcomer.Locator("h1")).ToContainTextAsync("Ahmad Rizki");
        await Assertions.Expect(newcomer.Locator("[data-nav=ittasks]")).ToBeVisibleAsync();
        await Assertions.Expect(newcomer.Locator("[data-nav=administration]")).ToHaveCountAsync(0);
        await newcomer.Context.CloseAsync();
    }

    [Fact]
    public async Task A_too_short_password_is_explained_and_the_form_keeps_what_was_typed()
    {
        var admin = await browser.NewPageAsync();
        await admin.LoginAsync("admin@kopukm.demo", DemoUsers.Password);
        await admin.GotoAsync("/administrasi/pengguna");
        await admin.WaitForInteractiveAsync();

        await admin.GetByTestId("user-create").ClickAsync();
        var dialog = admin.GetByTestId("user-dialog");
        await dialog.Locator("#user-fullname").FillAsync("Nama Tetap");
        await dialog.Locator("#user-email").FillAsync("pendek@jambiprov.go.id");
        await dialog.Locator("#user-password").FillAsync("pendek");
        await admin.GetByTestId("user-save").ClickAsync();

        await Assertions.Expect(dialog).ToContainTextAsync("Kata sandi minimal 12 karakter.");
        await Assertions.Expect(dialog.Locator("#user-fullname")).ToHaveValueAsync("Nama Tetap");
        await Assertions.Expect(dialog.Locator("#user-email")).ToHaveValueAsync("pendek@jambiprov.go.id");
        await admin.Context.CloseAsync();
    }

    /// <summary>Opens a MudSelect (found by its input id) and picks the option with the given text.</summary>
    private static async Task ChooseAsync(IPage page, string inputId, string option)
    {
        await page.Locator(".mud-input-control.mud-select", new() { Has = page.Locator(inputId) }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = option }).First.ClickAsync();
    }
}
