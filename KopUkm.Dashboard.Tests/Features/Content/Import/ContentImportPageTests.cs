using Bunit;
using KopUkm.Dashboard.Features.Content.Pages.Import;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.Features.Content.Fetch;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using static KopUkm.Dashboard.Tests.Features.Content.Import.SitemapFiles;

namespace KopUkm.Dashboard.Tests.Features.Content.Import;

/// <summary>The import page rendered with bunit over the real services, fetching from a real local server.</summary>
public sealed class ContentImportPageTests(SitemapServer server) : AppBunitContext, IClassFixture<SitemapServer>, IAsyncLifetime
{
    private TestServices app = default!;
    private Dictionary<string, int> divisions = [];

    async Task IAsyncLifetime.InitializeAsync()
    {
        app = await TestServices.CreateAsync(LocalFetch.Allow(new Uri(server.BaseUrl)), validateScopes: false);
        UseApp(app);
        divisions = await app.DivisionIdsAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await app.DisposeAsync();
    }

    [Theory]
    [InlineData(AppRoles.Petugas)]
    [InlineData(AppRoles.KepalaBidang)]
    public void Division_staff_are_told_they_may_not_import(string role)
    {
        ActAs(role, "UMK");

        var page = Render<ContentImportPage>();

        page.WaitForElement("[data-testid=access-denied]");
        Assert.Empty(page.FindAll("[data-testid=import-tabs]"));
    }

    [Fact]
    public async Task Importing_a_sitemap_address_shows_the_counts_the_pages_without_rule_and_the_rejected_entries()
    {
        ActAs(AppRoles.StafTI, "TI");
        server.Serve("/page-test/sitemap.xml", Bytes(UrlSet($"{Site}/umkm/kur", $"{Site}/galeri/foto", "mailto:info@jambiprov.go.id")));
        var page = Render<ContentImportPage>();
        page.WaitForElement("[data-testid=import-tabs]");

        await page.Find("input[data-testid=sitemap-url]").InputAsync(new() { Value = server.Url("/page-test/sitemap.xml") });
        await page.Find("[data-testid=sitemap-url-import]").ClickAsync(new());

        page.WaitForElement("[data-testid=import-done]");
        Assert.Equal("Impor selesai: 2 ditambahkan, 0 sudah ada dan tidak diubah.", page.Find("[data-testid=import-done] p").TextContent.Trim());
        Assert.Contains("1 halaman baru tidak cocok dengan aturan URL mana pun, sehingga dimasukkan ke Sekretariat (SEK).", page.Find("[data-testid=import-without-rule]").TextContent, StringComparison.Ordinal);
        // IT staff cannot open the administration page, so they are not offered the link.
        Assert.DoesNotContain("Atur aturan URL", page.Markup, StringComparison.Ordinal);
        var rejected = page.FindAll("[data-testid=import-rejections] tbody tr");
        Assert.Equal("Alamat \"mailto:info@jambiprov.go.id\" bukan URL http(s) yang valid.", Assert.Single(rejected).Children[^1].TextContent.Trim());
        Assert.StartsWith("data:text/csv;charset=utf-8;base64,", page.Find("[data-testid=import-report]").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sitemap_that_cannot_be_fetched_is_explained_and_the_form_stays()
    {
        ActAs(AppRoles.Administrator, "TI");
        var page = Render<ContentImportPage>();
        page.WaitForElement("[data-testid=import-tabs]");

        await page.Find("input[data-testid=sitemap-url]").InputAsync(new() { Value = server.Url("/page-test/tidak-ada.xml") });
        await page.Find("[data-testid=sitemap-url-import]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("Server situs menjawab HTTP 404.", page.Find("[data-testid=import-file-error]").TextContent.Trim()));
        Assert.NotNull(page.Find("[data-testid=import-tabs]"));
    }

    [Fact]
    public async Task A_sitemap_redirecting_to_a_file_address_is_told_in_the_one_sentence_and_the_form_stays()
    {
        ActAs(AppRoles.StafTI, "TI");
        server.Redirect("/page-test/to-file.xml", "file:///etc/passwd");
        var page = Render<ContentImportPage>();
        page.WaitForElement("[data-testid=import-tabs]");

        await page.Find("input[data-testid=sitemap-url]").InputAsync(new() { Value = server.Url("/page-test/to-file.xml") });
        await page.Find("[data-testid=sitemap-url-import]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(
            "Alamat tidak dapat diambil: hanya situs resmi dinas yang diizinkan, dan situs itu harus dapat dijangkau.",
            page.Find("[data-testid=import-file-error]").TextContent.Trim()));
        Assert.NotNull(page.Find("[data-testid=import-tabs]"));
        Assert.Empty(await app.ItemsAsync());
    }

    private void ActAs(string role, string divisionCode)
    {
        app.ActAs(role, divisions[divisionCode], "user-" + role, divisionCode: divisionCode);
        SignInAs(role, divisions[divisionCode]);
    }
}
