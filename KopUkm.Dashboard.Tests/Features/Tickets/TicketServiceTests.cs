using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.ServiceCatalog;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KopUkm.Dashboard.Tests.Features.Tickets;

public sealed class TicketServiceTests : IAsyncLifetime
{
    private TestServices app = default!;
    private int umk;
    private int plut;
    private int nibService;
    private string officerA = "";
    private string officerB = "";

    private TicketService Tickets => app.Get<TicketService>();

    public async Task InitializeAsync()
    {
        app = await TestServices.CreateAsync();
        var divisions = await app.Get<OrganizationService>().ListDivisionsAsync();
        umk = divisions.Single(d => d.Code == "UMK").Id;
        plut = divisions.Single(d => d.Code == "PLUT").Id;
        nibService = (await app.Get<ServiceCatalogService>().ListAsync()).Single(s => s.Code == "NIB-OSS").Id;
        officerA = await CreateUserAsync("a@umk.test", "Ahmad", AppRoles.Petugas, umk);
        officerB = await CreateUserAsync("b@umk.test", "Budi", AppRoles.Petugas, umk);
        ActAsOfficer();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private void ActAsOfficer(string userId = "clerk") => app.ActAs(AppRoles.Petugas, umk, userId, divisionCode: "UMK");

    private void ActAsHead() => app.ActAs(AppRoles.KepalaBidang, umk, "head-umk", divisionCode: "UMK");

    private TicketIntakeForm Form(string applicant = "Siti Rahmah", WorkPriority priority = WorkPriority.Normal) => new()
    {
        ApplicantName = applicant,
        BusinessName = "Keripik Pisang Bu Siti",
        Phone = "0812 7788 9900",
        ServiceTypeId = nibService,
        Channel = TicketChannel.DatangLangsung,
        Priority = priority,
        Description = "Ingin membuat NIB.",
    };

    private async Task<TicketView> CreateAsync(TicketIntakeForm? form = null)
    {
        var (result, id) = await Tickets.CreateAsync(form ?? Form());
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.MessageKey)));
        return (await Tickets.GetAsync(id!.Value))!;
    }

    [Fact]
    public async Task A_new_ticket_gets_a_readable_code_and_goes_to_the_services_owner_division()
    {
        var view = await CreateAsync();

        Assert.Matches(@"^UMKM-2026-\d{6}$", view.Ticket.Code);
        Assert.Equal(umk, view.Ticket.DivisionId);
        Assert.Equal(TicketStatus.Baru, view.Ticket.Status);
        Assert.Equal(TicketEventKind.Created, Assert.Single(view.History).Kind);
        Assert.Equal(SlaStatus.OnTrack, view.Ticket.ResolutionSla);
        Assert.NotNull(view.Ticket.FirstResponseDueAtUtc);
    }

    [Theory]
    [InlineData("", "0812 1111 2222", "ApplicantName", "Validation.Required")]
    [InlineData("Ani", "123", "Phone", "Validation.Phone")]
    [InlineData("Ani", "", "Phone", "Tickets.ContactRequired")]
    public async Task Bad_intake_is_refused_field_by_field_and_nothing_is_saved(string applicant, string phone, string field, string key)
    {
        var form = Form(applicant);
        form.Phone = phone;

        var (result, _) = await Tickets.CreateAsync(form);

        Assert.Contains(result.Errors, e => e.Field == field && e.MessageKey == key);
        Assert.Equal(0, (await Tickets.ListAsync(new PageRequest(0, 25), new TicketFilter(TicketQueueKind.All))).TotalCount);
    }

    [Fact]
    public async Task A_nib_must_be_13_digits_and_lapor_tickets_need_their_tracking_number()
    {
        var form = Form();
        form.Nib = "12345";
        form.Channel = TicketChannel.Lapor;

        var (result, _) = await Tickets.CreateAsync(form);

        Assert.Contains(result.Errors, e => e.Field == "Nib" && e.MessageKey == "Cooperatives.NibFormat");
        Assert.Contains(result.Errors, e => e.Field == "LaporTrackingNumber");
    }

    [Fact]
    public async Task The_status_machine_refuses_skips_and_needs_texts_where_it_says()
    {
        var view = await CreateAsync();
        ActAsHead();
        Assert.True((await Tickets.AssignAsync(view.Ticket.Id, view.Ticket.Version, officerA, null)).Succeeded);
        view = (await Tickets.GetAsync(view.Ticket.Id))!;
        Assert.Equal(TicketStatus.Ditugaskan, view.Ticket.Status);

        Assert.Equal("Tickets.TransitionNotAllowed", (await Tickets.MoveAsync(view.Ticket.Id, view.Ticket.Version, TicketStatus.Selesai, "x")).Errors.Single().MessageKey);
        Assert.True((await Tickets.MoveAsync(view.Ticket.Id, view.Ticket.Version, TicketStatus.Diproses, null)).Succeeded);
        view = (await Tickets.GetAsync(view.Ticket.Id))!;
        Assert.Equal("Tickets.ReasonRequired", (await Tickets.MoveAsync(view.Ticket.Id, view.Ticket.Version, TicketStatus.MenungguPemohon, " ")).Errors.Single().MessageKey);
        Assert.Equal("Tickets.ResolutionRequired", (await Tickets.MoveAsync(view.Ticket.Id, view.Ticket.Version, TicketStatus.Selesai, null)).Errors.Single().MessageKey);
    }

    [Fact]
    public async Task Waiting_on_the_applicant_pauses_the_resolution_clock_and_resuming_restarts_it()
    {
        var view = await AssignedAndStartedAsync();
        Assert.True((await Tickets.MoveAsync(view.Ticket.Id, view.Ticket.Version, TicketStatus.MenungguPemohon, "Menunggu salinan KTP")).Succeeded);
        view = (await Tickets.GetAsync(view.Ticket.Id))!;
        Assert.Equal(SlaStatus.Paused, view.Ticket.ResolutionSla);
        Assert.Null(view.Ticket.ResolutionDueAtUtc);
        var usedBefore = view.Sla.Resolution.Elapsed;

        app.Clock.Advance(TimeSpan.FromDays(7));
        view = (await Tickets.GetAsync(view.Ticket.Id))!;
        Assert.Equal(usedBefore, view.Sla.Resolution.Elapsed);

        Assert.True((await Tickets.MoveAsync(view.Ticket.Id, view.Ticket.Version, TicketStatus.Diproses, null)).Succeeded);
        view = (await Tickets.GetAsync(view.Ticket.Id))!;
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
        await Tickets.AssignAsync(view.Ticket.Id, view.Ticket.Version, officerA, null);
        view = (await Tickets.GetAsync(view.Ticket.Id))!;
        ActAsOfficer(officerA);

        Assert.True((await Tickets.ReplyAsync(view.Ticket.Id, view.Ticket.Version, "Silakan datang membawa KTP.")).Succeeded);

        view = (await Tickets.GetAsync(view.Ticket.Id))!;
        Assert.Equal(TicketStatus.Diproses, view.Ticket.Status);
        Assert.Equal(SlaStatus.Met, view.Ticket.FirstResponseSla);
        Assert.NotNull(view.Ticket.FirstRespondedAtUtc);
    }

    [Fact]
    public async Task Resolving_needs_a_note_closing_follows_and_reopening_works_only_within_the_window()
    {
        var view = await AssignedAndStartedAsync();
        Assert.True((await Tickets.MoveAsync(view.Ticket.Id, view.Ticket.Version, TicketStatus.Selesai, "NIB terbit: 9120001234567")).Succeeded);
        view = (await Tickets.GetAsync(view.Ticket.Id))!;
        Assert.Equal(SlaStatus.Met, view.Ticket.ResolutionSla);

        Assert.True((await Tickets.MoveAsync(view.Ticket.Id, view.Ticket.Version, TicketStatus.DibukaKembali, "Data NIB salah ketik")).Succeeded);
        view = (await Tickets.GetAsync(view.Ticket.Id))!;
        Assert.Equal(1, view.Ticket.ReopenCount);
        Assert.Equal(SlaStatus.OnTrack, view.Ticket.ResolutionSla);

        Assert.True((await Tickets.MoveAsync(view.Ticket.Id, view.Ticket.Version, TicketStatus.Selesai, "NIB diperbaiki")).Succeeded);
        view = (await Tickets.GetAsync(view.Ticket.Id))!;
        Assert.True((await Tickets.MoveAsync(view.Ticket.Id, view.Ticket.Version, TicketStatus.Ditutup, null)).Succeeded);
        app.Clock.Advance(TimeSpan.FromDays(31));
        view = (await Tickets.GetAsync(view.Ticket.Id))!;

        Assert.Equal("Tickets.ReopenWindowPassed", (await Tickets.MoveAsync(view.Ticket.Id, view.Ticket.Version, TicketStatus.DibukaKembali, "lagi")).Errors.Single().MessageKey);
    }

    [Fact]
    public async Task A_breach_stays_in_history_after_the_ticket_is_resolved()
    {
        var view = await AssignedAndStartedAsync();
        // NIB-OSS allows 5 working days; three calendar weeks later the resolution clock is long past it.
        app.Clock.Advance(TimeSpan.FromDays(21));
        Assert.True((await Tickets.MoveAsync(view.Ticket.Id, view.Ticket.Version, TicketStatus.Selesai, "Selesai terlambat")).Succeeded);

        var resolved = (await Tickets.GetAsync(view.Ticket.Id))!;
        Assert.Equal(SlaStatus.Breached, resolved.Ticket.ResolutionSla);
        Assert.True(resolved.Ticket.EverBreached);
        Assert.NotNull(resolved.Sla.Resolution.BreachedAtUtc);
    }

    [Fact]
    public async Task A_handoff_moves_the_ticket_records_from_to_and_is_accepted_when_the_receiving_division_acts()
    {
        var view = await AssignedAndStartedAsync();
        Assert.Equal("Tickets.ReasonRequired", (await Tickets.HandOffAsync(view.Ticket.Id, view.Ticket.Version, plut, "")).Errors.Single().MessageKey);
        Assert.True((await Tickets.HandOffAsync(view.Ticket.Id, view.Ticket.Version, plut, "Butuh pendampingan pemasaran di PLUT")).Succeeded);

        app.ActAs(AppRoles.KepalaBidang, plut, "head-plut", divisionCode: "PLUT");
        var moved = (await Tickets.GetAsync(view.Ticket.Id))!;
        var handoff = Assert.Single(moved.Handoffs);
        Assert.Equal((plut, TicketStatus.Baru, (string?)null), (moved.Ticket.DivisionId, moved.Ticket.Status, moved.Ticket.AssignedUserId));
        Assert.Null(handoff.AcceptedAtUtc);
        Assert.True(handoff.AcceptanceDueAtUtc > handoff.HandedOffAtUtc);

        app.Clock.Advance(TimeSpan.FromHours(2));
        Assert.True((await Tickets.NoteAsync(moved.Ticket.Id, moved.Ticket.Version, "Diterima PLUT")).Succeeded);
        var accepted = (await Tickets.GetAsync(view.Ticket.Id))!.Handoffs.Single();
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, accepted.AcceptedAtUtc);

        // The old division no longer sees the ticket.
        ActAsOfficer(officerA);
        Assert.Null(await Tickets.GetAsync(view.Ticket.Id));
    }

    [Fact]
    public async Task The_least_loaded_officer_is_suggested_with_open_tickets_weighted_by_priority()
    {
        ActAsHead();
        var urgent = await CreateAsync(Form("Satu", WorkPriority.Mendesak));
        await Tickets.AssignAsync(urgent.Ticket.Id, urgent.Ticket.Version, officerA, null);
        var low1 = await CreateAsync(Form("Dua", WorkPriority.Rendah));
        await Tickets.AssignAsync(low1.Ticket.Id, low1.Ticket.Version, officerB, null);
        var low2 = await CreateAsync(Form("Tiga", WorkPriority.Rendah));
        await Tickets.AssignAsync(low2.Ticket.Id, low2.Ticket.Version, officerB, null);
        var next = await CreateAsync(Form("Empat"));

        // Ahmad carries one urgent ticket (weight 4), Budi two low ones (weight 1 + 1 = 2).
        var suggestion = await Tickets.SuggestAssigneeAsync(next.Ticket.Id);

        Assert.Equal(("Budi", 2), (suggestion!.Name, suggestion.Load));
    }

    [Fact]
    public async Task Officers_cannot_assign_and_other_divisions_cannot_see_or_act()
    {
        var view = await CreateAsync();
        await Assert.ThrowsAsync<AccessDeniedException>(() => Tickets.AssignAsync(view.Ticket.Id, view.Ticket.Version, officerA, null));

        app.ActAs(AppRoles.Petugas, plut, "plut-officer", divisionCode: "PLUT");
        Assert.Null(await Tickets.GetAsync(view.Ticket.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Tickets.ReplyAsync(view.Ticket.Id, view.Ticket.Version, "halo"));
        Assert.Equal(0, (await Tickets.ListAsync(new PageRequest(0, 25), new TicketFilter(TicketQueueKind.All))).TotalCount);

        app.ActAs(AppRoles.Pimpinan, 1, "leader", divisionCode: "SEK");
        Assert.NotNull(await Tickets.GetAsync(view.Ticket.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Tickets.ReplyAsync(view.Ticket.Id, view.Ticket.Version, "halo"));
    }

    [Fact]
    public async Task Two_people_changing_the_same_ticket_at_once_cannot_both_win()
    {
        var view = await AssignedAndStartedAsync();

        var first = await Tickets.MoveAsync(view.Ticket.Id, view.Ticket.Version, TicketStatus.Selesai, "Sudah selesai");
        var second = await Tickets.MoveAsync(view.Ticket.Id, view.Ticket.Version, TicketStatus.MenungguPemohon, "Menunggu berkas");

        Assert.True(first.Succeeded);
        Assert.True(second.IsConflict);
        Assert.Equal(TicketStatus.Selesai, (await Tickets.GetAsync(view.Ticket.Id))!.Ticket.Status);
    }

    [Fact]
    public async Task Queues_filter_and_search_in_the_database()
    {
        ActAsHead();
        var mine = await CreateAsync(Form("Rina Kopi"));
        await Tickets.AssignAsync(mine.Ticket.Id, mine.Ticket.Version, officerA, null);
        await CreateAsync(Form("Joko Batik"));

        ActAsOfficer(officerA);
        var myQueue = await Tickets.ListAsync(new PageRequest(0, 25), new TicketFilter(TicketQueueKind.Mine));
        var division = await Tickets.ListAsync(new PageRequest(0, 25), new TicketFilter(TicketQueueKind.Division));
        var unassigned = await Tickets.ListAsync(new PageRequest(0, 25), new TicketFilter(TicketQueueKind.Division, Unassigned: true));
        var search = await Tickets.ListAsync(new PageRequest(0, 25, Search: "batik"), new TicketFilter(TicketQueueKind.Division));
        var byCode = await Tickets.ListAsync(new PageRequest(0, 25, Search: mine.Ticket.Code.ToLowerInvariant()), new TicketFilter(TicketQueueKind.Division));

        Assert.Equal("Rina Kopi", Assert.Single(myQueue.Items).ApplicantName);
        Assert.Equal(2, division.TotalCount);
        Assert.Equal("Joko Batik", Assert.Single(unassigned.Items).ApplicantName);
        Assert.Equal("Joko Batik", Assert.Single(search.Items).ApplicantName);
        Assert.Equal(mine.Ticket.Id, Assert.Single(byCode.Items).Id);
    }

    [Fact]
    public async Task The_assignee_list_names_each_active_officer_and_head_of_the_division_once()
    {
        var head = await CreateUserAsync("kabid@umk.test", "Citra Kabid", AppRoles.KepalaBidang, umk);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // A head who also holds the officer role is one person in the list, as head.
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<KopUkm.Dashboard.Data.ApplicationUser>>();
            await users.AddToRoleAsync((await users.FindByIdAsync(head))!, AppRoles.Petugas);
        }

        await CreateUserAsync("ti@umk.test", "Dedi TI", AppRoles.StafTI, umk);
        await CreateUserAsync("plut@plut.test", "Eka PLUT", AppRoles.Petugas, plut);

        var assignees = await Tickets.ListAssigneesAsync(umk);

        Assert.Equal(["Ahmad", "Budi", "Citra Kabid"], assignees.Select(a => a.Name));
        Assert.Equal([AppRoles.Petugas, AppRoles.Petugas, AppRoles.KepalaBidang], assignees.Select(a => a.Role));
    }

    [Fact]
    public async Task Sorting_by_priority_follows_urgency_not_the_alphabet()
    {
        // Alphabetically Mendesak < Normal < Rendah < Tinggi; by urgency Rendah < Normal < Tinggi < Mendesak.
        foreach (var priority in new[] { WorkPriority.Normal, WorkPriority.Mendesak, WorkPriority.Rendah, WorkPriority.Tinggi })
        {
            await CreateAsync(Form(priority.ToString(), priority));
        }

        var mostUrgentFirst = await Tickets.ListAsync(new PageRequest(0, 25, nameof(TicketRow.Priority), Descending: true), new TicketFilter(TicketQueueKind.Division));
        var leastUrgentFirst = await Tickets.ListAsync(new PageRequest(0, 25, nameof(TicketRow.Priority)), new TicketFilter(TicketQueueKind.Division));

        Assert.Equal(["Mendesak", "Tinggi", "Normal", "Rendah"], mostUrgentFirst.Items.Select(t => t.ApplicantName));
        Assert.Equal(["Rendah", "Normal", "Tinggi", "Mendesak"], leastUrgentFirst.Items.Select(t => t.ApplicantName));
    }

    [Fact]
    public async Task Bulk_assignment_assigns_each_ticket_the_head_may_assign()
    {
        ActAsHead();
        var a = await CreateAsync(Form("A"));
        var b = await CreateAsync(Form("B"));

        var done = await Tickets.BulkAssignAsync([a.Ticket.Id, b.Ticket.Id], officerB);

        Assert.Equal(2, done);
        Assert.Equal(2, (await Tickets.ListAsync(new PageRequest(0, 25), new TicketFilter(TicketQueueKind.Division))).Items.Count(t => t.AssignedUserName == "Budi"));
    }

    private async Task<TicketView> AssignedAndStartedAsync()
    {
        var view = await CreateAsync();
        ActAsHead();
        await Tickets.AssignAsync(view.Ticket.Id, view.Ticket.Version, officerA, null);
        ActAsOfficer(officerA);
        view = (await Tickets.GetAsync(view.Ticket.Id))!;
        await Tickets.ReplyAsync(view.Ticket.Id, view.Ticket.Version, "Kami proses.");
        return (await Tickets.GetAsync(view.Ticket.Id))!;
    }

    private Task<string> CreateUserAsync(string email, string name, string role, int divisionId) => app.CreateUserAsync(email, name, role, divisionId);
}
