using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.ServiceCatalog;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Tests.TestInfrastructure;

namespace KopUkm.Dashboard.Tests.Features.Tickets;

public sealed class TicketAutoAssignTests : IAsyncLifetime
{
    private TestServices app = default!;
    private int umk;

    public async Task InitializeAsync()
    {
        // Auto-assignment is switched on for the micro-enterprise division only.
        app = await TestServices.CreateAsync(new() { ["Tickets:AutoAssignDivisionCodes:0"] = "UMK" });
        umk = (await app.Get<OrganizationService>().ListDivisionsAsync()).Single(d => d.Code == "UMK").Id;
        app.ActAs(AppRoles.Petugas, umk, "front-desk", divisionCode: "UMK");
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task New_tickets_spread_over_officers_by_weighted_open_load()
    {
        var ahmad = await CreateOfficerAsync("ahmad@umk.test", "Ahmad");
        var budi = await CreateOfficerAsync("budi@umk.test", "Budi");

        var first = await CreateAsync(WorkPriority.Mendesak);
        var second = await CreateAsync(WorkPriority.Normal);
        var third = await CreateAsync(WorkPriority.Normal);

        // Ahmad (alphabetically first on a tie) takes the urgent one (load 4); Budi then takes the next two (2, then 4).
        Assert.Equal(ahmad, first.AssignedUserId);
        Assert.Equal(budi, second.AssignedUserId);
        Assert.Equal(budi, third.AssignedUserId);
        Assert.All([first, second, third], t => Assert.Equal(TicketStatus.Ditugaskan, t.Status));

        var budisQueue = await app.Get<TicketQueues>().ListAsync(new PageRequest(0, 25), new TicketFilter(TicketQueueKind.Division, AssigneeId: budi));
        Assert.Equal(2, budisQueue.TotalCount);
    }

    [Fact]
    public async Task An_administrator_switches_auto_assignment_on_for_another_division()
    {
        var plut = (await app.Get<OrganizationService>().ListDivisionsAsync()).Single(d => d.Code == "PLUT").Id;
        var officer = await app.CreateUserAsync("rina@plut.test", "Rina", AppRoles.Petugas, plut);
        app.ActAs(AppRoles.Administrator);
        var settings = app.Get<TicketSettingsService>();
        var plutSetting = (await settings.ListAsync()).Single(s => s.Code == "PLUT");
        Assert.False(plutSetting.AutoAssign);

        Assert.True((await settings.SetAutoAssignAsync(plutSetting, autoAssign: true)).Succeeded);
        Assert.True((await settings.SetAutoAssignAsync(plutSetting, autoAssign: false)).IsConflict);

        var consultation = (await app.Get<ServiceCatalogService>().ListAsync()).Single(s => s.Code == "KONS-USAHA").Id;
        var (result, id) = await app.Get<TicketIntake>().CreateAsync(new TicketIntakeForm
        {
            ApplicantName = "Pemohon", Phone = "0812 1234 5678", ServiceTypeId = consultation, Description = "Konsultasi usaha",
        });
        Assert.True(result.Succeeded);
        Assert.Equal(officer, (await app.Get<TicketDetails>().GetAsync(id!.Value))!.Ticket.AssignedUserId);

        app.ActAs(AppRoles.KepalaBidang, plut, "head", divisionCode: "PLUT");
        await Assert.ThrowsAsync<AccessDeniedException>(() => settings.ListAsync());
    }

    [Fact]
    public async Task Without_officers_a_new_ticket_waits_unassigned()
    {
        var ticket = await CreateAsync(WorkPriority.Normal);

        Assert.Null(ticket.AssignedUserId);
        Assert.Equal(TicketStatus.Baru, ticket.Status);
    }

    private async Task<Ticket> CreateAsync(WorkPriority priority)
    {
        var service = (await app.Get<ServiceCatalogService>().ListAsync()).Single(s => s.Code == "NIB-OSS").Id;
        var (result, id) = await app.Get<TicketIntake>().CreateAsync(new TicketIntakeForm
        {
            ApplicantName = "Pemohon",
            Phone = "0812 1234 5678",
            ServiceTypeId = service,
            Priority = priority,
            Description = "Pendampingan NIB",
        });
        Assert.True(result.Succeeded);
        return (await app.Get<TicketDetails>().GetAsync(id!.Value))!.Ticket;
    }

    private Task<string> CreateOfficerAsync(string email, string name) => app.CreateUserAsync(email, name, AppRoles.Petugas, umk);
}
