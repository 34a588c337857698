using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Cooperatives.Cases;
using KopUkm.Dashboard.Features.Dashboard;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using KopUkm.Dashboard.Tests.TestInfrastructure;

namespace KopUkm.Dashboard.Tests.Features.Dashboard;

public abstract class DashboardServiceTests(TestProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : DashboardServiceTests(TestProvider.Sqlite);

    public sealed class OnPostgreSql() : DashboardServiceTests(TestProvider.PostgreSql);

    private TestServices app = default!;
    private DashboardData data = default!;

    private DashboardService Dashboard => app.Get<DashboardService>();

    public async Task InitializeAsync()
    {
        app = await TestServices.CreateAsync(provider: provider);
        data = await DashboardData.SeedAsync(app);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task A_ticket_paused_at_risk_counts_as_at_risk_and_appears_in_the_at_risk_and_paused_lists()
    {
        await using (var db = await app.DbAsync())
        {
            var waiting = await db.Set<Ticket>().SingleAsync(t => t.Status == TicketStatus.MenungguPemohon);
            waiting.ResolutionSla = SlaStatus.PausedRisk;
            await db.SaveChangesAsync();
        }

        app.ActAs(AppRoles.Pimpinan, null, "boss");
        var headline = (await Dashboard.GetAsync(null)).Snapshot.Tickets;
        var queues = app.Get<TicketQueues>();
        var atRisk = await queues.ListAsync(new PageRequest(0, 25), new TicketFilter(TicketQueueKind.All, Sla: SlaStatus.AtRisk));
        var paused = await queues.ListAsync(new PageRequest(0, 25), new TicketFilter(TicketQueueKind.All, Sla: SlaStatus.Paused));

        // The at-risk one of the seeded data plus the paused one.
        Assert.Equal(2, headline.AtRisk);
        Assert.Equal(2, atRisk.TotalCount);
        Assert.Contains(paused.Items, r => r.ResolutionSla == SlaStatus.PausedRisk);
    }

    [Fact]
    public async Task A_ticket_paused_at_risk_is_in_perlu_perhatian_with_its_working_time_left()
    {
        int id;
        await using (var db = await app.DbAsync())
        {
            var waiting = await db.Set<Ticket>().SingleAsync(t => t.Status == TicketStatus.MenungguPemohon);
            (waiting.ResolutionSla, waiting.ResolutionMinutesLeft) = (SlaStatus.PausedRisk, 90);
            await db.SaveChangesAsync();
            id = waiting.Id;
        }

        app.ActAs(AppRoles.Pimpinan, null, "boss");
        var urgent = (await Dashboard.GetAsync(null)).Snapshot.Urgent;

        var paused = Assert.Single(urgent, u => u.Link == $"/layanan/{id}");
        Assert.Equal((90, (int)AttentionTier.CitizenWorkDueNext), (paused.PausedMinutesLeft, paused.Tier));
    }

    [Fact]
    public async Task Leadership_sees_the_office_headlines_counted_by_hand()
    {
        app.ActAs(AppRoles.Pimpinan, null, "boss");
        var view = await Dashboard.GetAsync(null);
        var s = view.Snapshot;

        // Open: UMK 5 (on track, at risk, breached, unassigned, waiting) + PLUT 1; the resolved one is not open.
        Assert.Equal(new TicketHeadline(6, 1, 2, 1), s.Tickets);
        // Two cooperatives with an open case, one past its stage target; the closed case does not count.
        Assert.Equal((2, 1), (s.Registrations.Waiting, s.Registrations.Overdue));
        Assert.Equal(1, s.Registrations.WaitingByStage[CaseStage.VerifikasiDokumen]);
        Assert.Equal(new ContentHeadline(1, 1, 1), s.Content);
        Assert.True(view.CanPickDivision);

        var umk = s.Divisions.Single(d => d.DivisionId == data.Umk);
        Assert.Equal((5, 1, 40), (umk.OpenTickets, umk.BreachedTickets, umk.OldestOpenDays!.Value));
        Assert.Null(umk.PendingRegistrations);
        Assert.Equal(2, s.Divisions.Single(d => d.DivisionId == data.Klm).PendingRegistrations);
    }

    [Fact]
    public async Task A_division_head_sees_only_their_division_whatever_division_they_ask_for()
    {
        app.ActAs(AppRoles.KepalaBidang, data.Umk, "head", divisionCode: "UMK");

        var own = await Dashboard.GetAsync(null);
        var other = await Dashboard.GetAsync(data.Plut);

        Assert.Equal(5, own.Snapshot.Tickets.Open);
        Assert.Equal(5, other.Snapshot.Tickets.Open);
        Assert.Equal(data.Umk, other.Snapshot.DivisionId);
        Assert.Equal([data.Umk], other.Snapshot.Divisions.Select(d => d.DivisionId));
        Assert.False(other.CanPickDivision);
        Assert.Empty(other.Divisions);
        // Registrations belong to KLM: a UMK head's dashboard does not show them.
        Assert.False(own.Snapshot.Registrations.Applies);
    }

    [Fact]
    public async Task Leadership_can_narrow_to_one_division()
    {
        app.ActAs(AppRoles.Administrator, null, "admin");
        var plut = (await Dashboard.GetAsync(data.Plut)).Snapshot;
        Assert.Equal(new TicketHeadline(1, 0, 1, 0), plut.Tickets);
        Assert.Equal(new ContentHeadline(0, 0, 0), plut.Content);
    }

    [Fact]
    public async Task The_urgency_list_puts_waiting_citizens_first_then_broken_pages_then_what_falls_due_then_stale_content()
    {
        app.ActAs(AppRoles.Pimpinan, null, "boss");
        var urgent = (await Dashboard.GetAsync(null)).Snapshot.Urgent;

        // Tier 1, earliest due first: the overdue case (due −3 d), the UMK breach (−2 d), the PLUT breach (−1 d); the
        // ticket waiting on its applicant is left out, its clock being paused. Tier 2: the broken page.
        Assert.Equal(
            [UrgentSource.Registration, UrgentSource.Ticket, UrgentSource.Ticket, UrgentSource.BrokenPage, UrgentSource.Ticket],
            urgent.Take(5).Select(u => u.Source));
        Assert.Equal($"/koperasi/kasus/{data.OverdueCase}", urgent[0].Link);
        Assert.Equal($"/layanan/{data.BreachedUmkTicket}", urgent[1].Link);
        // A ticket carries its service's name in both languages; the page shows the reader's.
        Assert.NotEqual(urgent[1].Detail, urgent[1].DetailEn);
        Assert.False(string.IsNullOrWhiteSpace(urgent[1].DetailEn));
        Assert.Equal($"/konten/{data.BrokenPage}", urgent[3].Link);
        // Tier 3 starts with the at-risk ticket (due in 3 h); the overdue page comes after every citizen item.
        Assert.Equal($"/layanan/{data.SoonTicket}", urgent[4].Link);
        var firstContent = urgent.Select((u, i) => (u, i)).First(x => x.u.Source == UrgentSource.Content);
        Assert.Equal($"/konten/{data.OverduePage}", firstContent.u.Link);
        Assert.True(urgent.Take(firstContent.i).All(u => u.Tier < 4));
        Assert.True(urgent.Count <= DashboardQueries.UrgentCount);
    }

    [Fact]
    public async Task A_change_is_announced_once_and_the_next_read_is_fresh()
    {
        app.ActAs(AppRoles.Pimpinan, null, "boss");
        var feed = app.Get<DashboardFeed>();
        Assert.Equal(6, (await Dashboard.GetAsync(null)).Snapshot.Tickets.Open);
        var announced = 0;
        feed.Changed += () => Interlocked.Increment(ref announced);

        await using (var db = await app.DbAsync())
        {
            db.Set<KopUkm.Dashboard.Features.Tickets.Ticket>().First(t => t.Id == data.SoonTicket).Status = KopUkm.Dashboard.Features.Tickets.TicketStatus.Selesai;
            await db.SaveChangesAsync();
        }

        // Cached until told: the feed still answers from its snapshot.
        Assert.Equal(6, (await Dashboard.GetAsync(null)).Snapshot.Tickets.Open);
        var changes = app.Get<ChangeNotifier>();
        await changes.PublishAndWaitAsync(ChangeTopic.Tickets);
        await changes.PublishAndWaitAsync(ChangeTopic.Content);
        await changes.PublishAndWaitAsync(ChangeTopic.Tickets);

        // The first change is announced at once; the rest of the burst waits for the window to end.
        Assert.Equal(1, Volatile.Read(ref announced));
        Assert.Equal(5, (await Dashboard.GetAsync(null)).Snapshot.Tickets.Open);
        app.Clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(1, Volatile.Read(ref announced));
        app.Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, Volatile.Read(ref announced));
        app.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(2, Volatile.Read(ref announced));
    }

    [Fact]
    public async Task The_backlog_line_ends_today_and_shows_no_week_still_to_come()
    {
        app.ActAs(AppRoles.Pimpinan, null, "boss");

        var backlog = (await Dashboard.GetAsync(null)).Snapshot.Backlog;

        // Monday 23 November 2026: the running week is dated today, not Sunday 29 November; the week before ends on the 22nd.
        Assert.Equal(new DateOnly(2026, 11, 23), backlog[^1].WeekEndingWib);
        Assert.Equal(new DateOnly(2026, 11, 22), backlog[^2].WeekEndingWib);
        Assert.Equal(6, backlog[^1].OpenTickets);
    }
}
