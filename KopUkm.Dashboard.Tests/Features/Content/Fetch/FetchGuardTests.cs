using System.Globalization;
using KopUkm.Dashboard.Features.Content.Fetch;
using KopUkm.Dashboard.Features.Content.LiveCheck;
using KopUkm.Dashboard.Tests.Features.Content.LiveCheck;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Tests.Features.Content.Fetch;

/// <summary>
/// The guard's two halves: the address policy callers apply to every URL and redirect hop, and the connection
/// callback that resolves, checks and connects (against a real local Kestrel site, which records what reached it).
/// </summary>
public sealed class FetchGuardTests
{
    private const string Site = "https://www.dinaskopukm.jambiprov.go.id";

    private static FetchGuard Guard(string? siteUrl = Site, string[]? hosts = null, int[]? ports = null, bool allowLoopback = false) =>
        new(
            Options.Create(new FetchOptions { AllowedHosts = hosts ?? [], AllowedPorts = ports ?? [], AllowLoopback = allowLoopback }),
            Options.Create(new LiveCheckOptions { SiteUrl = siteUrl }),
            NullLogger<FetchGuard>.Instance);

    [Theory]
    [InlineData("https://dinaskopukm.jambiprov.go.id/layanan/nib-oss")]
    [InlineData("https://www.dinaskopukm.jambiprov.go.id/")]
    [InlineData("http://layanan.dinaskopukm.jambiprov.go.id/sitemap.xml")]
    [InlineData("https://DinasKopUkm.JambiProv.go.id./profil")]
    [InlineData("https://dinaskopukm.jambiprov.go.id:443/berita")]
    [InlineData("https://plut.jambiprov.go.id/klinik")]
    public void The_offices_site_its_subdomains_and_configured_hosts_are_allowed(string url) =>
        Assert.Null(Guard(hosts: ["plut.jambiprov.go.id"]).Refusal(new Uri(url)));

    [Theory]
    [InlineData("https://evil.example/sitemap.xml")]
    [InlineData("https://dinaskopukm.jambiprov.go.id.evil.example/")]
    [InlineData("https://evildinaskopukm.jambiprov.go.id/")]
    [InlineData("https://jambiprov.go.id/")]
    [InlineData("https://dinaskopukm.jambiprov.go.id:8443/")]
    [InlineData("https://dinaskopukm.jambiprov.go.id:22/")]
    [InlineData("ftp://dinaskopukm.jambiprov.go.id/sitemap.xml")]
    [InlineData("file:///etc/passwd")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://admin:rahasia@dinaskopukm.jambiprov.go.id/")]
    [InlineData("http://127.0.0.1/")]
    [InlineData("http://localhost/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[::1]/")]
    public void Anything_else_is_refused(string url) => Assert.NotNull(Guard().Refusal(new Uri(url)));

    [Fact]
    public void Without_a_site_or_allowed_hosts_nothing_is_allowed() =>
        Assert.NotNull(Guard(siteUrl: null).Refusal(new Uri("https://dinaskopukm.jambiprov.go.id/")));

    [Fact]
    public void The_sites_own_port_and_configured_ports_are_allowed()
    {
        var guard = Guard(siteUrl: "http://dinas.example:8080", ports: [8443]);

        Assert.Null(guard.Refusal(new Uri("http://dinas.example:8080/")));
        Assert.Null(guard.Refusal(new Uri("https://layanan.dinas.example:8443/")));
        Assert.NotNull(guard.Refusal(new Uri("http://dinas.example:8081/")));
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    [InlineData("[::ffff:127.0.0.1]")]
    public async Task A_host_on_the_list_that_is_loopback_is_refused_when_connecting_and_never_reached(string host)
    {
        await using var site = await PlainSiteAsync();
        var guard = Guard(hosts: [host.Trim('[', ']')], ports: [site.BaseUrl.Port]);
        var url = new Uri($"http://{host}:{site.BaseUrl.Port.ToString(CultureInfo.InvariantCulture)}/halaman");
        Assert.Null(guard.Refusal(url));

        var refusal = await RefusedAsync(guard, url);

        Assert.Contains("not public", refusal.Message, StringComparison.Ordinal);
        Assert.Empty(site.Requests);
    }

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("192.168.1.1")]
    [InlineData("100.64.0.1")]
    [InlineData("[fd00::1]")]
    [InlineData("[::ffff:169.254.169.254]")]
    public async Task With_loopback_allowed_every_other_non_public_address_is_still_refused(string host)
    {
        var guard = Guard(hosts: [host.Trim('[', ']')], allowLoopback: true);

        var refusal = await RefusedAsync(guard, new Uri($"http://{host}/latest/meta-data/"));

        Assert.Contains("not public", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_connection_refuses_a_host_off_the_list_even_when_the_caller_did_not_ask_first()
    {
        await using var site = await PlainSiteAsync();
        var guard = Guard(hosts: [], ports: [site.BaseUrl.Port], allowLoopback: true);

        var refusal = await RefusedAsync(guard, site.Url("/halaman"));

        Assert.Contains("not an allowed host", refusal.Message, StringComparison.Ordinal);
        Assert.Empty(site.Requests);
    }

    [Fact]
    public async Task With_loopback_allowed_a_local_site_on_the_list_is_reached()
    {
        await using var site = await PlainSiteAsync();
        var guard = Guard(hosts: ["127.0.0.1"], ports: [site.BaseUrl.Port], allowLoopback: true);
        using var client = new HttpClient(guard.CreateHandler());

        var body = await client.GetStringAsync(site.Url("/halaman"));

        Assert.Contains("Profil dinas", body, StringComparison.Ordinal);
        Assert.Equal(1, site.CountOf("/halaman"));
    }

    [Fact]
    public async Task Redirects_are_never_followed_by_the_handler_itself()
    {
        await using var site = await TestSite.StartAsync(app => app.MapGet("/lama", () => Results.Redirect("/halaman")));
        var guard = Guard(hosts: ["127.0.0.1"], ports: [site.BaseUrl.Port], allowLoopback: true);
        using var client = new HttpClient(guard.CreateHandler());

        using var response = await client.GetAsync(site.Url("/lama"));

        Assert.Equal(302, (int)response.StatusCode);
        Assert.Equal(0, site.CountOf("/halaman"));
    }

    private static Task<TestSite> PlainSiteAsync() =>
        TestSite.StartAsync(app => app.MapGet("/halaman", () => TestSite.Html("<main>Profil dinas</main>")));

    /// <summary>The request fails at the connection with the guard's refusal; a 5-second cap keeps a broken guard from hanging on a silent address.</summary>
    private static async Task<FetchRefusedException> RefusedAsync(FetchGuard guard, Uri url)
    {
        using var client = new HttpClient(guard.CreateHandler()) { Timeout = TimeSpan.FromSeconds(5) };
        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(url));
        return Assert.IsType<FetchRefusedException>(failure.InnerException);
    }
}
