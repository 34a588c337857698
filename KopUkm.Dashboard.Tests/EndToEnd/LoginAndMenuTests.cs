using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Account;
using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KopUkm.Dashboard.Tests.EndToEnd;

[Collection(BrowserTests.Name)]
public sealed class LoginAndMenuTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("admin@kopukm.demo", "Dasbor,Koperasi,Layanan UMKM,Konten,Tugas TI,Metrik,Administrasi,Panduan")]
    [InlineData("pimpinan@kopukm.demo", "Dasbor,Koperasi,Layanan UMKM,Konten,Tugas TI,Metrik,Panduan")]
    [InlineData("kabid.klm@kopukm.demo", "Dasbor,Koperasi,Layanan UMKM,Konten,Tugas TI,Panduan")]
    [InlineData("staf.ti@kopukm.demo", "Dasbor,Koperasi,Layanan UMKM,Konten,Tugas TI,Panduan")]
    [InlineData("petugas.klm@kopukm.demo", "Dasbor,Koperasi,Layanan UMKM,Konten,Panduan")]
    public async Task Each_demo_role_logs_in_and_sees_its_own_menu(string email, string expectedMenu)
    {
        var page = await browser.NewPageAsync();

        await page.LoginAsync(email, DemoUsers.Password);
        await page.WaitForInteractiveAsync();

        var items = await page.Locator("[data-testid=nav-menu] [data-nav]").AllInnerTextsAsync();
        Assert.Equal(expectedMenu.Split(','), items.Select(i => i.Trim()));
        // Officers and IT staff land on their own work (its heading), greeted beneath it; the others on the dashboard.
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Selamat datang");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        await CreateUserAsync("kunci@kopukm.test", "kata-sandi-benar-1");
        var page = await browser.NewPageAsync();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await page.LoginAsync("kunci@kopukm.test", "salah-" + attempt);
            await Assertions.Expect(page.GetByTestId("login-error")).ToBeVisibleAsync();
        }

        await page.LoginAsync("kunci@kopukm.test", "kata-sandi-benar-1");

        // Still refused, with the one message every failure gets (it names the lockout rule without saying whether
        // this e-mail has an account).
        await Assertions.Expect(page.GetByTestId("login-error")).ToContainTextAsync("akun dikunci sementara selama 15 menit");
        Assert.Contains("/Account/Login", page.Url, StringComparison.Ordinal);
        var locked = await page.GetByTestId("login-error").InnerTextAsync();
        await page.LoginAsync("tidak.pernah.ada@kopukm.test", "apa-saja-panjang");
        Assert.Equal(locked, await page.GetByTestId("login-error").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Unknown_user_and_wrong_password_get_the_same_message()
    {
        var page = await browser.NewPageAsync();

        await page.LoginAsync("tidak.ada@kopukm.test", "apa-saja-panjang");
        var unknown = await page.GetByTestId("login-error").InnerTextAsync();
        await page.LoginAsync("petugas.umk@kopukm.demo", "bukan-sandinya-1");
        var wrong = await page.GetByTestId("login-error").InnerTextAsync();

        Assert.StartsWith("Email atau kata sandi salah.", unknown.Trim(), StringComparison.Ordinal);
        Assert.Equal(unknown, wrong);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Switching_to_english_relabels_the_shell_and_back_to_indonesian()
    {
        var page = await browser.NewPageAsync();
        await page.LoginAsync("staf.ti@kopukm.demo", DemoUsers.Password);
        await page.WaitForInteractiveAsync();

        await page.GetByTestId("language-menu").Locator("button").ClickAsync();
        await page.GetByTestId("lang-en").ClickAsync();
        // The switch reloads the page through the server; wait for the new document before its circuit.
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en", new() { Timeout = 15_000 });
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-nav=tickets]")).ToHaveTextAsync("SME Services");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Welcome");

        await page.GetByTestId("language-menu").Locator("button").ClickAsync();
        await page.GetByTestId("lang-id").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "id", new() { Timeout = 15_000 });
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-nav=tickets]")).ToHaveTextAsync("Layanan UMKM");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Logging_out_ends_the_session()
    {
        var page = await browser.NewPageAsync();
        await page.LoginAsync("petugas.umk@kopukm.demo", DemoUsers.Password);
        await page.WaitForInteractiveAsync();

        await page.GetByTestId("user-menu").Locator("button").First.ClickAsync();
        await page.GetByTestId("logout").ClickAsync();
        // The address alone (a load event may come late on a busy machine).
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
        await page.GotoAsync("/konten");

        Assert.Contains("/Account/Login", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_user_changes_their_password_from_the_user_menu_and_signs_in_with_the_new_one()
    {
        await CreateUserAsync("ganti.sandi@kopukm.test", "kata-sandi-lama-1");
        var page = await browser.NewPageAsync();
        await page.LoginAsync("ganti.sandi@kopukm.test", "kata-sandi-lama-1");
        await page.WaitForInteractiveAsync();

        await page.GetByTestId("user-menu").Locator("button").First.ClickAsync();
        await page.GetByTestId("menu-change-password").ClickAsync();
        // The address alone: a load event may come late on a busy machine, and the form below is awaited anyway.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Manage/ChangePassword$"));
        await page.GetByLabel("Kata sandi saat ini").FillAsync("kata-sandi-lama-1");
        await page.GetByLabel("Kata sandi baru", new() { Exact = true }).FillAsync("kata-sandi-baru-2");
        await page.GetByLabel("Ulangi kata sandi baru").FillAsync("kata-sandi-baru-2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan kata sandi" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("password-changed")).ToBeVisibleAsync();
        await page.Context.CloseAsync();

        var again = await browser.NewPageAsync();
        await again.LoginAsync("ganti.sandi@kopukm.test", "kata-sandi-lama-1");
        await Assertions.Expect(again.GetByTestId("login-error")).ToBeVisibleAsync();
        await again.LoginAsync("ganti.sandi@kopukm.test", "kata-sandi-baru-2");
        await again.WaitForInteractiveAsync();
        await Assertions.Expect(again.Locator("main")).ToContainTextAsync("Selamat datang");
        await again.Context.CloseAsync();
    }

    [Fact]
    public async Task A_disabled_user_is_sent_to_the_login_page_within_seconds()
    {
        await CreateUserAsync("dinonaktifkan@kopukm.test", "kata-sandi-benar-2");
        var page = await browser.NewPageAsync();
        await page.LoginAsync("dinonaktifkan@kopukm.test", "kata-sandi-benar-2");
        await page.WaitForInteractiveAsync();

        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync("dinonaktifkan@kopukm.test"))!;
            user.IsActive = false;
            await users.UpdateAsync(user);
            await users.UpdateSecurityStampAsync(user);
        }

        // The test host re-checks sessions every 2 seconds (production: every minute).
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"), new() { Timeout = 15_000 });
        await page.Context.CloseAsync();
    }

    private async Task CreateUserAsync(string email, string password)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, FullName = "Uji E2E", DivisionId = 1, EmailConfirmed = true };
        var result = await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, KopUkm.Dashboard.Features.Security.AppRoles.Petugas);
    }
}
