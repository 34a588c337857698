using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.Tickets;

namespace KopUkm.Dashboard.Tests.Features.Tickets;

public sealed class TicketAccessTests : TicketScenario
{
    [Fact]
    public async Task Officers_cannot_assign_and_other_divisions_cannot_see_or_act()
    {
        var view = await CreateAsync();
        await Assert.ThrowsAsync<AccessDeniedException>(() => Assignment.AssignAsync(view.Ticket.Id, view.Ticket.Version, OfficerA, null));

        App.ActAs(AppRoles.Petugas, Plut, "plut-officer", divisionCode: "PLUT");
        Assert.Null(await Details.GetAsync(view.Ticket.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Moves.ReplyAsync(view.Ticket.Id, view.Ticket.Version, "halo"));
        Assert.Equal(0, (await Queues.ListAsync(new PageRequest(0, 25), new TicketFilter(TicketQueueKind.All))).TotalCount);

        App.ActAs(AppRoles.Pimpinan, 1, "leader", divisionCode: "SEK");
        Assert.NotNull(await Details.GetAsync(view.Ticket.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Moves.ReplyAsync(view.Ticket.Id, view.Ticket.Version, "halo"));
    }

    [Fact]
    public async Task Officer_lists_and_load_suggestions_stay_within_the_divisions_a_user_may_see_or_assign()
    {
        var view = await CreateAsync();

        // The UMK head lists and ranks UMK officers, but not another division's.
        ActAsHead();
        Assert.Equal(2, (await Assignment.ListAssigneesAsync(Umk)).Count);
        Assert.NotNull(await Assignment.SuggestAssigneeAsync(view.Ticket.Id));
        App.ActAs(AppRoles.KepalaBidang, Plut, "head-plut", divisionCode: "PLUT");
        await Assert.ThrowsAsync<AccessDeniedException>(() => Assignment.ListAssigneesAsync(Umk));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Assignment.SuggestAssigneeAsync(view.Ticket.Id));

        // An officer may see their division's colleagues but gets no load ranking; leadership reads every division
        // and assigns none.
        ActAsOfficer();
        Assert.Equal(2, (await Assignment.ListAssigneesAsync(Umk)).Count);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Assignment.SuggestAssigneeAsync(view.Ticket.Id));
        App.ActAs(AppRoles.Pimpinan, 1, "leader", divisionCode: "SEK");
        Assert.Equal(2, (await Assignment.ListAssigneesAsync(Umk)).Count);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Assignment.SuggestAssigneeAsync(view.Ticket.Id));
    }
}
