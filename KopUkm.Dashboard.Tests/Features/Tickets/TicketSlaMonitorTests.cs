using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Notifications;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.ServiceCatalog;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Tests.Features.Tickets;

public sealed class TicketSlaMonitorTests : IAsyncLifetime
{
    private TestServices app = default!;
    private int umk;
    private string head = "";
    private string officer = "";

    public async Task InitializeAsync()
    {
        app = await TestServices.CreateAsync();
        umk = (await app.Get<OrganizationService>().ListDivisionsAsync()).Single(d => d.Code == "UMK").Id;
        head = await CreateUserAsync("head@umk.test", AppRoles.KepalaBidang);
        officer = await CreateUserAsync("officer@umk.test", AppRoles.Petugas);
        app.ActAs(AppRoles.KepalaBidang, umk, head, divisionCode: "UMK");
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task An_unassigned_ticket_past_its_first_response_target_alerts_the_head_once()
    {
        var id = await CreateTicketAsync();
        // Monday 09:00 WIB + two days: the one-working-day first-response target ran out on Tuesday morning.
        app.Clock.Advance(TimeSpan.FromDays(2));
        var monitor = app.Get<TicketSlaMonitor>();

        var first = await monitor.RefreshOpenTicketsAsync();
        var second = await monitor.RefreshOpenTicketsAsync();

        Assert.Equal(1, first.Changed);
        Assert.Equal(0, second.Changed);
        Assert.Equal(0, second.NotificationsSent);
        var keys = await KeysAsync(head);
        Assert.Contains($"ticket:{id}:FirstResponse:breached", keys);
        Assert.Contains($"ticket:{id}:unassigned-past-first-response", keys);
        Assert.Equal(first.NotificationsSent, keys.Count);
        await using var db = await app.DbAsync();
        Assert.Equal(SlaStatus.Breached, (await db.Set<Ticket>().SingleAsync(t => t.Id == id)).FirstResponseSla);
    }

    [Fact]
    public async Task An_assigned_ticket_nearing_its_resolution_target_warns_the_assignee_once()
    {
        var id = await CreateTicketAsync();
        var view = (await app.Get<TicketDetails>().GetAsync(id))!;
        await app.Get<TicketAssignment>().AssignAsync(id, view.Ticket.Version, officer, null);
        app.ActAs(AppRoles.Petugas, umk, officer, divisionCode: "UMK");
        view = (await app.Get<TicketDetails>().GetAsync(id))!;
        await app.Get<TicketMoves>().ReplyAsync(id, view.Ticket.Version, "Kami proses.");

        // Created Monday 23 Nov 09:00 WIB; 37.5 working hours allowed. Friday 27 Nov 09:00 WIB: Monday 6 h, Tuesday to
        // Thursday 22.5 h, Friday 1.5 h = 30 h = exactly 80 %.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));
        var monitor = app.Get<TicketSlaMonitor>();
        await monitor.RefreshOpenTicketsAsync();
        var again = await monitor.RefreshOpenTicketsAsync();

        Assert.Contains($"ticket:{id}:Resolution:at-risk:0", await KeysAsync(officer));
        Assert.Equal(0, again.NotificationsSent);
        Assert.DoesNotContain(await KeysAsync(head), k => k.Contains(":breached", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_handoff_not_acted_on_by_its_acceptance_target_alerts_the_receiving_heads_once()
    {
        var plut = (await app.Get<OrganizationService>().ListDivisionsAsync()).Single(d => d.Code == "PLUT").Id;
        var plutHead = await app.CreateUserAsync("head@plut.test", "Kepala PLUT", AppRoles.KepalaBidang, plut);
        var id = await CreateTicketAsync();
        var view = (await app.Get<TicketDetails>().GetAsync(id))!;
        Assert.True((await app.Get<TicketHandoffs>().HandOffAsync(id, view.Ticket.Version, plut, "Perlu pendampingan pemasaran")).Succeeded);
        var monitor = app.Get<TicketSlaMonitor>();

        Assert.Empty(await KeysAsync(plutHead));
        app.Clock.Advance(TimeSpan.FromDays(2));
        await monitor.RefreshOpenTicketsAsync();
        var again = await monitor.RefreshOpenTicketsAsync();

        Assert.Contains(await KeysAsync(plutHead), k => k.StartsWith("handoff:", StringComparison.Ordinal) && k.EndsWith(":overdue", StringComparison.Ordinal));
        Assert.Equal(0, again.NotificationsSent);
    }

    [Fact]
    public async Task Assigning_a_ticket_notifies_the_new_assignee()
    {
        var id = await CreateTicketAsync();
        var view = (await app.Get<TicketDetails>().GetAsync(id))!;

        await app.Get<TicketAssignment>().AssignAsync(id, view.Ticket.Version, officer, null);

        Assert.Contains(await KeysAsync(officer), k => k.StartsWith($"ticket:{id}:assigned:", StringComparison.Ordinal));
    }

    private async Task<int> CreateTicketAsync()
    {
        var service = (await app.Get<ServiceCatalogService>().ListAsync()).Single(s => s.Code == "NIB-OSS").Id;
        var (result, id) = await app.Get<TicketIntake>().CreateAsync(new TicketIntakeForm
        {
            ApplicantName = "Siti Rahmah",
            Phone = "0812 1234 5678",
            ServiceTypeId = service,
            Description = "Pendampingan NIB",
        });
        Assert.True(result.Succeeded);
        return id!.Value;
    }

    private async Task<List<string>> KeysAsync(string userId)
    {
        await using var db = await app.DbAsync();
        return await db.Set<Notification>().Where(n => n.UserId == userId).Select(n => n.Key).ToListAsync();
    }

    private Task<string> CreateUserAsync(string email, string role) => app.CreateUserAsync(email, email, role, umk);
}
