using KopUkm.Dashboard.Features.Tickets;

namespace KopUkm.Dashboard.Tests.Features.Tickets;

public sealed class TicketMovesTests : TicketScenario
{
    [Fact]
    public async Task The_status_machine_refuses_skips_and_needs_texts_where_it_says()
    {
        var view = await CreateAsync();
        ActAsHead();
        Assert.True((await Assignment.AssignAsync(view.Ticket.Id, view.Ticket.Version, OfficerA, null)).Succeeded);
        view = (await Details.GetAsync(view.Ticket.Id))!;
        Assert.Equal(TicketStatus.Ditugaskan, view.Ticket.Status);

        Assert.Equal("Tickets.TransitionNotAllowed", (await Moves.MoveAsync(view.Ticket.Id, view.Ticket.Version, TicketStatus.Selesai, "x")).Errors.Single().MessageKey);
        Assert.True((await Moves.MoveAsync(view.Ticket.Id, view.Ticket.Version, TicketStatus.Diproses, null)).Succeeded);
        view = (await Details.GetAsync(view.Ticket.Id))!;
        Assert.Equal("Tickets.ReasonRequired", (await Moves.MoveAsync(view.Ticket.Id, view.Ticket.Version, TicketStatus.MenungguPemohon, " ")).Errors.Single().MessageKey);
        Assert.Equal("Tickets.ResolutionRequired", (await Moves.MoveAsync(view.Ticket.Id, view.Ticket.Version, TicketStatus.Selesai, null)).Errors.Single().MessageKey);
    }

    [Fact]
    public async Task Waiting_on_the_applicant_pauses_the_resolution_clock_and_resuming_restarts_it()
    {
        var view = await AssignedAndStartedAsync();
        Assert.True((await Moves.MoveAsync(view.Ticket.Id, view.Ticket.Version, TicketStatus.MenungguPemohon, "Menunggu salinan KTP")).Succeeded);
        view = (await Details.GetAsync(view.Ticket.Id))!;
        Assert.Equal(SlaStatus.Paused, view.Ticket.ResolutionSla);
        Assert.Null(view.Ticket.ResolutionDueAtUtc);
        var usedBefore = view.Sla.Resolution.Elapsed;

        App.Clock.Advance(TimeSpan.FromDays(7));
        view = (await Details.GetAsync(view.Ticket.Id))!;
        Assert.Equal(usedBefore, view.Sla.Resolution.Elapsed);

        Assert.True((await Moves.MoveAsync(view.Ticket.Id, view.Ticket.Version, TicketStatus.Diproses, null)).Succeeded);
        view = (await Details.GetAsync(view.Ticket.Id))!;
        Assert.Equal(SlaStatus.OnTrack, view.Ticket.ResolutionSla);
        Assert.NotNull(view.Ticket.ResolutionDueAtUtc);
        Assert.Contains(view.History, e => e.Kind == TicketEventKind.Paused && e.Text == "Menunggu salinan KTP");
        Assert.Contains(view.History, e => e.Kind == TicketEventKind.Resumed);
    }

    [Fact]
    public async Task The_first_reply_stops_the_first_response_clock_and_starts_the_work()
    {
        var view = await CreateAsync();
        ActAsHead();
        await Assignment.AssignAsync(view.Ticket.Id, view.Ticket.Version, OfficerA, null);
        view = (await Details.GetAsync(view.Ticket.Id))!;
        ActAsOfficer(OfficerA);

        Assert.True((await Moves.ReplyAsync(view.Ticket.Id, view.Ticket.Version, "Silakan datang membawa KTP.")).Succeeded);

        view = (await Details.GetAsync(view.Ticket.Id))!;
        Assert.Equal(TicketStatus.Diproses, view.Ticket.Status);
        Assert.Equal(SlaStatus.Met, view.Ticket.FirstResponseSla);
        Assert.NotNull(view.Ticket.FirstRespondedAtUtc);
    }

    [Fact]
    public async Task Resolving_needs_a_note_closing_follows_and_reopening_works_only_within_the_window()
    {
        var view = await AssignedAndStartedAsync();
        Assert.True((await Moves.MoveAsync(view.Ticket.Id, view.Ticket.Version, TicketStatus.Selesai, "NIB terbit: 9120001234567")).Succeeded);
        view = (await Details.GetAsync(view.Ticket.Id))!;
        Assert.Equal(SlaStatus.Met, view.Ticket.ResolutionSla);

        Assert.True((await Moves.MoveAsync(view.Ticket.Id, view.Ticket.Version, TicketStatus.DibukaKembali, "Data NIB salah ketik")).Succeeded);
        view = (await Details.GetAsync(view.Ticket.Id))!;
        Assert.Equal(1, view.Ticket.ReopenCount);
        Assert.Equal(SlaStatus.OnTrack, view.Ticket.ResolutionSla);

        Assert.True((await Moves.MoveAsync(view.Ticket.Id, view.Ticket.Version, TicketStatus.Selesai, "NIB diperbaiki")).Succeeded);
        view = (await Details.GetAsync(view.Ticket.Id))!;
        Assert.True((await Moves.MoveAsync(view.Ticket.Id, view.Ticket.Version, TicketStatus.Ditutup, null)).Succeeded);
        App.Clock.Advance(TimeSpan.FromDays(31));
        view = (await Details.GetAsync(view.Ticket.Id))!;

        Assert.Equal("Tickets.ReopenWindowPassed", (await Moves.MoveAsync(view.Ticket.Id, view.Ticket.Version, TicketStatus.DibukaKembali, "lagi")).Errors.Single().MessageKey);
    }

    [Fact]
    public async Task A_breach_stays_in_history_after_the_ticket_is_resolved()
    {
        var view = await AssignedAndStartedAsync();
        // NIB-OSS allows 5 working days; three calendar weeks later the resolution clock is long past it.
        App.Clock.Advance(TimeSpan.FromDays(21));
        Assert.True((await Moves.MoveAsync(view.Ticket.Id, view.Ticket.Version, TicketStatus.Selesai, "Selesai terlambat")).Succeeded);

        var resolved = (await Details.GetAsync(view.Ticket.Id))!;
        Assert.Equal(SlaStatus.Breached, resolved.Ticket.ResolutionSla);
        Assert.True(resolved.Ticket.EverBreached);
        Assert.NotNull(resolved.Sla.Resolution.BreachedAtUtc);
    }

    [Fact]
    public async Task Two_people_changing_the_same_ticket_at_once_cannot_both_win()
    {
        var view = await AssignedAndStartedAsync();

        var first = await Moves.MoveAsync(view.Ticket.Id, view.Ticket.Version, TicketStatus.Selesai, "Sudah selesai");
        var second = await Moves.MoveAsync(view.Ticket.Id, view.Ticket.Version, TicketStatus.MenungguPemohon, "Menunggu berkas");

        Assert.True(first.Succeeded);
        Assert.True(second.IsConflict);
        Assert.Equal(TicketStatus.Selesai, (await Details.GetAsync(view.Ticket.Id))!.Ticket.Status);
    }
}
