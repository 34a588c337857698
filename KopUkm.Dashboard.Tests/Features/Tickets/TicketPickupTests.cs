using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.Tickets;

namespace KopUkm.Dashboard.Tests.Features.Tickets;

/// <summary>
/// Walk-ins at the desk: the officer who records one may take it at once ("Ambil") or give it to a colleague of the
/// division without waiting for the head; who may not, may not, and each assignment is in the ticket's history.
/// </summary>
public sealed class TicketPickupTests : TicketScenario
{
    private TicketPickup Pickup => App.Get<TicketPickup>();

    [Fact]
    public async Task The_officer_who_records_a_walk_in_takes_it_at_once_and_the_history_says_so()
    {
        App.User.Current = TestInfrastructure.FakeCurrentUser.As(AppRoles.Petugas, Umk, OfficerA, "Ahmad", "UMK");
        var created = await CreateAsync();

        // The page offers "Ambil" and never "no action" above it: no status move is allowed before someone owns it.
        Assert.True(created.CanTake);
        Assert.True(created.CanGive);
        Assert.Empty(created.AllowedMoves);

        var result = await Pickup.TakeAsync(created.Ticket.Id, created.Ticket.Version);

        Assert.True(result.Succeeded);
        var taken = (await Details.GetAsync(created.Ticket.Id))!;
        Assert.Equal((OfficerA, TicketStatus.Ditugaskan), (taken.Ticket.AssignedUserId, taken.Ticket.Status));
        var assigned = Assert.Single(taken.History, e => e.Kind == TicketEventKind.Assigned);
        Assert.Equal(("Ahmad", "Ahmad"), (assigned.Text, assigned.ByName));
        Assert.False(taken.CanTake);
        Assert.NotEmpty(taken.AllowedMoves);
    }

    [Fact]
    public async Task The_officer_who_records_a_walk_in_gives_it_to_a_colleague_of_the_division()
    {
        ActAsOfficer(OfficerA);
        var created = await CreateAsync();

        var result = await Pickup.GiveAsync(created.Ticket.Id, created.Ticket.Version, OfficerB);

        Assert.True(result.Succeeded);
        var given = (await Details.GetAsync(created.Ticket.Id))!;
        Assert.Equal(("Budi", TicketStatus.Ditugaskan), (given.Ticket.AssignedUserName, given.Ticket.Status));
        Assert.Equal("Budi", Assert.Single(given.History, e => e.Kind == TicketEventKind.Assigned).Text);
    }

    [Fact]
    public async Task Another_officer_of_the_division_may_take_an_unassigned_ticket_but_not_give_it_away()
    {
        ActAsOfficer(OfficerA);
        var created = await CreateAsync();

        ActAsOfficer(OfficerB);
        var view = (await Details.GetAsync(created.Ticket.Id))!;
        var give = await Pickup.GiveAsync(created.Ticket.Id, created.Ticket.Version, OfficerB);
        var take = await Pickup.TakeAsync(created.Ticket.Id, created.Ticket.Version);

        Assert.True(view.CanTake);
        Assert.False(view.CanGive);
        Assert.Equal("Tickets.GiveOnlyOwnIntake", Assert.Single(give.Errors).MessageKey);
        Assert.True(take.Succeeded);
        Assert.Equal(OfficerB, (await Details.GetAsync(created.Ticket.Id))!.Ticket.AssignedUserId);
    }

    [Fact]
    public async Task An_assigned_ticket_is_the_heads_to_reassign_not_an_officers_to_take()
    {
        ActAsOfficer(OfficerA);
        var created = await CreateAsync();
        await Pickup.TakeAsync(created.Ticket.Id, created.Ticket.Version);
        var taken = (await Details.GetAsync(created.Ticket.Id))!;

        ActAsOfficer(OfficerB);
        var result = await Pickup.TakeAsync(taken.Ticket.Id, taken.Ticket.Version);

        Assert.Equal("Tickets.AlreadyAssigned", Assert.Single(result.Errors).MessageKey);
        Assert.Equal(OfficerA, (await Details.GetAsync(created.Ticket.Id))!.Ticket.AssignedUserId);
    }

    [Fact]
    public async Task A_ticket_is_given_only_to_an_active_officer_of_its_own_division()
    {
        var plutOfficer = await CreateUserAsync("p@plut.test", "Eka PLUT", AppRoles.Petugas, Plut);
        ActAsOfficer(OfficerA);
        var created = await CreateAsync();

        var result = await Pickup.GiveAsync(created.Ticket.Id, created.Ticket.Version, plutOfficer);

        Assert.Equal("Tickets.AssigneeNotAllowed", Assert.Single(result.Errors).MessageKey);
        Assert.Null((await Details.GetAsync(created.Ticket.Id))!.Ticket.AssignedUserId);
    }

    [Theory]
    [InlineData(AppRoles.Petugas)]
    [InlineData(AppRoles.KepalaBidang)]
    [InlineData(AppRoles.StafTI)]
    [InlineData(AppRoles.Pimpinan)]
    public async Task Nobody_outside_the_tickets_division_takes_or_gives_it(string role)
    {
        ActAsOfficer(OfficerA);
        var created = await CreateAsync();

        // Another division's officer or head, IT staff (who work every division's tickets, but are no officer of one)
        // and leadership: refused by the server whatever the page showed.
        App.ActAs(role, role is AppRoles.StafTI or AppRoles.Pimpinan ? null : Plut, "outsider", divisionCode: "PLUT");
        await Assert.ThrowsAsync<AccessDeniedException>(() => Pickup.TakeAsync(created.Ticket.Id, created.Ticket.Version));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Pickup.GiveAsync(created.Ticket.Id, created.Ticket.Version, OfficerB));
    }

    [Fact]
    public async Task The_head_of_the_division_may_give_any_unassigned_ticket()
    {
        ActAsOfficer(OfficerA);
        var created = await CreateAsync();

        ActAsHead();
        var result = await Pickup.GiveAsync(created.Ticket.Id, created.Ticket.Version, OfficerB);

        Assert.True(result.Succeeded);
    }
}
