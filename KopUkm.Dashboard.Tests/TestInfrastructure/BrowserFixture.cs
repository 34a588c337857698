using Microsoft.Playwright;

namespace KopUkm.Dashboard.Tests.TestInfrastructure;

/// <summary>
/// One app on Kestrel and one headless Debian Chromium for all end-to-end tests; each test gets its own
/// browser context (cookies, storage), so tests do not see each other's sessions.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    public BrowserFixture()
        : this(new KestrelAppFactory())
    {
    }

    protected BrowserFixture(KestrelAppFactory app) => App = app;

    public KestrelAppFactory App { get; }

    /// <summary>The running fixture (there is one, shared by the browser collection), for failure messages.</summary>
    internal static BrowserFixture? Current { get; private set; }

    public IBrowser Browser { get; private set; } = default!;

    public string BaseUrl => App.Address;

    public async Task InitializeAsync()
    {
        _ = App.Address;
        if (GetType() == typeof(BrowserFixture))
        {
            Current = this;
        }
        // Assertions wait as long as actions do (15 s, set per context below): the suite runs on two busy cores.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new() { Width = 1366, Height = 900 } });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>The same browser against an app holding the whole demo data set (every list full, every page reachable).</summary>
public sealed class DemoDataBrowserFixture() : BrowserFixture(new DemoDataKestrelAppFactory());

[CollectionDefinition(Name)]
public sealed class DemoDataBrowserTests : ICollectionFixture<DemoDataBrowserFixture>
{
    public const string Name = "browser-demo-data";
}

[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

public static class PageExtensions
{
    /// <summary>Waits until the Blazor circuit is live: clicks before then are lost.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("[data-interactive='true']").WaitForAsync();

    /// <summary>
    /// Waits for a save to move the page to <paramref name="url"/>. Blazor moves within the same document, so this
    /// watches the address only (WaitForURL would also wait for a load event, which a same-document move need not
    /// bring). Saves run the first time on a cold server and under the other test classes' load, so this allows 30 s;
    /// when the page stays, the failure says what the page shows instead (a validation message, a conflict, an
    /// error) and what the server logged, rather than only "timeout".
    /// </summary>
    public static async Task ExpectNavigatedAsync(this IPage page, System.Text.RegularExpressions.Regex url)
    {
        try
        {
            await Assertions.Expect(page).ToHaveURLAsync(url, new() { Timeout = 30_000 });
        }
        catch (PlaywrightException)
        {
            var shown = await page.Locator(".mud-alert, .mud-input-error, .mud-snackbar, #blazor-error-ui[style*=block], #components-reconnect-modal[open]")
                .AllInnerTextsAsync();
            var readyState = await page.EvaluateAsync<string>("() => document.readyState");
            var serverLog = BrowserFixture.Current?.App.ServerLog.Entries ?? [];
            throw new Xunit.Sdk.XunitException(
                $"Still at {page.Url} (document {readyState}) after saving; the page shows: {string.Join(" | ", shown)}; the server logged:\n{string.Join("\n", serverLog)}");
        }
    }

    public static async Task LoginAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Kata sandi").FillAsync(password);
        // Wait for the post's answer (the redirect with the cookie, or the form again), so a following GotoAsync
        // cannot cancel the post before the cookie arrives. What the page then shows, callers wait for themselves.
        await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync(),
            response => response.Request.Method == "POST" && response.Url.Contains("/Account/Login", StringComparison.Ordinal));
    }
}
