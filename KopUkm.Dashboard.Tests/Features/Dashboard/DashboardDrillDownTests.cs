using Bunit;
using KopUkm.Dashboard.Features.Content.Pages;
using KopUkm.Dashboard.Features.Cooperatives.Pages;
using KopUkm.Dashboard.Features.Dashboard;
using KopUkm.Dashboard.Features.Dashboard.Pages;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.Tickets.Pages;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace KopUkm.Dashboard.Tests.Features.Dashboard;

/// <summary>Every dashboard number links to a list that shows exactly that many records.</summary>
public sealed class DashboardDrillDownTests : AppBunitContext, IAsyncLifetime
{
    private TestServices app = default!;
    private DashboardData data = default!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        app = await TestServices.CreateAsync(validateScopes: false);
        UseApp(app);
        data = await DashboardData.SeedAsync(app);
        app.ActAs(AppRoles.Pimpinan, null, "boss");
        SignInAs(AppRoles.Pimpinan);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await app.DisposeAsync();
    }

    private int RowsAt<TPage>(string link, string grid)
        where TPage : IComponent
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(link);
        var page = Render<TPage>();
        var count = -1;
        page.WaitForAssertion(() =>
        {
            Assert.NotNull(page.Find($"[data-testid={grid}]"));
            Assert.Empty(page.FindAll($"[data-testid={grid}] .mud-table-loading"));
            count = page.FindAll($"[data-testid={grid}] tbody tr.mud-table-row").Count;
        });
        return count;
    }

    [Fact]
    public async Task Ticket_cards_and_table_cells_lead_to_lists_of_the_same_size()
    {
        var s = (await app.Get<DashboardService>().GetAsync(null)).Snapshot;
        Assert.Equal(s.Tickets.Open, RowsAt<TicketsPage>(DashboardLinks.Tickets(null), "tickets-grid"));
        Assert.Equal(s.Tickets.AtRisk, RowsAt<TicketsPage>(DashboardLinks.TicketsAtRisk(null), "tickets-grid"));
        Assert.Equal(s.Tickets.Breached, RowsAt<TicketsPage>(DashboardLinks.TicketsBreached(null), "tickets-grid"));
        Assert.Equal(s.Tickets.Unassigned, RowsAt<TicketsPage>(DashboardLinks.TicketsUnassigned(null), "tickets-grid"));

        var umk = s.Divisions.Single(d => d.DivisionId == data.Umk);
        Assert.Equal(umk.OpenTickets, RowsAt<TicketsPage>(DashboardLinks.Tickets(data.Umk), "tickets-grid"));
        Assert.Equal(umk.BreachedTickets, RowsAt<TicketsPage>(DashboardLinks.TicketsBreached(data.Umk), "tickets-grid"));
    }

    [Fact]
    public async Task Registration_and_content_cards_lead_to_lists_of_the_same_size()
    {
        var s = (await app.Get<DashboardService>().GetAsync(null)).Snapshot;
        Assert.Equal(s.Registrations.Waiting, RowsAt<CooperativesPage>(DashboardLinks.RegistrationsOpen, "cooperatives-grid"));
        Assert.Equal(s.Registrations.Overdue, RowsAt<CooperativesPage>(DashboardLinks.RegistrationsOverdue, "cooperatives-grid"));
        Assert.Equal(1, RowsAt<CooperativesPage>(DashboardLinks.RegistrationsInStage(KopUkm.Dashboard.Features.Cooperatives.Cases.CaseStage.VerifikasiDokumen), "cooperatives-grid"));

        Assert.Equal(s.Content.Overdue, RowsAt<ContentQueuePage>(DashboardLinks.Content(null, "terlambat"), "content-grid"));
        Assert.Equal(s.Content.DueSoon, RowsAt<ContentQueuePage>(DashboardLinks.Content(null, "segera"), "content-grid"));
        Assert.Equal(s.Content.Broken, RowsAt<ContentQueuePage>(DashboardLinks.Content(null, "rusak"), "content-grid"));
        Assert.Equal(1, s.ItTasksOverdue);
        Assert.Equal(s.ItTasksOverdue, RowsAt<KopUkm.Dashboard.Features.Assignments.Pages.ItTasksPage>(DashboardLinks.ItTasksOverdue(null), "ittask-grid"));
        Assert.Equal(s.ItTasksOverdueByDivision[data.Umk], RowsAt<KopUkm.Dashboard.Features.Assignments.Pages.ItTasksPage>(DashboardLinks.ItTasksOverdue(data.Umk), "ittask-grid"));

        var umk = s.Divisions.Single(d => d.DivisionId == data.Umk);
        Assert.Equal(umk.OverdueContent, RowsAt<ContentQueuePage>(DashboardLinks.Content(data.Umk, "terlambat"), "content-grid"));
    }

    [Fact]
    public void The_dashboard_page_renders_cards_whose_links_match_the_counts()
    {
        var page = Render<DashboardPage>();
        page.WaitForAssertion(() => Assert.Equal("6", page.Find("[data-testid=card-open-tickets] [data-value]").GetAttribute("data-value")));
        Assert.Equal(DashboardLinks.TicketsBreached(null), page.Find("[data-testid=card-breached] a").GetAttribute("href"));
        Assert.Equal("5", page.Find("[data-division=UMK] [data-cell=open]").TextContent.Trim());
        Assert.NotEmpty(page.FindAll("[data-testid=urgent-list] [data-source]"));

        // The chart's table alternative shows the same numbers.
        page.Find("[data-testid=chart-ages] [data-testid=toggle-table]").Click();
        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll("[data-testid=chart-ages] tbody tr").Count));
    }
}
