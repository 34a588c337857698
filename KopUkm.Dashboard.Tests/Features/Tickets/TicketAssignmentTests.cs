using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace KopUkm.Dashboard.Tests.Features.Tickets;

public sealed class TicketAssignmentTests : TicketScenario
{
    [Fact]
    public async Task The_least_loaded_officer_is_suggested_with_open_tickets_weighted_by_priority()
    {
        ActAsHead();
        var urgent = await CreateAsync(Form("Satu", WorkPriority.Mendesak));
        await Assignment.AssignAsync(urgent.Ticket.Id, urgent.Ticket.Version, OfficerA, null);
        var low1 = await CreateAsync(Form("Dua", WorkPriority.Rendah));
        await Assignment.AssignAsync(low1.Ticket.Id, low1.Ticket.Version, OfficerB, null);
        var low2 = await CreateAsync(Form("Tiga", WorkPriority.Rendah));
        await Assignment.AssignAsync(low2.Ticket.Id, low2.Ticket.Version, OfficerB, null);
        var next = await CreateAsync(Form("Empat"));

        // Ahmad carries one urgent ticket (weight 4), Budi two low ones (weight 1 + 1 = 2).
        var suggestion = await Assignment.SuggestAssigneeAsync(next.Ticket.Id);

        Assert.Equal(("Budi", 2), (suggestion!.Name, suggestion.Load));
    }

    [Fact]
    public async Task The_assignee_list_names_each_active_officer_and_head_of_the_division_once()
    {
        var head = await CreateUserAsync("kabid@umk.test", "Citra Kabid", AppRoles.KepalaBidang, Umk);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            // A head who also holds the officer role is one person in the list, as head.
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<KopUkm.Dashboard.Data.ApplicationUser>>();
            await users.AddToRoleAsync((await users.FindByIdAsync(head))!, AppRoles.Petugas);
        }

        await CreateUserAsync("ti@umk.test", "Dedi TI", AppRoles.StafTI, Umk);
        await CreateUserAsync("plut@plut.test", "Eka PLUT", AppRoles.Petugas, Plut);

        var assignees = await Assignment.ListAssigneesAsync(Umk);

        Assert.Equal(["Ahmad", "Budi", "Citra Kabid"], assignees.Select(a => a.Name));
        Assert.Equal([AppRoles.Petugas, AppRoles.Petugas, AppRoles.KepalaBidang], assignees.Select(a => a.Role));
    }

    [Fact]
    public async Task Bulk_assignment_assigns_each_ticket_the_head_may_assign()
    {
        ActAsHead();
        var a = await CreateAsync(Form("A"));
        var b = await CreateAsync(Form("B"));

        var done = await Assignment.BulkAssignAsync([a.Ticket.Id, b.Ticket.Id], OfficerB);

        Assert.Equal(2, done);
        Assert.Equal(2, (await Queues.ListAsync(new PageRequest(0, 25), new TicketFilter(TicketQueueKind.Division))).Items.Count(t => t.AssignedUserName == "Budi"));
    }
}
