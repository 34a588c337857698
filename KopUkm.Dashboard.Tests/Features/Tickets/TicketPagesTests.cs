using Bunit;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.ServiceCatalog;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Features.Tickets.Pages;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Components;

namespace KopUkm.Dashboard.Tests.Features.Tickets;

/// <summary>The ticket pages rendered with bunit over the real services on a real SQLite file.</summary>
public sealed class TicketPagesTests : AppBunitContext, IAsyncLifetime
{
    private TestServices app = default!;
    private int umk;

    async Task IAsyncLifetime.InitializeAsync()
    {
        app = await TestServices.CreateAsync(validateScopes: false);
        UseApp(app);
        umk = (await app.Get<OrganizationService>().ListDivisionsAsync()).Single(d => d.Code == "UMK").Id;
        app.ActAs(AppRoles.Petugas, umk, "clerk", divisionCode: "UMK");
        SignInAs(AppRoles.Petugas, umk);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task The_division_queue_lists_the_divisions_open_tickets_with_their_sla_chip_and_officer()
    {
        var assigned = await CreateAsync("Siti Rahmah");
        await CreateAsync("Joko Santoso");
        var officer = await app.CreateUserAsync("yusuf@umk.test", "Yusuf Hidayat", AppRoles.Petugas, umk);
        // A division head opens on the division queue (an officer opens on their own).
        app.ActAs(AppRoles.KepalaBidang, umk, "head", divisionCode: "UMK");
        SignInAs(AppRoles.KepalaBidang, umk);
        var version = (await app.Get<TicketDetails>().GetAsync(assigned))!.Ticket.Version;
        Assert.True((await app.Get<TicketAssignment>().AssignAsync(assigned, version, officer, null)).Succeeded);

        var page = Render<TicketsPage>();

        page.WaitForAssertion(() =>
        {
            var rows = page.FindAll("[data-testid=tickets-grid] tbody tr");
            Assert.Equal(2, rows.Count);
            Assert.All(rows, r => Assert.NotNull(r.QuerySelector("[data-sla=OnTrack]")));
            // The officer sits under the status chip; an unassigned ticket says so.
            var officers = rows.ToDictionary(r => r.QuerySelector("td:nth-child(3)")!.TextContent.Trim().Split('\n')[0].Trim(), r => r.QuerySelector("[data-cell=assignee]")!.TextContent.Trim());
            Assert.Equal("Yusuf Hidayat", officers["Siti Rahmah"]);
            Assert.Equal("Belum ditugaskan", officers["Joko Santoso"]);
        });
    }

    [Fact]
    public async Task Before_the_circuit_starts_the_queue_shows_a_skeleton_never_no_data_or_an_empty_pager()
    {
        await CreateAsync("Siti Rahmah");
        SetRendererInfo(new RendererInfo("Static", false));

        var page = Render<TicketsPage>();

        Assert.Single(page.FindAll("[data-testid=list-skeleton]"));
        Assert.DoesNotContain("Tidak ada data yang cocok", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("0–0", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_intake_form_starts_with_no_service_chosen_and_marks_phone_or_email_as_required()
    {
        var page = Render<TicketIntakePage>();

        page.WaitForAssertion(() => Assert.Equal("", page.Find("#ticket-service").GetAttribute("value") ?? ""));
        Assert.Contains("Telepon/WhatsApp *", page.Find("label[for=ticket-phone]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Email *", page.Find("label[for=ticket-email]").TextContent, StringComparison.Ordinal);
        Assert.Equal(2, page.FindAll(".mud-input-helper-text").Count(h => h.TextContent.Contains("Wajib salah satu: telepon atau email", StringComparison.Ordinal)));

        page.Find("#ticket-phone").Change("0812 3344 5566");

        Assert.DoesNotContain("*", page.Find("label[for=ticket-email]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_ticket_asks_an_officer_for_an_owner_not_a_status_but_an_in_progress_one_offers_waiting_and_resolving()
    {
        var id = await CreateAsync("Siti Rahmah");
        var page = Render<TicketPage>(p => p.Add(t => t.Id, id));
        // Absence is checked only once the ticket has loaded and the panel says what the new ticket needs (an owner),
        // never "no action available" above the buttons it shows.
        page.WaitForElement("[data-testid=ticket-needs-owner]");
        Assert.DoesNotContain("Tidak ada tindakan yang tersedia", page.Find("[data-testid=ticket-actions]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-move]"));

        app.ActAs(AppRoles.KepalaBidang, umk, "head", divisionCode: "UMK");
        var view = (await app.Get<TicketDetails>().GetAsync(id))!;
        var officer = await CreateOfficerAsync();
        await app.Get<TicketAssignment>().AssignAsync(id, view.Ticket.Version, officer, null);
        view = (await app.Get<TicketDetails>().GetAsync(id))!;
        await app.Get<TicketMoves>().MoveAsync(id, view.Ticket.Version, TicketStatus.Diproses, null);
        app.ActAs(AppRoles.Petugas, umk, "clerk", divisionCode: "UMK");

        var inProgress = Render<TicketPage>(p => p.Add(t => t.Id, id));
        inProgress.WaitForAssertion(() => Assert.Equal(
            ["MenungguPemohon", "Selesai"],
            inProgress.FindAll("[data-move]").Select(b => b.GetAttribute("data-move"))));
    }

    [Fact]
    public async Task The_ticket_page_links_to_its_change_history_only_for_those_who_may_read_the_audit_log()
    {
        var id = await CreateAsync("Siti Rahmah");

        var asOfficer = Render<TicketPage>(p => p.Add(t => t.Id, id));
        asOfficer.WaitForAssertion(() => Assert.NotEmpty(asOfficer.FindAll("[data-testid=ticket-applicant]")));
        Assert.Empty(asOfficer.FindAll("[data-testid=record-history-link]"));

        app.ActAs(AppRoles.Administrator, null, "admin");
        SignInAs(AppRoles.Administrator);
        var asAdministrator = Render<TicketPage>(p => p.Add(t => t.Id, id));

        asAdministrator.WaitForAssertion(() => Assert.Equal(
            $"/administrasi/riwayat?entitas=Ticket&kunci={id}",
            asAdministrator.Find("[data-testid=record-history-link]").GetAttribute("href")));
    }

    private Task<string> CreateOfficerAsync() => app.CreateUserAsync("officer@umk.test", "Yusuf", AppRoles.Petugas, umk);

    [Fact]
    public async Task A_ticket_due_in_a_year_without_holidays_says_so_and_one_due_this_year_does_not()
    {
        var dueThisYear = await CreateAsync("Siti Rahmah");
        // Wednesday 30 Dec 2026 10:00 WIB: a request recorded now falls due in January 2027, a year never entered.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 30, 3, 0, 0, TimeSpan.Zero));
        var dueNextYear = await CreateAsync("Joko Santoso");

        var late = Render<TicketPage>(p => p.Add(t => t.Id, dueNextYear));
        late.WaitForAssertion(() => Assert.Contains("Hari libur 2027 belum diisi", late.Find("[data-testid=holidays-missing]").TextContent, StringComparison.Ordinal));

        // The first one fell due in November 2026, whose holidays are there.
        var early = Render<TicketPage>(p => p.Add(t => t.Id, dueThisYear));
        early.WaitForAssertion(() => Assert.NotEmpty(early.FindAll("[data-testid=sla-resolution]")));
        Assert.Empty(early.FindAll("[data-testid=holidays-missing]"));
    }

    private Task<int> CreateAsync(string applicant) => TicketTestData.CreateNibRequestAsync(app, applicant);
}
