using KopUkm.Dashboard.Features.Content;
using KopUkm.Dashboard.Features.Content.Cadence;
using KopUkm.Dashboard.Features.Content.Import;
using KopUkm.Dashboard.Features.Content.Settings;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.Features.Content.Import;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using static KopUkm.Dashboard.Tests.Features.Content.Import.SitemapFiles;

namespace KopUkm.Dashboard.Tests.Features.Content.Cadence;

/// <summary>Social posts imported by CSV feed the cadence; the clock is 09:00 WIB on Monday 23 November 2026.</summary>
public sealed class SocialCadenceServiceTests : IAsyncLifetime
{
    private TestServices app = default!;
    private Dictionary<string, int> divisions = [];

    public async Task InitializeAsync()
    {
        app = await TestServices.CreateAsync();
        divisions = await app.DivisionIdsAsync();
        app.ActAs(AppRoles.StafTI, divisions["TI"], "staf-ti", divisionCode: "TI");
        var posts = """
            url,judul,kanal,bidang,terbit
            https://www.instagram.com/p/lama/,Pameran,instagram,UMK,2026-11-01
            https://www.instagram.com/p/baru/,Pelatihan,instagram,UMK,2026-11-16
            https://www.facebook.com/diskopukm/posts/1,Klinik,facebook,PLUT,2026-11-20
            https://www.youtube.com/watch?v=profil,Profil dinas,youtube,TI,2026-10-20
            https://x.com/diskopukm/status/1,Info,x,TI,2026-11-23
            """;
        var result = await app.Get<ContentInventoryImportService>().ImportCsvAsync(Stream(posts), "medsos.csv");
        Assert.Equal(5, result.Added);
        app.ActAs(AppRoles.Administrator, divisions["TI"], "admin");
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private SocialCadenceService Cadence => app.Get<SocialCadenceService>();

    [Fact]
    public async Task Each_division_and_channel_shows_its_last_post_days_since_in_wib_and_status()
    {
        var rows = await Cadence.GetAsync(null);

        var umk = rows.Single(r => r.DivisionCode == "UMK" && r.Channel == ContentChannel.Instagram);
        // Posted on 16 November (WIB); today is the 23rd: 7 days, the target of 7 is just met.
        Assert.Equal((new DateTime(2026, 11, 15, 17, 0, 0, DateTimeKind.Utc), 7, 7, CadenceStatus.OnTrack), (umk.LastPostUtc, umk.DaysSince, umk.TargetDays, umk.Status));
        var youtube = rows.Single(r => r.DivisionCode == "TI" && r.Channel == ContentChannel.YouTube);
        Assert.Equal((34, 30, CadenceStatus.Late), (youtube.DaysSince, youtube.TargetDays, youtube.Status));
        var x = rows.Single(r => r.DivisionCode == "TI" && r.Channel == ContentChannel.X);
        Assert.Equal((0, CadenceStatus.OnTrack), (x.DaysSince, x.Status));
        var instagram = rows.Single(r => r.DivisionCode == "TI" && r.Channel == ContentChannel.Instagram);
        Assert.Equal((null, null, CadenceStatus.NoPosts), (instagram.LastPostUtc, instagram.DaysSince, instagram.Status));
    }

    [Fact]
    public async Task A_channel_turns_late_the_day_after_its_target_runs_out()
    {
        app.Clock.Advance(TimeSpan.FromDays(1));

        var umk = (await Cadence.GetAsync(divisions["UMK"])).Single(r => r.Channel == ContentChannel.Instagram);

        Assert.Equal((8, CadenceStatus.Late), (umk.DaysSince, umk.Status));
    }

    [Fact]
    public async Task Rows_exist_for_every_target_and_for_posts_without_a_target()
    {
        await using (var db = await app.DbAsync())
        {
            await db.Set<SocialCadenceTarget>().Where(t => t.Channel == ContentChannel.Facebook).ExecuteDeleteAsync();
        }

        var rows = await Cadence.GetAsync(null);

        var plut = rows.Where(r => r.DivisionCode == "PLUT").ToDictionary(r => r.Channel);
        Assert.Equal((CadenceStatus.NoPosts, 7), (plut[ContentChannel.Instagram].Status, plut[ContentChannel.Instagram].TargetDays));
        Assert.Equal((3, null, CadenceStatus.NoTarget), (plut[ContentChannel.Facebook].DaysSince, plut[ContentChannel.Facebook].TargetDays, plut[ContentChannel.Facebook].Status));
        Assert.Equal(ContentReferenceSeeder.DefaultTargets.Count - 2 + 1, rows.Count);
    }

    [Fact]
    public async Task Only_published_posts_up_to_now_count()
    {
        await using (var db = await app.DbAsync())
        {
            var newest = await db.Set<ContentItem>().SingleAsync(c => c.Url == "https://www.instagram.com/p/baru/");
            newest.State = ContentState.Diarsipkan;
            db.Add(new ContentItem
            {
                Title = "Terjadwal", Kind = ContentKind.SocialPost, Channel = ContentChannel.Instagram, Url = "https://www.instagram.com/p/nanti/",
                OwnerDivisionId = divisions["UMK"], State = ContentState.Terbit, PublishedAtUtc = app.Clock.GetUtcNow().UtcDateTime.AddDays(2),
                Category = InformationCategory.Berita, CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
        }

        var umk = (await Cadence.GetAsync(divisions["UMK"])).Single(r => r.Channel == ContentChannel.Instagram);

        // The archived post of the 16th and the one scheduled for later are ignored: the 1st is the last.
        Assert.Equal((22, CadenceStatus.Late), (umk.DaysSince, umk.Status));
    }

    [Fact]
    public async Task A_division_officer_sees_only_their_own_division_whatever_they_ask_for()
    {
        app.ActAs(AppRoles.Petugas, divisions["UMK"], "petugas-umk", divisionCode: "UMK");

        var all = await Cadence.GetAsync(null);
        var other = await Cadence.GetAsync(divisions["TI"]);

        Assert.All(all, r => Assert.Equal("UMK", r.DivisionCode));
        Assert.Single(all);
        Assert.Equal(all, other);
    }

    [Fact]
    public async Task Office_wide_readers_may_narrow_to_one_division()
    {
        app.ActAs(AppRoles.Pimpinan, divisions["SEK"], "pimpinan");

        var ti = await Cadence.GetAsync(divisions["TI"]);

        Assert.Equal(4, ti.Count);
        Assert.All(ti, r => Assert.Equal("TI", r.DivisionCode));
    }
}
