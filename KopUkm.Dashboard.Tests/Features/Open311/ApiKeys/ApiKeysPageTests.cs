using Bunit;
using KopUkm.Dashboard.Features.Open311.ApiKeys;
using KopUkm.Dashboard.Features.Open311.ApiKeys.Pages;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.Features.Content.Import;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using MudBlazor;

namespace KopUkm.Dashboard.Tests.Features.Open311.ApiKeys;

/// <summary>/administrasi/kunci-api rendered with bunit over the real services on a real SQLite file, as an administrator.</summary>
public sealed class ApiKeysPageTests : AppBunitContext, IAsyncLifetime
{
    private TestServices app = default!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        app = await TestServices.CreateAsync(validateScopes: false);
        UseApp(app);
        var divisions = await app.DivisionIdsAsync();
        app.ActAs(AppRoles.Administrator, divisions["TI"], "admin");
        SignInAs(AppRoles.Administrator, divisions["TI"]);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task A_new_key_is_shown_once_then_only_its_name_and_prefix_are_listed()
    {
        var page = Render<ApiKeysPage>();
        page.WaitForAssertion(() => Assert.Contains("Tidak ada data", page.Find("[data-testid=api-keys-table]").TextContent, StringComparison.Ordinal));

        await page.Find("[data-testid=api-key-create]").ClickAsync(new());
        Assert.Contains("Wajib diisi", page.Markup, StringComparison.Ordinal);

        await page.Find("input[data-testid=api-key-name]").ChangeAsync(new() { Value = "Portal Provinsi Jambi" });
        await page.Find("[data-testid=api-key-create]").ClickAsync(new());

        var secret = page.WaitForElement("textarea[data-testid=api-key-secret]");
        var key = (secret.GetAttribute("value") ?? secret.TextContent).Trim();
        var stored = (await app.Get<ApiKeyAdmin>().ListAsync(new(0, 25))).Items.Single();
        Assert.Equal(stored.Prefix, ApiKeySecrets.PrefixOf(key));
        Assert.Contains("hanya ditampilkan sekali", page.Find("[data-testid=api-key-created]").TextContent, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.Equal("Portal Provinsi Jambi", page.Find("[data-testid=api-key-row-name]").TextContent.Trim()));
        Assert.Contains(stored.Prefix, page.Find("[data-testid=api-keys-table]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Belum pernah", page.Find("[data-testid=api-keys-table]").TextContent, StringComparison.Ordinal);

        await page.Find("[data-testid=api-key-done]").ClickAsync(new());

        Assert.Empty(page.FindAll("[data-testid=api-key-created]"));
        Assert.DoesNotContain(key, page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(key[(stored.Prefix.Length + 1)..], Render<ApiKeysPage>().Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoking_asks_first_then_marks_the_key_revoked_and_the_api_refuses_it()
    {
        var (_, created) = await app.Get<ApiKeyAdmin>().CreateAsync("Aplikasi lama");
        var dialogs = Render<MudDialogProvider>();
        var page = Render<ApiKeysPage>();
        page.WaitForElement("[data-testid=api-key-revoke]");

        // Not awaited: the click's handler waits for the confirmation, answered below.
        var revoking = page.Find("[data-testid=api-key-revoke]").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("Aplikasi lama", dialogs.Markup, StringComparison.Ordinal));
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cabut").ClickAsync(new());
        await revoking;

        page.WaitForAssertion(() => Assert.StartsWith("Dicabut", page.Find("[data-testid=api-key-row-status]").TextContent.Trim(), StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=api-key-revoke]"));
        Assert.Equal(ApiKeyCheck.Revoked, (await app.Get<ApiKeyVerifier>().VerifyAsync(created!.Key)).Check);
    }
}
