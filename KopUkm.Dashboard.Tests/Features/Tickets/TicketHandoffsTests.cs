using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.Tickets;

namespace KopUkm.Dashboard.Tests.Features.Tickets;

public sealed class TicketHandoffsTests : TicketScenario
{
    [Fact]
    public async Task A_handoff_moves_the_ticket_records_from_to_and_is_accepted_when_the_receiving_division_acts()
    {
        var view = await AssignedAndStartedAsync();
        Assert.Equal("Tickets.ReasonRequired", (await Handoffs.HandOffAsync(view.Ticket.Id, view.Ticket.Version, Plut, "")).Errors.Single().MessageKey);
        Assert.True((await Handoffs.HandOffAsync(view.Ticket.Id, view.Ticket.Version, Plut, "Butuh pendampingan pemasaran di PLUT")).Succeeded);

        App.ActAs(AppRoles.KepalaBidang, Plut, "head-plut", divisionCode: "PLUT");
        var moved = (await Details.GetAsync(view.Ticket.Id))!;
        var handoff = Assert.Single(moved.Handoffs);
        Assert.Equal((Plut, TicketStatus.Baru, (string?)null), (moved.Ticket.DivisionId, moved.Ticket.Status, moved.Ticket.AssignedUserId));
        Assert.Null(handoff.AcceptedAtUtc);
        Assert.True(handoff.AcceptanceDueAtUtc > handoff.HandedOffAtUtc);

        App.Clock.Advance(TimeSpan.FromHours(2));
        Assert.True((await Moves.NoteAsync(moved.Ticket.Id, moved.Ticket.Version, "Diterima PLUT")).Succeeded);
        var accepted = (await Details.GetAsync(view.Ticket.Id))!.Handoffs.Single();
        Assert.Equal(App.Clock.GetUtcNow().UtcDateTime, accepted.AcceptedAtUtc);

        // The old division no longer sees the ticket.
        ActAsOfficer(OfficerA);
        Assert.Null(await Details.GetAsync(view.Ticket.Id));
    }
}
