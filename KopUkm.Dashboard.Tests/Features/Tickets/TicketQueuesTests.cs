using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Tickets;

using KopUkm.Dashboard.Tests.TestInfrastructure;

namespace KopUkm.Dashboard.Tests.Features.Tickets;

public abstract class TicketQueuesTests : TicketScenario
{
    public sealed class OnSqlite : TicketQueuesTests;

    public sealed class OnPostgreSql : TicketQueuesTests
    {
        protected override TestProvider Provider => TestProvider.PostgreSql;
    }

    [Fact]
    public async Task Queues_filter_and_search_in_the_database()
    {
        ActAsHead();
        var mine = await CreateAsync(Form("Rina Kopi"));
        await Assignment.AssignAsync(mine.Ticket.Id, mine.Ticket.Version, OfficerA, null);
        await CreateAsync(Form("Joko Batik"));

        ActAsOfficer(OfficerA);
        var myQueue = await Queues.ListAsync(new PageRequest(0, 25), new TicketFilter(TicketQueueKind.Mine));
        var division = await Queues.ListAsync(new PageRequest(0, 25), new TicketFilter(TicketQueueKind.Division));
        var unassigned = await Queues.ListAsync(new PageRequest(0, 25), new TicketFilter(TicketQueueKind.Division, Unassigned: true));
        var search = await Queues.ListAsync(new PageRequest(0, 25, Search: "batik"), new TicketFilter(TicketQueueKind.Division));
        var byCode = await Queues.ListAsync(new PageRequest(0, 25, Search: mine.Ticket.Code.ToLowerInvariant()), new TicketFilter(TicketQueueKind.Division));

        Assert.Equal("Rina Kopi", Assert.Single(myQueue.Items).ApplicantName);
        Assert.Equal(2, division.TotalCount);
        Assert.Equal("Joko Batik", Assert.Single(unassigned.Items).ApplicantName);
        Assert.Equal("Joko Batik", Assert.Single(search.Items).ApplicantName);
        Assert.Equal(mine.Ticket.Id, Assert.Single(byCode.Items).Id);
    }

    [Fact]
    public async Task Sorting_by_priority_follows_urgency_not_the_alphabet()
    {
        // Alphabetically Mendesak < Normal < Rendah < Tinggi; by urgency Rendah < Normal < Tinggi < Mendesak.
        foreach (var priority in new[] { WorkPriority.Normal, WorkPriority.Mendesak, WorkPriority.Rendah, WorkPriority.Tinggi })
        {
            await CreateAsync(Form(priority.ToString(), priority));
        }

        var mostUrgentFirst = await Queues.ListAsync(new PageRequest(0, 25, nameof(TicketRow.Priority), Descending: true), new TicketFilter(TicketQueueKind.Division));
        var leastUrgentFirst = await Queues.ListAsync(new PageRequest(0, 25, nameof(TicketRow.Priority)), new TicketFilter(TicketQueueKind.Division));

        Assert.Equal(["Mendesak", "Tinggi", "Normal", "Rendah"], mostUrgentFirst.Items.Select(t => t.ApplicantName));
        Assert.Equal(["Rendah", "Normal", "Tinggi", "Mendesak"], leastUrgentFirst.Items.Select(t => t.ApplicantName));
    }
    [Fact]
    public async Task The_default_order_is_breached_then_at_risk_then_newest_and_paging_keeps_it()
    {
        // Seven tickets created a minute apart, oldest first; then their SLA snapshot set as the monitor would.
        var ids = new List<int>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add((await CreateAsync(Form($"T{i}"))).Ticket.Id);
            App.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        await using (var db = await App.DbAsync())
        {
            void Set(int index, SlaStatus resolution, int minutesLeft, SlaStatus firstResponse = SlaStatus.OnTrack)
            {
                var t = db.Set<Ticket>().Single(x => x.Id == ids[index]);
                (t.ResolutionSla, t.ResolutionMinutesLeft, t.FirstResponseSla) = (resolution, minutesLeft, firstResponse);
            }

            Set(0, SlaStatus.OnTrack, 3000);
            Set(1, SlaStatus.Breached, -60);    // breached an hour ago
            Set(2, SlaStatus.AtRisk, 100);
            Set(3, SlaStatus.Breached, -900);   // the oldest breach: first
            Set(4, SlaStatus.PausedRisk, 30);   // paused at risk counts as at risk
            Set(5, SlaStatus.OnTrack, 2000, SlaStatus.Breached); // a breached first response is a breach too
            Set(6, SlaStatus.OnTrack, 2500);
            await db.SaveChangesAsync();
        }

        var pages = new List<string>();
        for (var page = 0; page < 3; page++)
        {
            var result = await Queues.ListAsync(new PageRequest(page, 3), new TicketFilter(TicketQueueKind.Division));
            Assert.Equal(7, result.TotalCount);
            pages.AddRange(result.Items.Select(r => r.ApplicantName));
        }

        // Breached, the longest overdue first: T3 (900 min late), T1 (60), T5 (its first response breached, resolution
        // time still left); at risk, least time left first: T4 (paused at risk, 30 min), T2; the rest newest first: T6, T0.
        Assert.Equal(["T3", "T1", "T5", "T4", "T2", "T6", "T0"], pages);
    }
}
