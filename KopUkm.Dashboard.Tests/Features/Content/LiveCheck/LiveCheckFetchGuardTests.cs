using KopUkm.Dashboard.Features.Content;
using KopUkm.Dashboard.Features.Content.Fetch;
using KopUkm.Dashboard.Features.Content.LiveCheck;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using static KopUkm.Dashboard.Tests.Features.Content.LiveCheck.TestChecker;

namespace KopUkm.Dashboard.Tests.Features.Content.LiveCheck;

/// <summary>
/// The live-site check behind the fetch guard, against a real local site: a refused page, redirect hop, robots.txt
/// or link is never requested, and what is stored about it is the one sentence, nothing an internal address said.
/// </summary>
public sealed class LiveCheckFetchGuardTests : IAsyncLifetime
{
    private TestSite site = default!;

    public async Task InitializeAsync() =>
        site = await TestSite.StartAsync(web =>
        {
            web.MapGet("/profil", () => TestSite.Html("<main>Profil dinas</main>"));
            web.MapGet("/ke-metadata", () => Results.Redirect("http://169.254.169.254/latest/meta-data/"));
            web.MapGet("/ke-jaringan", () => Results.Redirect("http://10.0.0.1/admin"));
            web.MapGet("/ke-lokal", (HttpContext context) => Results.Redirect($"http://127.0.0.2:{context.Connection.LocalPort}/profil"));
            web.MapGet("/ke-localhost", (HttpContext context) => Results.Redirect($"http://localhost:{context.Connection.LocalPort}/profil"));
            web.MapGet("/ke-berkas", () => Results.Redirect("file:///etc/passwd"));
            web.MapGet("/tautan", () => TestSite.Html("<main><a href=\"/keluar\">Keluar</a> <a href=\"/profil\">Profil</a></main>"));
            web.MapMethods("/keluar", ["GET", "HEAD"], () => Results.Redirect("http://169.254.169.254/latest/meta-data/"));
        });

    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task With_the_default_settings_a_site_on_this_machine_is_refused_and_never_requested()
    {
        await using var app = await TestServices.CreateAsync(new Dictionary<string, string?>
        {
            ["Content:LiveCheck:SiteUrl"] = site.BaseUrl.AbsoluteUri,
            ["Content:LiveCheck:RequestsPerSecondPerHost"] = "100",
        });
        var item = await PublishedAsync(app, "/profil");

        var run = await app.Get<ContentLiveCheckService>().RunAsync();

        Assert.Equal(1, run.Errors);
        var check = Assert.Single(await ChecksAsync(app, item));
        Assert.Equal((PageCheckOutcome.Error, (int?)null, FetchGuard.RefusedMessageKey), (check.Result, check.HttpStatus, check.Error));
        Assert.Empty(site.Requests);
    }

    [Theory]
    [InlineData("/ke-metadata")]
    [InlineData("/ke-jaringan")]
    [InlineData("/ke-lokal")]
    [InlineData("/ke-localhost")]
    [InlineData("/ke-berkas")]
    public async Task A_redirect_to_a_refused_address_is_stored_as_the_one_sentence_without_the_hop(string path)
    {
        await using var app = await TestServices.CreateAsync(new Dictionary<string, string?>
        {
            ["Content:LiveCheck:SiteUrl"] = site.BaseUrl.AbsoluteUri,
            ["Content:LiveCheck:RequestsPerSecondPerHost"] = "100",
            ["Content:Fetch:AllowLoopback"] = "true",
            // Listed, so only the address check can refuse them.
            ["Content:Fetch:AllowedHosts:0"] = "169.254.169.254",
            ["Content:Fetch:AllowedHosts:1"] = "10.0.0.1",
        });
        var item = await PublishedAsync(app, path);

        await app.Get<ContentLiveCheckService>().RunAsync();

        var check = Assert.Single(await ChecksAsync(app, item));
        Assert.Equal((PageCheckOutcome.Error, 302, FetchGuard.RefusedMessageKey), (check.Result, check.HttpStatus, check.Error));
        Assert.Null(check.Redirects);
        Assert.Null(check.ContentHash);
        Assert.Equal(0, site.CountOf("/profil"));
        Assert.Equal(1, site.CountOf(path));
    }

    [Fact]
    public async Task A_link_that_leads_off_the_allowed_hosts_is_neither_followed_nor_reported()
    {
        using var checker = Build(site);

        var result = (await checker.CheckAsync(Page(site.Url("/tautan")))).Single();

        Assert.Equal(PageCheckOutcome.Unchanged, result.Outcome);
        Assert.Empty(result.BrokenLinks);
        Assert.Equal(1, site.CountOf("/keluar", "HEAD"));
    }

    [Fact]
    public async Task A_robots_txt_redirected_to_a_refused_address_keeps_the_host_unrequested_with_the_one_sentence()
    {
        await using var robotsSite = await TestSite.StartAsync(web =>
        {
            web.MapGet("/robots.txt", () => Results.Redirect("http://169.254.169.254/robots.txt"));
            web.MapGet("/profil", () => TestSite.Html("<main>Profil</main>"));
        });
        using var checker = Build(robotsSite, new() { ["Content:Fetch:AllowedHosts:1"] = "169.254.169.254" });

        var result = (await checker.CheckAsync(Page(robotsSite.Url("/profil")))).Single();

        Assert.Equal((PageCheckOutcome.Error, FetchGuard.RefusedMessageKey), (result.Outcome, result.Error));
        Assert.Equal(0, robotsSite.CountOf("/profil"));
    }

    private async Task<long> PublishedAsync(TestServices app, string path)
    {
        var klm = (await app.Get<OrganizationService>().ListDivisionsAsync()).Single(d => d.Code == "KLM").Id;
        return await ContentTestData.PublishedPageAsync(app, klm, site.Url(path).AbsoluteUri, publishedDaysAgo: 60);
    }

    private static async Task<List<ContentCheck>> ChecksAsync(TestServices app, long item)
    {
        await using var db = await app.DbAsync();
        return await db.Set<ContentCheck>().Where(c => c.ContentItemId == item).ToListAsync();
    }
}
