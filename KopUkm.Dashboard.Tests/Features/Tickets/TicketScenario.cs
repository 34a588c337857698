using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.ServiceCatalog;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Tests.TestInfrastructure;

namespace KopUkm.Dashboard.Tests.Features.Tickets;

/// <summary>
/// What the ticket use-case tests share: a fresh app acting as a UMK officer, the UMK and PLUT divisions, the NIB
/// service, two UMK officers (Ahmad and Budi), a valid walk-in request and the ticket use cases themselves.
/// </summary>
public abstract class TicketScenario : IAsyncLifetime
{
    protected TestServices App { get; private set; } = default!;

    protected int Umk { get; private set; }

    protected int Plut { get; private set; }

    protected int NibService { get; private set; }

    protected string OfficerA { get; private set; } = "";

    protected string OfficerB { get; private set; } = "";

    protected TicketIntake Intake => App.Get<TicketIntake>();

    protected TicketQueues Queues => App.Get<TicketQueues>();

    protected TicketDetails Details => App.Get<TicketDetails>();

    protected TicketAssignment Assignment => App.Get<TicketAssignment>();

    protected TicketHandoffs Handoffs => App.Get<TicketHandoffs>();

    protected TicketMoves Moves => App.Get<TicketMoves>();

    /// <summary>The database the scenario runs on (SQLite unless a subclass runs it on PostgreSQL too).</summary>
    protected virtual TestProvider Provider => TestProvider.Sqlite;

    /// <summary>Settings the scenario's services start with (none by default).</summary>
    protected virtual Dictionary<string, string?>? Settings => null;

    public async Task InitializeAsync()
    {
        App = await TestServices.CreateAsync(Settings, provider: Provider);
        var divisions = await App.Get<OrganizationService>().ListDivisionsAsync();
        Umk = divisions.Single(d => d.Code == "UMK").Id;
        Plut = divisions.Single(d => d.Code == "PLUT").Id;
        NibService = (await App.Get<ServiceCatalogService>().ListAsync()).Single(s => s.Code == "NIB-OSS").Id;
        OfficerA = await CreateUserAsync("a@umk.test", "Ahmad", AppRoles.Petugas, Umk);
        OfficerB = await CreateUserAsync("b@umk.test", "Budi", AppRoles.Petugas, Umk);
        ActAsOfficer();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    protected void ActAsOfficer(string userId = "clerk") => App.ActAs(AppRoles.Petugas, Umk, userId, divisionCode: "UMK");

    protected void ActAsHead() => App.ActAs(AppRoles.KepalaBidang, Umk, "head-umk", divisionCode: "UMK");

    protected TicketIntakeForm Form(string applicant = "Siti Rahmah", WorkPriority priority = WorkPriority.Normal) => new()
    {
        ApplicantName = applicant,
        BusinessName = "Keripik Pisang Bu Siti",
        Phone = "0812 7788 9900",
        ServiceTypeId = NibService,
        Channel = TicketChannel.DatangLangsung,
        Priority = priority,
        Description = "Ingin membuat NIB.",
    };

    protected async Task<TicketView> CreateAsync(TicketIntakeForm? form = null)
    {
        var (result, id) = await Intake.CreateAsync(form ?? Form());
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.MessageKey)));
        return (await Details.GetAsync(id!.Value))!;
    }

    protected async Task<TicketView> AssignedAndStartedAsync()
    {
        var view = await CreateAsync();
        ActAsHead();
        await Assignment.AssignAsync(view.Ticket.Id, view.Ticket.Version, OfficerA, null);
        ActAsOfficer(OfficerA);
        view = (await Details.GetAsync(view.Ticket.Id))!;
        await Moves.ReplyAsync(view.Ticket.Id, view.Ticket.Version, "Kami proses.");
        return (await Details.GetAsync(view.Ticket.Id))!;
    }

    protected Task<string> CreateUserAsync(string email, string name, string role, int divisionId) => App.CreateUserAsync(email, name, role, divisionId);
}
