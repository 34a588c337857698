using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.Playwright;

namespace KopUkm.Dashboard.Tests.EndToEnd;

/// <summary>The content security policy holds the app to its own scripts, and the app needs nothing else.</summary>
[Collection(BrowserTests.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Every_main_page_works_under_the_policy_without_a_single_violation()
    {
        var page = await browser.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add($"{page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => violations.Add($"{page.Url}: {error}");

        var login = await page.GotoAsync("/Account/Login");
        Assert.Contains("script-src 'self'", login!.Headers["content-security-policy"], StringComparison.Ordinal);
        await page.LoginAsync("admin@kopukm.demo", DemoUsers.Password);
        await page.WaitForInteractiveAsync();
        foreach (var path in new[] { "/layanan", "/koperasi", "/konten", "/tugas-ti", "/metrik", "/administrasi", "/administrasi/riwayat" })
        {
            await page.GotoAsync(path);
            await page.WaitForInteractiveAsync();
            await Assertions.Expect(page.Locator("h1").First).ToBeVisibleAsync();
        }

        Assert.Empty(violations);
        await page.Context.CloseAsync();
    }
}
