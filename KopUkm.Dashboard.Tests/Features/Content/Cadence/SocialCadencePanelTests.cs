using Bunit;
using KopUkm.Dashboard.Features.Content.Import;
using KopUkm.Dashboard.Features.Content.Pages.Cadence;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.Features.Content.Import;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using static KopUkm.Dashboard.Tests.Features.Content.Import.SitemapFiles;

namespace KopUkm.Dashboard.Tests.Features.Content.Cadence;

/// <summary>The cadence panel rendered with bunit over the real services; the clock is 09:00 WIB on 23 November 2026.</summary>
public sealed class SocialCadencePanelTests : AppBunitContext, IAsyncLifetime
{
    private TestServices app = default!;
    private Dictionary<string, int> divisions = [];

    async Task IAsyncLifetime.InitializeAsync()
    {
        app = await TestServices.CreateAsync(validateScopes: false);
        UseApp(app);
        divisions = await app.DivisionIdsAsync();
        app.ActAs(AppRoles.StafTI, divisions["TI"], "staf-ti", divisionCode: "TI");
        SignInAs(AppRoles.StafTI, divisions["TI"]);
        var posts = """
            url,kanal,bidang,terbit
            https://www.instagram.com/p/a/,instagram,TI,2026-11-20
            https://www.youtube.com/watch?v=b,youtube,TI,2026-10-01
            https://www.instagram.com/p/c/,instagram,UMK,2026-11-22
            """;
        Assert.Equal(3, (await app.Get<ContentInventoryImportService>().ImportCsvAsync(Stream(posts), "medsos.csv")).Added);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public void One_division_shows_each_channel_with_its_last_post_days_target_and_status()
    {
        var panel = Render<SocialCadencePanel>(p => p.Add(c => c.DivisionId, divisions["TI"]));

        panel.WaitForElement("tr[data-channel]");
        var rows = panel.FindAll("tr[data-channel]").ToDictionary(r => r.GetAttribute("data-channel")!);
        Assert.Equal(["Instagram", "Facebook", "YouTube", "X"], rows.Keys);
        Assert.Equal(
            ["Instagram", "20 Nov 2026", "3 hari", "setiap 7 hari", "Sesuai target"],
            rows["Instagram"].Children.Select(c => c.TextContent.Trim()));
        Assert.Equal(("Late", "53 hari"), (rows["YouTube"].GetAttribute("data-status"), rows["YouTube"].Children[2].TextContent.Trim()));
        Assert.Equal(("NoPosts", "–"), (rows["Facebook"].GetAttribute("data-status"), rows["Facebook"].Children[1].TextContent.Trim()));
        Assert.DoesNotContain("<th>Bidang</th>", panel.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_division_adds_a_division_column()
    {
        var panel = Render<SocialCadencePanel>();

        panel.WaitForElement("tr[data-channel]");
        Assert.Contains(panel.FindAll("tr[data-channel]"), r => r.Children[0].TextContent.Trim() == "UMK");
        Assert.Equal("Bidang", panel.Find("thead th").TextContent.Trim());
    }
}
