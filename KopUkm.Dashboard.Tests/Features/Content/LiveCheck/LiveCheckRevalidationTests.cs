using KopUkm.Dashboard.Features.Content;
using KopUkm.Dashboard.Features.Content.LiveCheck;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Tests.Features.Content.LiveCheck;

/// <summary>
/// Pages that answer 304 still get their links checked: the nightly check, run night after night against a real local
/// site whose pages honour If-None-Match, notices links that break while the linking page stays the same.
/// </summary>
public sealed class LiveCheckRevalidationTests : IAsyncLifetime
{
    private const string Etag = "\"v1\"";
    private TestSite site = default!;
    private TestServices app = default!;
    private volatile bool attachmentGone;
    private volatile bool profileGone;

    public async Task InitializeAsync()
    {
        site = await TestSite.StartAsync(web =>
        {
            web.MapGet("/layanan", (HttpContext context) => Conditional(context, "<main>Persyaratan layanan. <a href=\"/lampiran.pdf\">Formulir</a></main>"));
            web.MapMethods("/lampiran.pdf", ["GET", "HEAD"], () => attachmentGone ? Results.NotFound() : Results.Bytes([0x25, 0x50, 0x44, 0x46], "application/pdf"));
            web.MapGet("/beranda", (HttpContext context) => Conditional(context, "<main>Selamat datang. <a href=\"/profil\">Profil</a></main>"));
            web.MapMethods("/profil", ["GET", "HEAD"], (HttpContext context) => profileGone ? Results.NotFound() : Conditional(context, "<main>Profil dinas</main>"));
        });
        app = await TestServices.CreateAsync(new Dictionary<string, string?>
        {
            ["Content:LiveCheck:SiteUrl"] = site.BaseUrl.AbsoluteUri,
            ["Content:LiveCheck:RequestsPerSecondPerHost"] = "100",
            ["Content:Fetch:AllowLoopback"] = "true",
        });
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await site.DisposeAsync();
    }

    /// <summary>The page with an ETag; 304 when the request carries it.</summary>
    private static IResult Conditional(HttpContext context, string main)
    {
        context.Response.Headers.ETag = Etag;
        return context.Request.Headers.IfNoneMatch == Etag ? Results.StatusCode(StatusCodes.Status304NotModified) : TestSite.Html(main);
    }

    [Fact]
    public async Task A_link_that_breaks_after_the_first_visit_is_found_on_the_seventh_visit_and_checked_every_visit_until_fixed()
    {
        var page = await PublishedAsync("/layanan");
        await NightlyCheckAsync();
        attachmentGone = true;

        for (var night = 2; night <= RevalidationRule.Every; night++)
        {
            await NightlyCheckAsync();
            Assert.Equal(0, (await LoadAsync(page)).BrokenLinkCount);
        }

        await NightlyCheckAsync();
        Assert.Equal(1, (await LoadAsync(page)).BrokenLinkCount);
        attachmentGone = false;
        await NightlyCheckAsync();
        Assert.Equal(0, (await LoadAsync(page)).BrokenLinkCount);
        await NightlyCheckAsync();

        // Night 1 and the seventh visit after it (night 8) went without validators, and so did night 9, after broken
        // links; night 10 is conditional again. The link was requested on exactly those nights.
        Assert.Equal(
            [false, true, true, true, true, true, true, false, false, true],
            PageRequests("/layanan").Select(r => r.Headers.ContainsKey("If-None-Match")));
        Assert.Equal(3, site.CountOf("/lampiran.pdf", "HEAD"));
        var checks = await ChecksAsync(page);
        Assert.Equal([200, 304, 304, 304, 304, 304, 304, 200, 200, 304], checks.Select(c => c.HttpStatus ?? 0));
        Assert.All(checks, c => Assert.Equal(PageCheckOutcome.Unchanged, c.Result));
        Assert.Equal(Etag, (await LoadAsync(page)).ETag);
    }

    [Fact]
    public async Task After_a_page_of_the_site_is_found_broken_the_pages_read_before_are_read_again_once()
    {
        var home = await PublishedAsync("/beranda");
        var profile = await PublishedAsync("/profil");
        await NightlyCheckAsync();
        profileGone = true;

        await NightlyCheckAsync();
        await NightlyCheckAsync();
        Assert.Equal(LiveStatus.Broken, (await LoadAsync(profile)).LiveStatus);
        Assert.Equal(0, (await LoadAsync(home)).BrokenLinkCount);

        await NightlyCheckAsync();
        await NightlyCheckAsync();

        Assert.Equal(1, (await LoadAsync(home)).BrokenLinkCount);
        // Conditional on nights 2 and 3; in full on night 4 (the profile broke on night 3) and night 5 (broken link).
        Assert.Equal([false, true, true, false, false], PageRequests("/beranda").Select(r => r.Headers.ContainsKey("If-None-Match")));
    }

    private List<SeenRequest> PageRequests(string path) => [.. site.Requests.Where(r => r.PathAndQuery == path && r.Method == "GET")];

    /// <summary>The scheduled check, one night later each time.</summary>
    private async Task NightlyCheckAsync()
    {
        app.Clock.Advance(TimeSpan.FromDays(1));
        await app.Get<ContentLiveCheckService>().RunAsync();
    }

    private async Task<long> PublishedAsync(string path)
    {
        var klm = (await app.Get<OrganizationService>().ListDivisionsAsync()).Single(d => d.Code == "KLM").Id;
        return await ContentTestData.PublishedPageAsync(app, klm, site.Url(path).AbsoluteUri, publishedDaysAgo: 60);
    }

    private async Task<ContentItem> LoadAsync(long id)
    {
        await using var db = await app.DbAsync();
        return await db.Set<ContentItem>().AsNoTracking().SingleAsync(c => c.Id == id);
    }

    private async Task<List<ContentCheck>> ChecksAsync(long id)
    {
        await using var db = await app.DbAsync();
        return await db.Set<ContentCheck>().Where(c => c.ContentItemId == id).OrderBy(c => c.Id).ToListAsync();
    }
}
