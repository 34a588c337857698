using Bunit;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.ServiceCatalog;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Features.Tickets.Pages;
using KopUkm.Dashboard.Tests.TestInfrastructure;

namespace KopUkm.Dashboard.Tests.Features.Tickets.Pages;

/// <summary>The ticket page's action panel for a walk-in, rendered with bunit over the real services.</summary>
public sealed class TicketActionsTests : AppBunitContext, IAsyncLifetime
{
    private TestServices app = default!;
    private int umk;
    private int nibService;
    private string ahmad = "";

    async Task IAsyncLifetime.InitializeAsync()
    {
        app = await TestServices.CreateAsync(validateScopes: false);
        UseApp(app);
        umk = (await app.Get<OrganizationService>().ListDivisionsAsync()).Single(d => d.Code == "UMK").Id;
        nibService = (await app.Get<ServiceCatalogService>().ListAsync()).Single(s => s.Code == "NIB-OSS").Id;
        ahmad = await app.CreateUserAsync("a@umk.test", "Ahmad", AppRoles.Petugas, umk);
        await app.CreateUserAsync("b@umk.test", "Budi", AppRoles.Petugas, umk);
        app.User.Current = FakeCurrentUser.As(AppRoles.Petugas, umk, ahmad, "Ahmad", "UMK");
        SignInAs(AppRoles.Petugas, umk);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task A_walk_in_offers_take_and_give_never_no_action_above_them_and_take_makes_it_mine()
    {
        var (_, id) = await app.Get<TicketIntake>().CreateAsync(new TicketIntakeForm
        {
            ApplicantName = "Siti Rahmah",
            BusinessName = "Keripik",
            Phone = "0812 7788 9900",
            ServiceTypeId = nibService,
            Channel = TicketChannel.DatangLangsung,
            Description = "Ingin membuat NIB.",
        });
        var view = (await app.Get<TicketDetails>().GetAsync(id!.Value))!;
        var changed = 0;

        var panel = Render<TicketActions>(p => p.Add(x => x.View, view).Add(x => x.OnChanged, () => changed++));

        Assert.Empty(panel.FindAll("[data-testid=ticket-no-actions]"));
        Assert.NotNull(panel.Find("[data-testid=ticket-needs-owner]"));
        Assert.NotNull(panel.Find("#ticket-give-to"));
        await panel.Find("[data-testid=ticket-take]").ClickAsync(new());

        panel.WaitForAssertion(() => Assert.Equal(1, changed));
        Assert.Equal(ahmad, (await app.Get<TicketDetails>().GetAsync(id.Value))!.Ticket.AssignedUserId);
    }
}
