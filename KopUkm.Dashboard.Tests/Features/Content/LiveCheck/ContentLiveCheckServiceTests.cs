using KopUkm.Dashboard.Features.Content;
using KopUkm.Dashboard.Features.Content.LiveCheck;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Tests.Features.Content.LiveCheck;

/// <summary>The live-site check over stored items, against a real local site: what it records and how items change.</summary>
public sealed class ContentLiveCheckServiceTests : IAsyncLifetime
{
    private TestSite site = default!;
    private TestServices app = default!;
    private int changingVersion;
    private int stableHits;
    private int klm;

    /// <summary>The "stable" page's update stamp moves on every request, as a CMS footer's does; only the stamp changes.</summary>
    private DateTime StableStamp() => TestClock.Start.UtcDateTime.AddMinutes(Interlocked.Increment(ref stableHits));

    public async Task InitializeAsync()
    {
        site = await TestSite.StartAsync(web =>
        {
            web.MapGet("/stabil", () => TestSite.Html($"<main>Persyaratan pendirian koperasi. Diperbarui {StableStamp():dd/MM/yyyy HH:mm:ss}</main>"));
            web.MapGet("/hilang", () => Results.NotFound());
            web.MapGet("/berubah", () => TestSite.Html($"<main>Jadwal pelatihan versi {changingVersion}</main>"));
        });
        app = await TestServices.CreateAsync(new Dictionary<string, string?>
        {
            ["Content:LiveCheck:SiteUrl"] = site.BaseUrl.AbsoluteUri,
            ["Content:LiveCheck:RequestsPerSecondPerHost"] = "100",
            ["Content:LiveCheck:MaxLinksPerPage"] = "0",
            ["Content:Fetch:AllowLoopback"] = "true",
        });
        klm = (await app.Get<OrganizationService>().ListDivisionsAsync()).Single(d => d.Code == "KLM").Id;
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await site.DisposeAsync();
    }

    private Task<long> PublishedAsync(string url) => ContentTestData.PublishedPageAsync(app, klm, url, publishedDaysAgo: 60);

    private async Task<ContentItem> LoadAsync(long id)
    {
        await using var db = await app.DbAsync();
        return await db.Set<ContentItem>().AsNoTracking().SingleAsync(c => c.Id == id);
    }

    private async Task<List<ContentEventKind>> EventsAsync(long id)
    {
        await using var db = await app.DbAsync();
        return await db.Set<ContentEvent>().Where(e => e.ContentItemId == id).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync();
    }

    [Fact]
    public async Task A_page_is_broken_only_on_the_second_failure_and_then_needs_an_update()
    {
        var gone = await PublishedAsync(site.Url("/hilang").AbsoluteUri);
        var service = app.Get<ContentLiveCheckService>();

        var first = await service.RunAsync();
        var once = await LoadAsync(gone);
        Assert.Equal(1, first.NotFound);
        Assert.Equal((1, LiveStatus.NotChecked, ContentState.Terbit), (once.ConsecutiveFailures, once.LiveStatus, once.State));
        Assert.Empty(await EventsAsync(gone));

        await service.RunAsync();
        var twice = await LoadAsync(gone);
        Assert.Equal((LiveStatus.Broken, ContentState.PerluPembaruan, StaleReason.Broken), (twice.LiveStatus, twice.State, twice.StaleReason));
        Assert.Equal([ContentEventKind.LiveBroken, ContentEventKind.FlaggedStale], await EventsAsync(gone));
        app.ActAs(KopUkm.Dashboard.Features.Security.AppRoles.Administrator, null, "admin");
        var review = await app.Get<ContentMoves>().MarkReviewedAsync(gone, twice.Version, "Isi sudah dicek.");
        Assert.Equal("Content.ReviewBrokenPage", Assert.Single(review.Errors).MessageKey);

        // A third failure adds a check row but no more history.
        await service.RunAsync();
        Assert.Equal(2, (await EventsAsync(gone)).Count);
        await using var db = await app.DbAsync();
        Assert.Equal(3, await db.Set<ContentCheck>().CountAsync(c => c.ContentItemId == gone && c.Result == PageCheckOutcome.Broken && c.HttpStatus == 404));
    }

    [Fact]
    public async Task A_changed_timestamp_is_no_change_but_changed_text_restarts_the_review_clock()
    {
        var stable = await PublishedAsync(site.Url("/stabil").AbsoluteUri);
        var changing = await PublishedAsync(site.Url("/berubah").AbsoluteUri);
        var service = app.Get<ContentLiveCheckService>();
        await service.RunAsync();
        var before = await LoadAsync(changing);
        Assert.NotNull(before.ContentHash);
        Assert.Equal(LiveStatus.Ok, before.LiveStatus);

        app.Clock.Advance(TimeSpan.FromDays(3));
        changingVersion++;
        var second = await service.RunAsync();

        Assert.Equal(1, second.Changed);
        Assert.Null((await LoadAsync(stable)).LastLiveChangeAtUtc);
        var after = await LoadAsync(changing);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, after.LastLiveChangeAtUtc);
        Assert.NotEqual(before.ContentHash, after.ContentHash);
        Assert.Equal(after.LastLiveChangeAtUtc!.Value.AddDays(90), after.ReviewDueAtUtc);
        Assert.Equal([ContentEventKind.LiveChanged], await EventsAsync(changing));
    }

    [Fact]
    public async Task Only_published_pages_on_the_configured_site_are_checked()
    {
        await PublishedAsync(site.Url("/stabil").AbsoluteUri);
        await PublishedAsync("https://www.instagram.com/p/abc");
        await using (var db = await app.DbAsync())
        {
            db.Add(new ContentItem
            {
                Title = "Draf", Url = site.Url("/berubah").AbsoluteUri, OwnerDivisionId = klm, Kind = ContentKind.WebsitePage,
                Channel = ContentChannel.Website, State = ContentState.Draf, CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime, StateChangedAtUtc = app.Clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
        }

        var result = await app.Get<ContentLiveCheckService>().RunAsync();

        Assert.Equal(1, result.Pages);
        Assert.Equal(0, site.CountOf("/berubah"));
        var progress = await app.Get<LiveCheckProgress>().CurrentAsync();
        Assert.Equal((false, 1, 1), (progress.Running, progress.Total, progress.Checked));
    }

    [Fact]
    public async Task Without_a_configured_site_nothing_is_requested()
    {
        await using var unconfigured = await TestServices.CreateAsync();
        var result = await unconfigured.Get<ContentLiveCheckService>().RunAsync();

        Assert.Equal(0, result.Pages);
        Assert.False(unconfigured.Get<ContentLiveCheckService>().IsConfigured);
    }
}
