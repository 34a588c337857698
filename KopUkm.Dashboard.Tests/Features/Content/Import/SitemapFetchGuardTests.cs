using System.Globalization;
using KopUkm.Dashboard.Features.Content.Fetch;
using KopUkm.Dashboard.Features.Content.Import;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.Features.Content.Fetch;
using KopUkm.Dashboard.Tests.Features.Content.LiveCheck;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using static KopUkm.Dashboard.Tests.Features.Content.Import.SitemapFiles;

namespace KopUkm.Dashboard.Tests.Features.Content.Import;

/// <summary>
/// The sitemap import by address behind the fetch guard, against a real local server: whatever is refused reads the
/// same sentence, adds nothing, and an address the guard refuses is never requested.
/// </summary>
public sealed class SitemapFetchGuardTests(SitemapServer server) : IClassFixture<SitemapServer>
{
    private string Port => new Uri(server.BaseUrl).Port.ToString(CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("http://127.0.0.1:{0}/listed/sitemap.xml")]
    [InlineData("http://127.0.0.2:{0}/listed/sitemap.xml")]
    [InlineData("http://10.0.0.1/listed/sitemap.xml")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[::1]:{0}/listed/sitemap.xml")]
    [InlineData("http://localhost:{0}/listed/sitemap.xml")]
    public async Task Loopback_private_and_metadata_addresses_are_refused_by_default_even_when_their_host_is_listed(string address)
    {
        server.Serve("/listed/sitemap.xml", Bytes(UrlSet($"{Site}/umkm/kur")));
        var settings = new Dictionary<string, string?>
        {
            ["Content:Fetch:AllowedHosts:0"] = "127.0.0.1",
            ["Content:Fetch:AllowedHosts:1"] = "127.0.0.2",
            ["Content:Fetch:AllowedHosts:2"] = "10.0.0.1",
            ["Content:Fetch:AllowedHosts:3"] = "169.254.169.254",
            ["Content:Fetch:AllowedHosts:4"] = "::1",
            ["Content:Fetch:AllowedHosts:5"] = "localhost",
            ["Content:Fetch:AllowedPorts:0"] = Port,
        };

        var (result, items) = await ImportAsync(settings, string.Format(CultureInfo.InvariantCulture, address, Port));

        AssertRefused(result, items);
        Assert.Equal(0, server.CountOf("/listed/sitemap.xml"));
    }

    [Theory]
    [InlineData("http://127.0.0.1:{0}/unlisted/sitemap.xml")]
    [InlineData("https://evil.example/sitemap.xml")]
    [InlineData("https://dinaskopukm.jambiprov.go.id.evil.example/sitemap.xml")]
    [InlineData("https://dinaskopukm.jambiprov.go.id:{0}/sitemap.xml")]
    public async Task An_address_off_the_offices_site_is_refused_before_anything_is_requested(string address)
    {
        server.Serve("/unlisted/sitemap.xml", Bytes(UrlSet($"{Site}/umkm/kur")));
        var settings = new Dictionary<string, string?> { ["Content:LiveCheck:SiteUrl"] = "https://dinaskopukm.jambiprov.go.id" };

        var (result, items) = await ImportAsync(settings, string.Format(CultureInfo.InvariantCulture, address, Port));

        AssertRefused(result, items);
        Assert.Equal(0, server.CountOf("/unlisted/sitemap.xml"));
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://10.0.0.1/sitemap.xml")]
    [InlineData("http://127.0.0.2:{0}/redirect/target.xml")]
    [InlineData("http://localhost:{0}/redirect/target.xml")]
    [InlineData("http://[::1]:{0}/redirect/target.xml")]
    [InlineData("http://[::ffff:169.254.169.254]/latest/meta-data/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://evil.example/sitemap.xml")]
    public async Task A_redirect_from_the_allowed_site_to_a_refused_address_is_refused_and_adds_nothing(string location)
    {
        var from = $"/redirect/{Math.Abs(location.GetHashCode(StringComparison.Ordinal))}.xml";
        server.Redirect(from, string.Format(CultureInfo.InvariantCulture, location, Port));
        server.Serve("/redirect/target.xml", Bytes(UrlSet($"{Site}/umkm/kur")));

        var (result, items) = await ImportAsync(AllowServerAnd("10.0.0.1", "169.254.169.254", "::ffff:169.254.169.254"), server.Url(from));

        AssertRefused(result, items);
        Assert.Equal(1, server.CountOf(from));
        Assert.Equal(0, server.CountOf("/redirect/target.xml"));
    }

    [Fact]
    public async Task Redirects_on_the_allowed_site_are_followed()
    {
        server.Redirect("/moved/sitemap.xml", "/moved/new-sitemap.xml");
        server.Serve("/moved/new-sitemap.xml", Bytes(UrlSet($"{Site}/umkm/kur", $"{Site}/plut/klinik")));

        var (result, items) = await ImportAsync(LocalFetch.Allow(new Uri(server.BaseUrl)), server.Url("/moved/sitemap.xml"));

        Assert.Null(result.FileError);
        Assert.Equal((2, 2), (result.Added, items));
    }

    [Fact]
    public async Task A_redirect_loop_ends_after_five_hops_with_the_one_sentence()
    {
        server.Redirect("/loop/a.xml", "/loop/b.xml");
        server.Redirect("/loop/b.xml", "/loop/a.xml");

        var (result, items) = await ImportAsync(LocalFetch.Allow(new Uri(server.BaseUrl)), server.Url("/loop/a.xml"));

        AssertRefused(result, items);
        Assert.Equal(SitemapCollector.MaxRedirects + 1, server.CountOf("/loop/a.xml") + server.CountOf("/loop/b.xml"));
    }

    [Fact]
    public async Task A_child_sitemap_redirected_to_the_metadata_address_is_reported_with_the_one_sentence_and_the_others_imported()
    {
        server.Serve("/guarded-index/sitemap.xml", Bytes(Index(server.Url("/guarded-index/moved.xml"), server.Url("/guarded-index/pages.xml"))));
        server.Redirect("/guarded-index/moved.xml", "http://169.254.169.254/latest/meta-data/");
        server.Serve("/guarded-index/pages.xml", Bytes(UrlSet($"{Site}/umkm/kur")));

        var (result, items) = await ImportAsync(AllowServerAnd("169.254.169.254"), server.Url("/guarded-index/sitemap.xml"));

        Assert.Equal((1, 1), (result.Added, items));
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal((server.Url("/guarded-index/moved.xml"), FetchGuard.RefusedMessageKey), (rejection.Source, rejection.Error.MessageKey));
    }

    [Fact]
    public async Task A_closed_port_on_an_allowed_host_reads_the_same_sentence()
    {
        Uri closed;
        await using (var gone = await TestSite.StartAsync(_ => { }))
        {
            closed = gone.Url("/sitemap.xml");
        }

        var (result, items) = await ImportAsync(LocalFetch.Allow(new Uri(server.BaseUrl), closed), closed.AbsoluteUri);

        AssertRefused(result, items);
    }

    private Dictionary<string, string?> AllowServerAnd(params string[] hosts)
    {
        var settings = LocalFetch.Allow(new Uri(server.BaseUrl));
        for (var i = 0; i < hosts.Length; i++)
        {
            settings[$"Content:Fetch:AllowedHosts:{i + 1}"] = hosts[i];
        }

        return settings;
    }

    private static async Task<(ContentImportResult Result, int Items)> ImportAsync(Dictionary<string, string?> settings, string address)
    {
        await using var app = await TestServices.CreateAsync(settings);
        app.ActAs(AppRoles.StafTI, 7, "staf-ti", divisionCode: "TI");
        var result = await app.Get<ContentInventoryImportService>().ImportSitemapUrlAsync(address);
        return (result, (await app.ItemsAsync()).Count);
    }

    private static void AssertRefused(ContentImportResult result, int items)
    {
        Assert.Equal(FetchGuard.RefusedMessageKey, result.FileError?.MessageKey);
        Assert.Equal(0, result.Added);
        Assert.Equal(0, items);
    }
}
