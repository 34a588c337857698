using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Content;
using KopUkm.Dashboard.Features.Notifications;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Tests.Features.Content;

/// <summary>The review-age pass and the digests, on a fake clock.</summary>
public sealed class ContentJobsTests : IAsyncLifetime
{
    private TestServices app = default!;
    private int klm;
    private int umk;
    private string editor = "";
    private string otherEditor = "";
    private string head = "";
    private string leader = "";

    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    public async Task InitializeAsync()
    {
        app = await TestServices.CreateAsync();
        var divisions = await app.Get<OrganizationService>().ListDivisionsAsync();
        klm = divisions.Single(d => d.Code == "KLM").Id;
        umk = divisions.Single(d => d.Code == "UMK").Id;
        editor = await app.CreateUserAsync("editor@klm.test", "Dewi", AppRoles.Petugas, klm);
        otherEditor = await app.CreateUserAsync("editor@umk.test", "Rudi", AppRoles.Petugas, umk);
        head = await app.CreateUserAsync("kabid@klm.test", "Hendra", AppRoles.KepalaBidang, klm);
        leader = await app.CreateUserAsync("kadis@kopukm.test", "Kepala Dinas", AppRoles.Pimpinan, klm);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    /// <summary>A published page reviewed <paramref name="daysAgo"/> days ago (interval 90 days).</summary>
    private Task<long> PageAsync(int daysAgo, int divisionId, string? editorId, string slug) =>
        ContentTestData.PublishedPageAsync(app, divisionId, slug, publishedDaysAgo: 400, daysAgo, editorId);

    private async Task<ContentItem> LoadAsync(long id)
    {
        await using var db = await app.DbAsync();
        return await db.Set<ContentItem>().AsNoTracking().SingleAsync(c => c.Id == id);
    }

    private async Task<List<Notification>> NotificationsAsync(string userId)
    {
        await using var db = await app.DbAsync();
        return await db.Set<Notification>().AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.Id).ToListAsync();
    }

    [Fact]
    public async Task Review_age_flags_what_is_past_its_date_marks_what_is_due_soon_and_a_rerun_changes_nothing()
    {
        var fresh = await PageAsync(10, klm, editor, "a");
        var soon = await PageAsync(80, klm, editor, "b");
        var late = await PageAsync(95, klm, editor, "c");
        // Time passes without anyone touching the pages: "b" becomes due soon only now, "c" was already late.
        await using (var db = await app.DbAsync())
        {
            await db.Set<ContentItem>().ExecuteUpdateAsync(s => s.SetProperty(c => c.Freshness, ContentFreshness.Fresh));
        }

        var first = await app.Get<ContentReviewAgeService>().RunAsync();

        Assert.Equal((3, 1), (first.Scanned, first.FlaggedStale));
        Assert.Equal(ContentFreshness.Fresh, (await LoadAsync(fresh)).Freshness);
        Assert.Equal((ContentState.Terbit, ContentFreshness.DueSoon), ((await LoadAsync(soon)).State, (await LoadAsync(soon)).Freshness));
        var flagged = await LoadAsync(late);
        Assert.Equal((ContentState.PerluPembaruan, StaleReason.ReviewOverdue, ContentFreshness.Overdue), (flagged.State, flagged.StaleReason, flagged.Freshness));

        var second = await app.Get<ContentReviewAgeService>().RunAsync();
        Assert.Equal((0, 0), (second.Updated, second.FlaggedStale));
        await using var check = await app.DbAsync();
        var flags = await check.Set<ContentEvent>().Where(e => e.Kind == ContentEventKind.FlaggedStale).ToListAsync();
        var flag = Assert.Single(flags);
        Assert.Equal((late, "Sistem", nameof(StaleReason.ReviewOverdue)), (flag.ContentItemId, flag.ByName, flag.Text));
    }

    [Fact]
    public async Task Review_age_catches_up_as_the_days_pass()
    {
        var id = await PageAsync(60, klm, editor, "a");
        await app.Get<ContentReviewAgeService>().RunAsync();
        Assert.Equal(ContentFreshness.Fresh, (await LoadAsync(id)).Freshness);

        app.Clock.Advance(TimeSpan.FromDays(20));
        await app.Get<ContentReviewAgeService>().RunAsync();
        Assert.Equal(ContentFreshness.DueSoon, (await LoadAsync(id)).Freshness);

        app.Clock.Advance(TimeSpan.FromDays(11));
        await app.Get<ContentReviewAgeService>().RunAsync();
        Assert.Equal(ContentState.PerluPembaruan, (await LoadAsync(id)).State);
    }

    [Fact]
    public async Task Each_editor_gets_one_digest_a_day_listing_only_their_items()
    {
        await PageAsync(95, klm, editor, "a");
        await PageAsync(85, klm, editor, "b");
        await PageAsync(10, klm, editor, "c");
        await PageAsync(100, umk, otherEditor, "d");
        await app.Get<ContentReviewAgeService>().RunAsync();

        var first = await app.Get<ContentDigestService>().SendAsync();
        var again = await app.Get<ContentDigestService>().SendAsync();

        Assert.Equal(2, first.Editors);
        Assert.Equal(0, again.Editors);
        var digest = Assert.Single(await NotificationsAsync(editor));
        Assert.Equal("Notification.ContentDigest", digest.MessageKey);
        Assert.StartsWith("[\"1\",\"1\",\"0\",\"Halaman a; Halaman b\"]", digest.ArgsJson, StringComparison.Ordinal);
        Assert.Equal("/konten?perhatian=saya", digest.Link);

        // The next day brings the next digest.
        app.Clock.Advance(TimeSpan.FromDays(1));
        await app.Get<ContentDigestService>().SendAsync();
        Assert.Equal(2, (await NotificationsAsync(editor)).Count);
    }

    [Fact]
    public async Task Long_overdue_items_escalate_to_the_head_after_14_days_and_to_leadership_weekly_after_30()
    {
        await PageAsync(100, klm, editor, "a"); // 10 days overdue: the editor only
        await app.Get<ContentReviewAgeService>().RunAsync();
        await app.Get<ContentDigestService>().SendAsync();
        Assert.Empty(await NotificationsAsync(head));

        await PageAsync(110, klm, null, "b"); // 20 days overdue, nobody's: the head hears of it
        await PageAsync(125, klm, editor, "c"); // 35 days overdue: leadership too
        await app.Get<ContentReviewAgeService>().RunAsync();
        var result = await app.Get<ContentDigestService>().SendAsync();

        Assert.Equal((1, 1), (result.DivisionHeads, result.Leaders));
        var escalation = Assert.Single(await NotificationsAsync(head));
        Assert.Equal(("Notification.ContentEscalation", "[\"2\",\"14\"]"), (escalation.MessageKey, escalation.ArgsJson));
        var weekly = Assert.Single(await NotificationsAsync(leader));
        Assert.Equal(("Notification.ContentWeekly", "[\"1\",\"30\",\"KLM 1\"]"), (weekly.MessageKey, weekly.ArgsJson));

        // Later the same week: the head's daily escalation again, leadership's weekly summary not.
        app.Clock.Advance(TimeSpan.FromDays(1));
        await app.Get<ContentDigestService>().SendAsync();
        Assert.Equal(2, (await NotificationsAsync(head)).Count);
        Assert.Single(await NotificationsAsync(leader));
    }
}
