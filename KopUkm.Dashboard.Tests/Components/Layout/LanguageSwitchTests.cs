using Bunit;
using KopUkm.Dashboard.Components.Layout;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace KopUkm.Dashboard.Tests.Components.Layout;

public sealed class LanguageSwitchTests : AppBunitContext
{
    [Fact]
    public async Task Choosing_english_stores_the_choice_on_the_server_and_returns_to_the_same_page()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/administrasi/pengguna");
        var popovers = Render<MudPopoverProvider>();
        var languageSwitch = Render<LanguageSwitch>();

        await languageSwitch.Find("button").ClickAsync(new());
        await popovers.Find("[data-testid=lang-en]").ClickAsync(new());

        Assert.EndsWith("/culture/set?culture=en-US&redirectUri=%2Fadministrasi%2Fpengguna", navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_current_language_is_marked()
    {
        UseCulture("en-US");
        var popovers = Render<MudPopoverProvider>();
        var languageSwitch = Render<LanguageSwitch>();

        await languageSwitch.Find("button").ClickAsync(new());

        Assert.StartsWith("✓", popovers.Find("[data-testid=lang-en]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("✓", popovers.Find("[data-testid=lang-id]").TextContent, StringComparison.Ordinal);
    }
}
