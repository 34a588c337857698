using KopUkm.Dashboard.Features.Content.Fetch;
using KopUkm.Dashboard.Features.Content.Import;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.Features.Content.Fetch;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using static KopUkm.Dashboard.Tests.Features.Content.Import.SitemapFiles;

namespace KopUkm.Dashboard.Tests.Features.Content.Import;

/// <summary>Sitemaps fetched over HTTP from a real local Kestrel server, shared by the tests of this class.</summary>
public sealed class SitemapUrlImportTests(SitemapServer server) : IClassFixture<SitemapServer>, IAsyncLifetime
{
    private TestServices app = default!;

    public async Task InitializeAsync()
    {
        app = await TestServices.CreateAsync(LocalFetch.Allow(new Uri(server.BaseUrl)));
        app.ActAs(AppRoles.StafTI, 7, "staf-ti", divisionCode: "TI");
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private ContentInventoryImportService Imports => app.Get<ContentInventoryImportService>();

    [Fact]
    public async Task A_sitemap_at_an_address_is_fetched_with_the_offices_user_agent_and_imported()
    {
        server.Serve("/plain/sitemap.xml", Bytes(UrlSet($"{Site}/umkm/kur", $"{Site}/plut/pameran")));

        var result = await Imports.ImportSitemapUrlAsync(server.Url("/plain/sitemap.xml"));

        Assert.Null(result.FileError);
        Assert.Equal(2, result.Added);
        Assert.Equal(SitemapCollector.UserAgent, server.LastUserAgent);
    }

    [Fact]
    public async Task A_sitemap_index_is_followed_to_its_children_plain_and_gzip_on_the_same_host_only()
    {
        var otherHost = server.Url("/index/other.xml").Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        server.Serve("/index/sitemap.xml", Bytes(Index(server.Url("/index/pages.xml"), server.Url("/index/news.xml.gz"), otherHost)));
        server.Serve("/index/pages.xml", Bytes(UrlSet($"{Site}/koperasi/kelembagaan/rat", $"{Site}/umkm/halal")));
        server.Serve("/index/news.xml.gz", Gzip(UrlSet($"{Site}/berita/pameran-produk-umkm-2026")), "application/gzip");
        server.Serve("/index/other.xml", Bytes(UrlSet($"{Site}/tidak-diambil")));

        var result = await Imports.ImportSitemapUrlAsync(server.Url("/index/sitemap.xml"));

        Assert.Equal((3, 3), (result.Added, result.FilesRead));
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(("ContentImport.ChildOtherHost", otherHost), (rejection.Error.MessageKey, rejection.Error.Value));
        Assert.Equal(["KLM", "UMK", "SEK"], (await app.ItemsAsync()).Select(i => i.OwnerDivision!.Code));
    }

    [Fact]
    public async Task A_nested_index_is_followed_two_levels_deep_and_no_further()
    {
        server.Serve("/nested/sitemap.xml", Bytes(Index(server.Url("/nested/level1.xml"))));
        server.Serve("/nested/level1.xml", Bytes(Index(server.Url("/nested/level2.xml"))));
        server.Serve("/nested/level2.xml", Bytes(Index(server.Url("/nested/level3.xml"))));
        server.Serve("/nested/level3.xml", Bytes(UrlSet($"{Site}/terlalu-dalam")));

        var result = await Imports.ImportSitemapUrlAsync(server.Url("/nested/sitemap.xml"));

        Assert.Equal(0, result.Added);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal((server.Url("/nested/level2.xml"), "ContentImport.ChildTooDeep"), (rejection.Source, rejection.Error.MessageKey));
    }

    [Fact]
    public async Task A_child_that_cannot_be_fetched_is_reported_and_the_other_children_are_imported()
    {
        server.Serve("/missing-child/sitemap.xml", Bytes(Index(server.Url("/missing-child/gone.xml"), server.Url("/missing-child/pages.xml"))));
        server.Serve("/missing-child/pages.xml", Bytes(UrlSet($"{Site}/umkm/kur")));

        var result = await Imports.ImportSitemapUrlAsync(server.Url("/missing-child/sitemap.xml"));

        Assert.Equal(1, result.Added);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal((server.Url("/missing-child/gone.xml"), "ContentImport.FetchStatus", "404"), (rejection.Source, rejection.Error.MessageKey, rejection.Error.Value));
    }

    [Fact]
    public async Task At_most_fifty_child_sitemaps_are_read()
    {
        var children = Enumerable.Range(1, SitemapCollector.MaxChildFiles + 2).Select(i => server.Url($"/many/child-{i}.xml")).ToArray();
        server.Serve("/many/sitemap.xml", Bytes(Index(children)));
        for (var i = 1; i <= children.Length; i++)
        {
            server.Serve($"/many/child-{i}.xml", Bytes(UrlSet($"{Site}/berita/kabar-{i}")));
        }

        var result = await Imports.ImportSitemapUrlAsync(server.Url("/many/sitemap.xml"));

        Assert.Equal(50, result.Added);
        Assert.Equal(2, result.Rejections.Count(r => r.Error.MessageKey == "ContentImport.TooManyChildren"));
    }

    [Fact]
    public async Task An_uploaded_index_fetches_its_children_from_the_host_it_names()
    {
        server.Serve("/uploaded/pages.xml", Bytes(UrlSet($"{Site}/plut/klinik", $"{Site}/umkm/kur")));

        var result = await Imports.ImportSitemapFileAsync(Stream(Index(server.Url("/uploaded/pages.xml"))), "sitemap_index.xml");

        Assert.Equal((2, 2), (result.Added, result.FilesRead));
    }

    [Fact]
    public async Task An_address_that_answers_404_fails_the_import_with_the_status()
    {
        var result = await Imports.ImportSitemapUrlAsync(server.Url("/nowhere/sitemap.xml"));

        Assert.Equal(("ContentImport.FetchStatus", "404"), (result.FileError?.MessageKey, result.FileError?.Value));
        Assert.Empty(await app.ItemsAsync());
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_fails_the_import_with_the_one_sentence()
    {
        var result = await Imports.ImportSitemapUrlAsync("http://127.0.0.1:1/sitemap.xml");

        Assert.Equal(FetchGuard.RefusedMessageKey, result.FileError?.MessageKey);
    }

    [Theory]
    [InlineData("diskopukm.jambiprov.go.id/sitemap.xml")]
    [InlineData("file:///etc/passwd")]
    public async Task Only_an_http_address_is_fetched(string address)
    {
        var result = await Imports.ImportSitemapUrlAsync(address);

        Assert.Equal("ContentImport.BadSitemapUrl", result.FileError?.MessageKey);
    }
}
