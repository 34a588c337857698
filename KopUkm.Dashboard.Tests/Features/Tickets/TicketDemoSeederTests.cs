using System.Globalization;
using System.Text.RegularExpressions;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Features.Calendar;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.ServiceCatalog;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Features.Tickets.Demo;
using KopUkm.Dashboard.Localization;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KopUkm.Dashboard.Tests.Features.Tickets;

/// <summary>Seeds the demo tickets once (after the demo accounts) for every test of the class.</summary>
public sealed class SeededDemoTickets : IAsyncLifetime
{
    public TestServices App { get; private set; } = default!;

    public TicketDemoSeedResult Seeded { get; private set; } = default!;

    public List<Ticket> Tickets { get; private set; } = [];

    public ILookup<int, TicketEvent> Events { get; private set; } = default!;

    public List<TicketHandoff> Handoffs { get; private set; } = [];

    public Dictionary<int, ServiceType> Services { get; private set; } = [];

    public Dictionary<int, Region> Regions { get; private set; } = [];

    /// <summary>Active officers and heads: user id → division id.</summary>
    public Dictionary<string, int> Officers { get; private set; } = [];

    public Dictionary<string, int> StaffNames { get; private set; } = [];

    public WorkingCalendar Calendar { get; private set; } = default!;

    public DateTime NowUtc => App.Clock.GetUtcNow().UtcDateTime;

    public async Task InitializeAsync()
    {
        App = await TestServices.CreateAsync();
        await App.Get<DemoDataSeeder>().SeedDemoUsersAsync();
        Seeded = await App.Get<TicketDemoSeeder>().SeedAsync();
        await using var db = await App.DbAsync();
        Tickets = await db.Set<Ticket>().AsNoTracking().OrderBy(t => t.Id).ToListAsync();
        Events = (await db.Set<TicketEvent>().AsNoTracking().OrderBy(e => e.Id).ToListAsync()).ToLookup(e => e.TicketId);
        Handoffs = await db.Set<TicketHandoff>().AsNoTracking().OrderBy(h => h.Id).ToListAsync();
        Services = await db.Set<ServiceType>().AsNoTracking().ToDictionaryAsync(s => s.Id);
        Regions = await db.Set<Region>().AsNoTracking().ToDictionaryAsync(r => r.Id);
        var officers = await (from u in db.Users
                              where u.IsActive
                              from ur in db.UserRoles.Where(ur => ur.UserId == u.Id)
                              join r in db.Roles on ur.RoleId equals r.Id
                              where r.Name == AppRoles.Petugas || r.Name == AppRoles.KepalaBidang
                              select new { u.Id, u.FullName, u.DivisionId }).ToListAsync();
        Officers = officers.ToDictionary(o => o.Id, o => o.DivisionId);
        StaffNames = officers.ToDictionary(o => o.FullName, o => o.DivisionId);
        Calendar = await App.Services.GetRequiredService<WorkingCalendarProvider>().GetAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed partial class TicketDemoSeederTests(SeededDemoTickets demo) : IClassFixture<SeededDemoTickets>
{
    private static readonly TicketStatus[] Resolved = [TicketStatus.Selesai, TicketStatus.Ditutup];

    [Fact]
    public void About_five_thousand_tickets_over_the_past_year_in_every_service_channel_and_region()
    {
        var tickets = demo.Tickets;

        Assert.InRange(tickets.Count, 4750, 5250);
        Assert.Equal(demo.Seeded.Tickets, tickets.Count);
        Assert.Equal(demo.Services.Values.Where(s => s.IsActive).Select(s => s.Id).Order(), tickets.Select(t => t.ServiceTypeId).Distinct().Order());
        // Every channel people use; API filings come from other systems and are not part of the demo year.
        Assert.Equal(Enum.GetValues<TicketChannel>().Where(c => c != TicketChannel.Api), tickets.Select(t => t.Channel).Distinct().Order());
        Assert.Equal(demo.Regions.Keys.Order(), tickets.Where(t => t.RegionId is not null).Select(t => t.RegionId!.Value).Distinct().Order());
        Assert.All(tickets, t => Assert.InRange(t.CreatedAtUtc, demo.NowUtc.AddDays(-366), demo.NowUtc));
        Assert.Contains(tickets, t => t.CreatedAtUtc < demo.NowUtc.AddDays(-330));
    }

    [Fact]
    public void The_mixes_follow_the_offices_experience()
    {
        var tickets = demo.Tickets;
        var byService = Ranked(tickets, t => demo.Services[t.ServiceTypeId].Code);
        var byChannel = Ranked(tickets, t => t.Channel);
        var byRegion = Ranked(tickets.Where(t => t.RegionId is not null), t => demo.Regions[t.RegionId!.Value].Name);

        Assert.Equal(["HALAL", "KONS-USAHA", "NIB-OSS", "PELATIHAN"], byService.Take(4).Order());
        Assert.Equal(["INFO-PUBLIK", "PENGADUAN"], byService.TakeLast(2).Order());
        Assert.Equal([TicketChannel.DatangLangsung, TicketChannel.WhatsApp], byChannel.Take(2).Order());
        Assert.Equal(["Jambi", "Muaro Jambi"], byRegion.Take(2));
        Assert.Equal(SmeSize.Mikro, Ranked(tickets, t => t.Size)[0]);
        Assert.Equal(WorkPriority.Normal, Ranked(tickets, t => t.Priority)[0]);
        Assert.InRange(Share(tickets, t => t.Priority == WorkPriority.Normal), 0.65, 0.85);
    }

    [Fact]
    public void Applicants_have_indonesian_contacts_a_nib_for_about_forty_percent_and_lapor_numbers_where_they_came_from_lapor()
    {
        var tickets = demo.Tickets;

        Assert.InRange(Share(tickets, t => t.Nib is not null), 0.3, 0.45);
        Assert.All(tickets.Where(t => t.Nib is not null), t => Assert.Matches(NibPattern(), t.Nib!));
        Assert.All(tickets.Where(t => t.Phone.Length > 0), t => Assert.True(t.Phone.StartsWith("08", StringComparison.Ordinal) && PhoneNumbers.IsValid(t.Phone), t.Phone));
        Assert.All(tickets, t => Assert.Equal(t.Channel == TicketChannel.Lapor, t.LaporTrackingNumber is not null));
        Assert.All(tickets.Where(t => t.LaporTrackingNumber is not null), t => Assert.Matches(LaporPattern(), t.LaporTrackingNumber!));
        Assert.All(tickets.Where(t => t.Channel == TicketChannel.Email), t => Assert.Contains('@', t.Email));
        Assert.All(tickets, t => Assert.DoesNotContain('{', t.Description));
        Assert.Contains(tickets, t => t.BusinessName.Contains(" Bu ", StringComparison.Ordinal));
    }

    [Fact]
    public void Codes_are_unique_and_carry_the_wib_year_and_the_id()
    {
        Assert.Equal(demo.Tickets.Count, demo.Tickets.Select(t => t.Code).Distinct().Count());
        Assert.All(demo.Tickets, t =>
        {
            var match = CodePattern().Match(t.Code);
            Assert.True(match.Success, t.Code);
            Assert.Equal(WibTime.ToWib(t.CreatedAtUtc).Year, int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
            Assert.Equal(t.Id, int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
        });
    }

    [Fact]
    public void Walk_ins_and_calls_come_in_office_hours_and_most_online_requests_too()
    {
        bool InOfficeHours(Ticket t) => demo.Calendar.WorkingTimeBetween(t.CreatedAtUtc, t.CreatedAtUtc.AddSeconds(1)) > TimeSpan.Zero;

        Assert.All(demo.Tickets.Where(t => t.Channel is TicketChannel.DatangLangsung or TicketChannel.Telepon), t => Assert.True(InOfficeHours(t), t.Code));
        Assert.InRange(Share(demo.Tickets, InOfficeHours), 0.8, 0.95);
    }

    [Fact]
    public void Every_log_starts_with_creation_runs_in_time_order_by_the_divisions_staff_and_follows_the_workflow()
    {
        foreach (var ticket in demo.Tickets)
        {
            var events = demo.Events[ticket.Id].ToList();
            Assert.Equal(TicketEventKind.Created, events[0].Kind);
            Assert.Equal(ticket.CreatedAtUtc, events[0].AtUtc);
            Assert.Single(events, e => e.Kind == TicketEventKind.Created);
            Assert.True(events.Zip(events.Skip(1)).All(p => p.First.AtUtc <= p.Second.AtUtc), ticket.Code);
            Assert.All(events, e => Assert.True(e.AtUtc <= demo.NowUtc));
            Assert.All(events, e => Assert.True(e.ByName == "Sistem" || demo.StaffNames.ContainsKey(e.ByName), e.ByName));
            Assert.All(events, e => Assert.Equal(e.ByName == "Sistem", e.ByUserId is null));

            var status = TicketStatus.Baru;
            foreach (var e in events.Skip(1).Where(e => e.ToStatus is not null))
            {
                Assert.Equal(status, e.FromStatus);
                if (e.Kind is not (TicketEventKind.HandedOff or TicketEventKind.Assigned))
                {
                    Assert.True(TicketWorkflow.CanMove(status, e.ToStatus!.Value), $"{ticket.Code}: {status} → {e.ToStatus}");
                }

                status = e.ToStatus!.Value;
            }

            Assert.Equal(ticket.Status, status);
            Assert.Equal(events.FirstOrDefault(e => e.Kind == TicketEventKind.Replied)?.AtUtc, ticket.FirstRespondedAtUtc);
            Assert.Equal(events.Count(e => e.Kind == TicketEventKind.Reopened), ticket.ReopenCount);
        }
    }

    [Fact]
    public void Resolved_tickets_have_a_resolution_note_and_a_resolved_event_and_open_ones_a_current_officer()
    {
        foreach (var ticket in demo.Tickets)
        {
            var events = demo.Events[ticket.Id].ToList();
            if (Resolved.Contains(ticket.Status))
            {
                Assert.False(string.IsNullOrWhiteSpace(ticket.ResolutionNote));
                Assert.Equal(events.Last(e => e.Kind == TicketEventKind.Resolved).AtUtc, ticket.ResolvedAtUtc);
                Assert.Equal(ticket.ResolutionNote, events.Last(e => e.Kind == TicketEventKind.Resolved).Text);
                Assert.Equal(ticket.Status == TicketStatus.Ditutup, ticket.ClosedAtUtc is not null);
            }
            else
            {
                Assert.Null(ticket.ResolvedAtUtc);
                Assert.Null(ticket.ClosedAtUtc);
            }

            Assert.Equal(ticket.Status == TicketStatus.MenungguPemohon, ticket.PauseReason is not null);
            if (ticket.Status != TicketStatus.Baru)
            {
                Assert.Equal(ticket.DivisionId, demo.Officers[ticket.AssignedUserId!]);
            }
        }

        Assert.InRange(Share(demo.Tickets, t => Resolved.Contains(t.Status)), 0.85, 0.99);
    }

    [Fact]
    public void Recent_tickets_are_open_in_every_open_status_and_a_few_were_reopened()
    {
        var open = demo.Tickets.Where(t => TicketWorkflow.IsOpen(t.Status)).ToList();

        foreach (var status in new[] { TicketStatus.Baru, TicketStatus.Ditugaskan, TicketStatus.Diproses, TicketStatus.MenungguPemohon })
        {
            Assert.Contains(open, t => t.Status == status);
        }

        Assert.True(open.Count(t => t.CreatedAtUtc > demo.NowUtc.AddDays(-30)) > open.Count / 2);
        Assert.InRange(Share(demo.Tickets, t => t.ReopenCount > 0), 0.02, 0.07);
        Assert.Contains(demo.Tickets, t => t.ReopenCount > 0 && t.Status == TicketStatus.Ditutup);
    }

    [Fact]
    public void About_eight_percent_were_handed_off_to_another_division_and_most_were_accepted()
    {
        var handedOff = demo.Handoffs.Select(h => h.TicketId).Distinct().ToHashSet();
        var byTicket = demo.Tickets.ToDictionary(t => t.Id);

        Assert.InRange((double)handedOff.Count / demo.Tickets.Count, 0.06, 0.10);
        Assert.All(demo.Handoffs, h =>
        {
            var ticket = byTicket[h.TicketId];
            Assert.NotEqual(h.FromDivisionId, h.ToDivisionId);
            Assert.Equal(demo.Services[ticket.ServiceTypeId].OwnerDivisionId, h.FromDivisionId);
            Assert.Equal(ticket.DivisionId, h.ToDivisionId);
            Assert.Equal(demo.Calendar.AddWorkingDays(h.HandedOffAtUtc, 1), h.AcceptanceDueAtUtc);
            Assert.True(h.AcceptedAtUtc is null || h.AcceptedAtUtc > h.HandedOffAtUtc);
            Assert.Contains(demo.Events[h.TicketId], e => e.Kind == TicketEventKind.HandedOff && e.AtUtc == h.HandedOffAtUtc && e.ToDivisionId == h.ToDivisionId);
        });
        Assert.InRange(Share(demo.Handoffs, h => h.AcceptedAtUtc is not null), 0.85, 1.0);
        Assert.Contains(demo.Handoffs, h => h.AcceptedAtUtc > h.AcceptanceDueAtUtc);
    }

    [Fact]
    public async Task The_sla_columns_are_what_the_projector_computes_from_each_log()
    {
        var projector = demo.App.Get<TicketSlaProjector>();
        await using var db = await demo.App.DbAsync();
        var sample = demo.Tickets.Where((_, i) => i % 100 == 7).Take(40)
            .Concat(demo.Tickets.Where(t => TicketWorkflow.IsOpen(t.Status)).Take(10))
            .ToList();

        Assert.Equal(50, sample.Count);
        foreach (var stored in sample)
        {
            var fresh = new Ticket { ApplicantName = stored.ApplicantName, Description = stored.Description, ServiceTypeId = stored.ServiceTypeId };
            await projector.ApplyAsync(db, fresh, [.. demo.Events[stored.Id]], CancellationToken.None);

            Assert.Equal(
                (fresh.FirstResponseSla, fresh.ResolutionSla, fresh.FirstResponseDueAtUtc, fresh.ResolutionDueAtUtc, fresh.ResolutionMinutesLeft, fresh.EverBreached, fresh.SlaRefreshedAtUtc),
                (stored.FirstResponseSla, stored.ResolutionSla, stored.FirstResponseDueAtUtc, stored.ResolutionDueAtUtc, stored.ResolutionMinutesLeft, stored.EverBreached, stored.SlaRefreshedAtUtc));
        }
    }

    [Fact]
    public void A_realistic_share_of_clocks_is_breached_and_open_tickets_show_every_sla_state()
    {
        var open = demo.Tickets.Where(t => TicketWorkflow.IsOpen(t.Status)).ToList();

        Assert.InRange(Share(demo.Tickets, t => t.ResolutionSla == SlaStatus.Breached), 0.05, 0.25);
        Assert.InRange(Share(demo.Tickets, t => t.FirstResponseSla == SlaStatus.Breached), 0.02, 0.2);
        Assert.All(demo.Tickets, t => Assert.Equal(t.FirstResponseSla == SlaStatus.Breached || t.ResolutionSla == SlaStatus.Breached, t.EverBreached));
        Assert.Contains(open, t => t.ResolutionSla == SlaStatus.OnTrack);
        Assert.Contains(open, t => t.ResolutionSla == SlaStatus.Breached);
        Assert.Contains(open, t => t.ResolutionSla == SlaStatus.Paused);
        Assert.Contains(demo.Tickets, t => t.ResolutionSla == SlaStatus.Met);
    }

    [Fact]
    public void Divisions_that_work_tickets_got_a_team()
    {
        Assert.True(demo.Seeded.OfficersCreated > 0);
        foreach (var division in demo.Tickets.Select(t => t.DivisionId).Distinct())
        {
            Assert.True(demo.Officers.Values.Count(d => d == division) >= 2, $"division {division}");
        }
    }

    [Fact]
    public async Task The_same_seed_composes_the_same_tickets()
    {
        await using var db = await demo.App.DbAsync();
        var services = await db.Set<ServiceType>().AsNoTracking().OrderBy(s => s.Code).ToListAsync();
        var regions = await db.Set<Region>().AsNoTracking().OrderBy(r => r.Code).ToListAsync();
        var divisions = await db.Set<Division>().AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Id);
        var staff = demo.StaffNames.GroupBy(s => s.Value)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<TicketStaff>)[.. g.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new TicketStaff(s.Key, s.Key, false))]);
        string Compose() => string.Join("\n", new DemoTicketGenerator(new Random(7), demo.NowUtc, demo.Calendar, services, regions, divisions, staff, 1).Generate()
            .Take(300)
            .Select(t => $"{t.Ticket.ApplicantName}|{t.Ticket.BusinessName}|{t.Ticket.CreatedAtUtc:O}|{t.Ticket.Status}|{string.Join(",", t.Events.Select(e => $"{e.Kind}@{e.AtUtc:O}"))}"));

        Assert.Equal(Compose(), Compose());
    }

    [Fact]
    public async Task A_second_run_adds_nothing()
    {
        var again = await demo.App.Get<TicketDemoSeeder>().SeedAsync();

        await using var db = await demo.App.DbAsync();
        Assert.Equal((0, 0, 0), (again.Tickets, again.Events, again.OfficersCreated));
        Assert.Equal(demo.Tickets.Count, await db.Set<Ticket>().CountAsync());
        Assert.Equal(demo.Events.Sum(g => g.Count()), await db.Set<TicketEvent>().CountAsync());
    }


    private static List<TKey> Ranked<TKey>(IEnumerable<Ticket> tickets, Func<Ticket, TKey> key) =>
        [.. tickets.GroupBy(key).OrderByDescending(g => g.Count()).Select(g => g.Key)];

    private static double Share<T>(IReadOnlyCollection<T> items, Func<T, bool> predicate) => (double)items.Count(predicate) / items.Count;

    [GeneratedRegex(@"^UMKM-(\d{4})-(\d{6})$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^LAPOR-\d{4}-\d{7}$")]
    private static partial Regex LaporPattern();

    [GeneratedRegex(@"^\d{13}$")]
    private static partial Regex NibPattern();
}
