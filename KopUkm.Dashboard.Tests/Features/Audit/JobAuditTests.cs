using System.Globalization;
using System.Text.Json;
using KopUkm.Dashboard.Data.Auditing;
using KopUkm.Dashboard.Features.Content;
using KopUkm.Dashboard.Features.Cooperatives;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Tests.Features.Tickets;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Tests.Features.Audit;

/// <summary>
/// What the scheduled jobs leave in the audit trail, run as Hangfire runs them (each in a scope of its own): nothing
/// for the columns they recompute, one row naming the job for a state they change on their own authority, and nothing
/// more on a second run.
/// </summary>
public sealed class JobAuditTests : IAsyncLifetime
{
    private TestServices app = default!;
    private int umk;

    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    public async Task InitializeAsync()
    {
        app = await TestServices.CreateAsync();
        umk = await TicketTestData.UmkAsync(app);
        app.ActAs(AppRoles.Petugas, umk, "clerk", divisionCode: "UMK");
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Refreshing_the_sla_of_open_tickets_writes_no_audit_row()
    {
        var ids = new[]
        {
            await TicketTestData.CreateNibRequestAsync(app, "Siti Rahmah"),
            await TicketTestData.CreateNibRequestAsync(app, "Joko Santoso"),
            await TicketTestData.CreateNibRequestAsync(app, "Ani Lestari"),
        };
        var before = await AuditCountAsync();
        // Two working hours later every clock has moved (minutes left, refresh time) but none has run out.
        app.Clock.Advance(TimeSpan.FromHours(2));

        await app.Job<TicketSlaRefreshJob>().RunAsync(CancellationToken.None);

        Assert.Equal(before, await AuditCountAsync());
        await using var db = await app.DbAsync();
        var refreshed = await db.Set<Ticket>().Where(t => ids.Contains(t.Id)).Select(t => t.SlaRefreshedAtUtc).ToListAsync();
        Assert.All(refreshed, at => Assert.Equal(Now, at));
    }

    [Fact]
    public async Task An_sla_refresh_keeps_the_version_so_a_form_opened_before_it_still_saves()
    {
        var id = await TicketTestData.CreateNibRequestAsync(app, "Siti Rahmah");
        var officer = await app.CreateUserAsync("yusuf@umk.test", "Yusuf Hidayat", AppRoles.Petugas, umk);
        app.ActAs(AppRoles.KepalaBidang, umk, "head", divisionCode: "UMK");
        var opened = (await app.Get<TicketDetails>().GetAsync(id))!.Ticket.Version;

        // The head keeps the page open while the five-minute job refreshes the ticket's clocks twice.
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await app.Job<TicketSlaRefreshJob>().RunAsync(CancellationToken.None);
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await app.Job<TicketSlaRefreshJob>().RunAsync(CancellationToken.None);

        Assert.Equal(opened, (await app.Get<TicketDetails>().GetAsync(id))!.Ticket.Version);
        Assert.True((await app.Get<TicketAssignment>().AssignAsync(id, opened, officer, null)).Succeeded);
        Assert.Equal(opened + 1, (await app.Get<TicketDetails>().GetAsync(id))!.Ticket.Version);
    }

    [Fact]
    public async Task A_breach_the_sla_monitor_records_is_audited_once_with_the_monitor_as_actor()
    {
        var id = await TicketTestData.CreateNibRequestAsync(app, "Siti Rahmah");
        var before = await AuditCountAsync();
        // Monday 09:00 WIB + two days: the one-working-day first-response target ran out on Tuesday.
        app.Clock.Advance(TimeSpan.FromDays(2));

        await app.Job<TicketSlaRefreshJob>().RunAsync(CancellationToken.None);
        var afterFirst = await AuditCountAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await app.Job<TicketSlaRefreshJob>().RunAsync(CancellationToken.None);

        Assert.Equal(before + 1, afterFirst);
        Assert.Equal(afterFirst, await AuditCountAsync());
        var row = Assert.Single(await NewRowsAsync(before));
        Assert.Equal((nameof(Ticket), Key(id), AuditAction.Update), (row.EntityType, row.EntityKey, row.Action));
        Assert.Equal((null, "Sistem", nameof(TicketSlaRefreshJob)), (row.ActorUserId, row.ActorName, row.ActorJob));
        var change = Assert.Single(Changes(row));
        Assert.Equal((nameof(Ticket.EverBreached), "False", "True"), (change.Field, change.Old, change.New));
    }

    [Fact]
    public async Task The_review_age_job_flagging_a_page_is_audited_with_its_name_and_a_rerun_adds_nothing()
    {
        var late = await PageAsync(reviewedDaysAgo: 95, "terlambat");
        var dueSoon = await PageAsync(reviewedDaysAgo: 80, "segera");
        await using (var db = await app.DbAsync())
        {
            // As if time had passed since the pages were last aged: both still read as fresh.
            await db.Set<ContentItem>().ExecuteUpdateAsync(s => s.SetProperty(c => c.Freshness, ContentFreshness.Fresh));
        }

        var before = await AuditCountAsync();

        await app.Job<ContentReviewAgeJob>().RunAsync(CancellationToken.None);
        var afterFirst = await AuditCountAsync();
        await app.Job<ContentReviewAgeJob>().RunAsync(CancellationToken.None);

        Assert.Equal(afterFirst, await AuditCountAsync());
        var rows = await NewRowsAsync(before);
        // The page's move to Perlu Pembaruan is one row; the page that only became due soon has none.
        var flag = Assert.Single(rows, r => r.EntityType == nameof(ContentItem));
        Assert.Equal((Key(late), AuditAction.Update), (flag.EntityKey, flag.Action));
        Assert.DoesNotContain(rows, r => r.EntityKey == Key(dueSoon) && r.EntityType == nameof(ContentItem));
        var changes = Changes(flag).ToDictionary(c => c.Field);
        Assert.Equal([nameof(ContentItem.StaleReason), nameof(ContentItem.State), nameof(ContentItem.StateChangedAtUtc)], changes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("Terbit", "PerluPembaruan"), (changes[nameof(ContentItem.State)].Old, changes[nameof(ContentItem.State)].New));
        Assert.Equal(("None", "ReviewOverdue"), (changes[nameof(ContentItem.StaleReason)].Old, changes[nameof(ContentItem.StaleReason)].New));
        // Its timeline entry is written in the same save, under the same name; nothing else is.
        Assert.Equal([nameof(ContentEvent), nameof(ContentItem)], rows.Select(r => r.EntityType).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(nameof(ContentReviewAgeJob), r.ActorJob));
    }

    [Fact]
    public async Task Supervision_flags_the_nightly_job_sets_name_the_job()
    {
        int id;
        await using (var db = await app.DbAsync())
        {
            var region = await db.Set<Region>().FirstAsync();
            var cooperative = new Cooperative { Name = "Koperasi Uji", RegionId = region.Id, LastRatYear = null, CreatedAtUtc = Now };
            db.Add(cooperative);
            await db.SaveChangesAsync();
            id = cooperative.Id;
        }

        var before = await AuditCountAsync();

        await app.Job<SupervisionFlagJob>().RunAsync(CancellationToken.None);
        await app.Job<SupervisionFlagJob>().RunAsync(CancellationToken.None);

        var row = Assert.Single(await NewRowsAsync(before));
        Assert.Equal((nameof(Cooperative), Key(id), nameof(SupervisionFlagJob)), (row.EntityType, row.EntityKey, row.ActorJob));
        Assert.Contains(Changes(row), c => c.Field == nameof(Cooperative.NeedsSupervision) && c.New == "True");
    }

    /// <summary>A published page (review interval 90 days) last reviewed <paramref name="reviewedDaysAgo"/> days ago.</summary>
    private async Task<long> PageAsync(int reviewedDaysAgo, string slug)
    {
        await using var db = await app.DbAsync();
        var item = new ContentItem
        {
            Title = $"Halaman {slug}",
            Url = $"https://dinaskopukm.jambiprov.go.id/{slug}",
            OwnerDivisionId = umk,
            Kind = ContentKind.WebsitePage,
            Channel = ContentChannel.Website,
            Category = InformationCategory.SetiapSaat,
            State = ContentState.Terbit,
            CreatedAtUtc = Now.AddDays(-400),
            StateChangedAtUtc = Now.AddDays(-400),
            PublishedAtUtc = Now.AddDays(-400),
            LastReviewedAtUtc = Now.AddDays(-reviewedDaysAgo),
        };
        ContentFreshnessRules.Refresh(item, Now);
        db.Add(item);
        await db.SaveChangesAsync();
        return item.Id;
    }

    private async Task<int> AuditCountAsync()
    {
        await using var db = await app.DbAsync();
        return await db.Set<AuditEntry>().CountAsync();
    }

    private async Task<List<AuditEntry>> NewRowsAsync(int countBefore)
    {
        await using var db = await app.DbAsync();
        return await db.Set<AuditEntry>().OrderBy(a => a.Id).Skip(countBefore).ToListAsync();
    }

    private static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static List<AuditFieldChange> Changes(AuditEntry entry) => JsonSerializer.Deserialize<List<AuditFieldChange>>(entry.ChangesJson)!;
}
