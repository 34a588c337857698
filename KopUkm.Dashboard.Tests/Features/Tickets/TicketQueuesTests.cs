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
}
