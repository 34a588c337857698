using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data.Auditing;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Assignments;
using KopUkm.Dashboard.Features.Content;
using KopUkm.Dashboard.Features.Cooperatives;
using KopUkm.Dashboard.Features.Cooperatives.Cases;
using KopUkm.Dashboard.Features.Dashboard;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Host.Demo;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Tests.Host.Demo;

/// <summary>A small custom scale seeded once; large enough that content needs a second round of the demo inventory.</summary>
public sealed class SeededScale : IAsyncLifetime
{
    public static readonly DemoScale Tiny = new("tiny", Tickets: 400, Cooperatives: 150, RegistrationCases: 20, ContentItems: 700, ItTasks: 150, HistoryDays: 120);

    public TestServices App { get; private set; } = default!;

    public ScaleDemoSeedResult Seeded { get; private set; } = default!;

    public List<DemoSeedProgress> Progress { get; } = [];

    public async Task InitializeAsync()
    {
        App = await TestServices.CreateAsync();
        Seeded = await App.Get<ScaleDemoSeeder>().SeedAsync(Tiny, 7, new Reporter(Progress));
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    private sealed class Reporter(List<DemoSeedProgress> list) : IProgress<DemoSeedProgress>
    {
        public void Report(DemoSeedProgress value) => list.Add(value);
    }
}

public sealed class ScaleDemoSeederTests(SeededScale scale) : IClassFixture<SeededScale>
{
    private static readonly string[] BulkEntities =
        [nameof(Ticket), nameof(TicketEvent), nameof(Cooperative), nameof(RegistrationCase), nameof(ContentItem), nameof(ItTask)];

    private TestServices App => scale.App;

    [Fact]
    public async Task A_scale_writes_exactly_its_counts_with_histories_and_no_audit_rows_and_reports_each_part()
    {
        var tiny = SeededScale.Tiny;
        await using var db = await App.DbAsync();

        Assert.Equal(
            (tiny.Tickets, tiny.Cooperatives, tiny.RegistrationCases, tiny.ContentItems, tiny.ItTasks),
            (await db.Set<Ticket>().CountAsync(), await db.Set<Cooperative>().CountAsync(), await db.Set<RegistrationCase>().CountAsync(),
                await db.Set<ContentItem>().CountAsync(), await db.Set<ItTask>().CountAsync()));
        Assert.Equal(scale.Seeded["TicketEvents"], await db.Set<TicketEvent>().CountAsync());
        Assert.True(scale.Seeded["TicketEvents"] > 2 * tiny.Tickets);
        Assert.True(await db.Set<ContentCheck>().AnyAsync());
        Assert.True(await db.Set<CaseDocument>().CountAsync() >= tiny.RegistrationCases);
        Assert.Empty(await db.Set<AuditEntry>().Where(a => BulkEntities.Contains(a.EntityType)).Select(a => a.EntityType).Distinct().ToListAsync());
        Assert.All(Enum.GetValues<DemoSeedPart>(), part => Assert.Contains(scale.Progress, p => p.Part == part && p.Done == p.Total));

        // Tickets span the history asked for, up to now.
        var now = App.Clock.GetUtcNow().UtcDateTime;
        Assert.InRange(await db.Set<Ticket>().MinAsync(t => t.CreatedAtUtc), now.AddDays(-tiny.HistoryDays - 1), now.AddDays(-tiny.HistoryDays + 30));
    }

    [Fact]
    public async Task Stored_sla_snapshots_and_content_freshness_agree_with_the_rules_as_of_now()
    {
        await using var db = await App.DbAsync();
        var open = TicketWorkflow.OpenStatuses;
        var tickets = await db.Set<Ticket>().AsNoTracking().Include(t => t.ServiceType).Where(t => open.Contains(t.Status)).ToListAsync();
        Assert.NotEmpty(tickets);
        var events = (await db.Set<TicketEvent>().AsNoTracking().ToListAsync()).ToLookup(e => e.TicketId);
        var projector = App.Get<TicketSlaProjector>();
        foreach (var stored in tickets)
        {
            var copy = new Ticket { ApplicantName = "", Description = "", ServiceTypeId = stored.ServiceTypeId, ServiceType = stored.ServiceType };
            await projector.ApplyAsync(db, copy, [.. events[stored.Id].OrderBy(e => e.AtUtc)], default);
            Assert.Equal(
                (copy.FirstResponseSla, copy.ResolutionSla, copy.ResolutionDueAtUtc, copy.ResolutionMinutesLeft),
                (stored.FirstResponseSla, stored.ResolutionSla, stored.ResolutionDueAtUtc, stored.ResolutionMinutesLeft));
        }

        var now = App.Clock.GetUtcNow().UtcDateTime;
        foreach (var item in await db.Set<ContentItem>().AsNoTracking().ToListAsync())
        {
            Assert.Equal(ContentFreshnessRules.ReviewDueAt(item), item.ReviewDueAtUtc);
            Assert.Equal(ContentFreshnessRules.FreshnessAt(item.ReviewDueAtUtc, now), item.Freshness);
            Assert.False(item.State == ContentState.Terbit && item.Freshness == ContentFreshness.Overdue);
        }
    }

    [Fact]
    public async Task The_pages_queries_read_the_seeded_office()
    {
        App.ActAs(AppRoles.Pimpinan, null, "pimpinan");
        await using var db = await App.DbAsync();
        var open = TicketWorkflow.OpenStatuses;

        var dashboard = (await App.Get<DashboardService>().GetAsync(null)).Snapshot;
        var tickets = await App.Get<TicketQueues>().ListAsync(new PageRequest(0, 25), new TicketFilter(TicketQueueKind.All, OpenOnly: false));
        var openTickets = await App.Get<TicketQueues>().ListAsync(new PageRequest(0, 25), new TicketFilter(TicketQueueKind.All));
        var cooperatives = await App.Get<CooperativeService>().ListAsync(new PageRequest(0, 25), new CooperativeFilter());
        var content = await App.Get<ContentQueues>().ListAsync(new PageRequest(0, 25), new ContentFilter());
        var tasks = await App.Get<ItTaskLists>().ListAsync(new PageRequest(0, 25), new ItTaskFilter());

        Assert.Equal(await db.Set<Ticket>().CountAsync(t => open.Contains(t.Status)), dashboard.Tickets.Open);
        Assert.Equal(dashboard.Tickets.Open, openTickets.TotalCount);
        Assert.Equal((25, SeededScale.Tiny.Tickets), (tickets.Items.Count, tickets.TotalCount));
        Assert.Equal(SeededScale.Tiny.Cooperatives, cooperatives.TotalCount);
        Assert.True(content.TotalCount > 0);
        Assert.Equal(SeededScale.Tiny.ItTasks, tasks.TotalCount);
        Assert.True(dashboard.Registrations.Waiting > 0);
        Assert.NotEmpty(dashboard.Urgent);
    }

    [Fact]
    public async Task The_same_seed_and_day_give_the_same_data_another_seed_other_data_and_a_second_run_adds_nothing()
    {
        await using var same = await TestServices.CreateAsync();
        await using var other = await TestServices.CreateAsync();
        await same.Get<ScaleDemoSeeder>().SeedAsync(SeededScale.Tiny, 7);
        await other.Get<ScaleDemoSeeder>().SeedAsync(SeededScale.Tiny, 8);
        var again = await App.Get<ScaleDemoSeeder>().SeedAsync(SeededScale.Tiny, 7);

        var fingerprint = await FingerprintAsync(App);
        Assert.Equal(fingerprint, await FingerprintAsync(same));
        Assert.NotEqual(fingerprint, await FingerprintAsync(other));
        Assert.Equal((0, 0, 0, 0, 0), (again["Tickets"], again["Cooperatives"], again["RegistrationCases"], again["ContentItems"], again["ItTasks"]));
    }

    /// <summary>What the data says, without the account ids (new for every database).</summary>
    private static async Task<string> FingerprintAsync(TestServices app)
    {
        await using var db = await app.DbAsync();
        var tickets = await db.Set<Ticket>().OrderBy(t => t.Id)
            .Select(t => $"{t.Code}|{t.ApplicantName}|{t.Status}|{t.CreatedAtUtc:O}|{t.ResolutionSla}|{t.ResolutionDueAtUtc:O}|{t.AssignedUserName}").ToListAsync();
        var cooperatives = await db.Set<Cooperative>().OrderBy(c => c.Id).Select(c => $"{c.Name}|{c.Nik}|{c.NeedsSupervision}").ToListAsync();
        var content = await db.Set<ContentItem>().OrderBy(c => c.Id).Select(c => $"{c.Url}|{c.State}|{c.Freshness}").ToListAsync();
        var tasks = await db.Set<ItTask>().OrderBy(t => t.Id).Select(t => $"{t.Code}|{t.Title}|{t.Status}|{t.AssigneeName}").ToListAsync();
        return string.Join("\n", [.. tickets, .. cooperatives, .. content, .. tasks]);
    }
}
