using Bunit;
using KopUkm.Dashboard.Features.Content.Pages.Settings;
using KopUkm.Dashboard.Features.Content.Settings;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.Features.Content.Import;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using MudBlazor;

namespace KopUkm.Dashboard.Tests.Features.Content.Settings;

/// <summary>The content settings page rendered with bunit over the real services on a real SQLite file.</summary>
public sealed class ContentSettingsPageTests : AppBunitContext, IAsyncLifetime
{
    private TestServices app = default!;
    private Dictionary<string, int> divisions = [];

    async Task IAsyncLifetime.InitializeAsync()
    {
        app = await TestServices.CreateAsync(validateScopes: false);
        UseApp(app);
        divisions = await app.DivisionIdsAsync();
        app.ActAs(AppRoles.Administrator, divisions["TI"], "admin");
        SignInAs(AppRoles.Administrator, divisions["TI"]);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public void The_rules_table_lists_every_rule_with_its_division()
    {
        var page = Render<ContentSettingsPage>();

        page.WaitForAssertion(() => Assert.Equal(ContentReferenceSeeder.DefaultRules.Count, page.FindAll("[data-testid=rules-table] tbody tr").Count));
        Assert.Contains("Bidang Pengawasan Koperasi", page.Find("[data-testid=rules-table]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Testing_an_address_says_which_division_and_rule_would_take_it()
    {
        var page = Render<ContentSettingsPage>();
        page.WaitForElement("[data-testid=rules-table] tbody tr");

        await page.Find("[data-testid=rule-test] input").InputAsync(new() { Value = "https://diskopukm.jambiprov.go.id/koperasi/pengawasan/ksp" });
        await page.Find("[data-testid=rule-test-run]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(
            "Masuk ke Bidang Pengawasan Koperasi (PWS) melalui aturan /koperasi/pengawasan.",
            page.Find("[data-testid=rule-test-result]").TextContent.Trim()));
    }

    [Fact]
    public async Task A_new_rule_needs_a_division_and_once_saved_appears_in_the_table()
    {
        var popovers = Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var page = Render<ContentSettingsPage>();
        page.WaitForElement("[data-testid=rules-table] tbody tr");

        // Not awaited: the click's handler waits for the dialog to close, which happens below.
        var adding = page.Find("[data-testid=rule-add]").ClickAsync(new());
        dialogs.WaitForElement("[data-testid=rule-save]");
        await dialogs.Find("input[data-testid=rule-prefix]").ChangeAsync(new() { Value = "/galeri/" });
        await dialogs.Find("[data-testid=rule-save]").ClickAsync(new());
        Assert.Contains("Wajib diisi.", dialogs.Markup, StringComparison.Ordinal);

        await dialogs.Find(".mud-input-control.mud-select").MouseDownAsync(new());
        popovers.WaitForElement(".mud-list-item");
        await popovers.FindAll(".mud-list-item").Single(i => i.TextContent.Contains("(TI)", StringComparison.Ordinal)).ClickAsync(new());
        await dialogs.Find("[data-testid=rule-save]").ClickAsync(new());
        await adding;

        page.WaitForAssertion(() => Assert.Contains("/galeri", page.Find("[data-testid=rules-table]").TextContent, StringComparison.Ordinal));
        Assert.Equal("TI", (await app.Get<ContentSettingsService>().ListRulesAsync()).Single(r => r.Prefix == "/galeri").DivisionCode);
    }
}
