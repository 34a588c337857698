using Bunit;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Assignments;
using KopUkm.Dashboard.Features.Dashboard;
using KopUkm.Dashboard.Features.Dashboard.Pages;
using KopUkm.Dashboard.Features.Dashboard.Pages.Home;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.ServiceCatalog;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KopUkm.Dashboard.Tests.Features.Dashboard.Pages;

/// <summary>The personal home pages rendered with bunit over the real services on a real SQLite file.</summary>
public sealed class HomePagesTests : AppBunitContext, IAsyncLifetime
{
    private TestServices app = default!;
    private int umk;
    private int ti;
    private int nibService;

    async Task IAsyncLifetime.InitializeAsync()
    {
        app = await TestServices.CreateAsync(validateScopes: false);
        UseApp(app);
        var divisions = await app.Get<OrganizationService>().ListDivisionsAsync();
        umk = divisions.Single(d => d.Code == "UMK").Id;
        ti = divisions.Single(d => d.Code == "TI").Id;
        nibService = (await app.Get<ServiceCatalogService>().ListAsync()).Single(s => s.Code == "NIB-OSS").Id;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await app.DisposeAsync();
    }

    [Theory]
    [InlineData(AppRoles.Petugas, HomeKind.MyWork)]
    [InlineData(AppRoles.StafTI, HomeKind.ItWork)]
    [InlineData(AppRoles.KepalaBidang, HomeKind.Dashboard)]
    [InlineData(AppRoles.Pimpinan, HomeKind.Dashboard)]
    [InlineData(AppRoles.Administrator, HomeKind.Dashboard)]
    public void Each_role_lands_on_its_own_home(string role, HomeKind expected) =>
        Assert.Equal(expected, HomeRule.For(FakeCurrentUser.As(role, umk, "u")));

    [Fact]
    public void A_head_who_is_also_an_officer_keeps_the_dashboard() =>
        Assert.Equal(HomeKind.Dashboard, HomeRule.For(new UserContext("u", "Kabid", new HashSet<string> { AppRoles.Petugas, AppRoles.KepalaBidang }, umk, "UMK")));

    [Fact]
    public async Task An_officer_sees_their_tickets_breached_first_and_each_empty_section_says_what_to_do_next()
    {
        var officer = await app.CreateUserAsync("a@umk.test", "Ahmad", AppRoles.Petugas, umk);
        ActAsOfficer(officer);
        var onTrack = await WalkInAsync("Tepat Waktu");
        var breached = await WalkInAsync("Sudah Lewat");
        await WalkInAsync("Belum Diambil");
        await using (var db = await app.DbAsync())
        {
            var t = await db.Set<Ticket>().SingleAsync(x => x.Id == breached);
            (t.ResolutionSla, t.ResolutionMinutesLeft) = (SlaStatus.Breached, -600);
            await db.SaveChangesAsync();
        }

        var page = Render<MyWorkHome>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=home-my-tickets] [data-testid=home-item]").Count));
        var items = page.FindAll("[data-testid=home-my-tickets] [data-testid=home-item]");
        Assert.Equal(["breached", "due"], items.Select(i => i.GetAttribute("data-state")));
        Assert.Contains("Sudah Lewat", items[0].TextContent, StringComparison.Ordinal);
        // The same unit as the ticket page: 600 working minutes are 1,3 working days.
        Assert.Contains("lewat 1,3 hari kerja", items[0].TextContent, StringComparison.Ordinal);
        Assert.Equal($"/layanan/{onTrack}", items[1].QuerySelector("a")!.GetAttribute("href"));

        foreach (var section in new[] { "home-my-cases", "home-my-content" })
        {
            var empty = page.Find($"[data-testid={section}] [data-testid=section-empty]");
            Assert.False(string.IsNullOrWhiteSpace(empty.TextContent));
            Assert.NotNull(empty.QuerySelector("[data-testid=section-empty-action]"));
        }

        Assert.Contains("Belum ada notifikasi", page.Find("[data-testid=home-notifications]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_without_tickets_is_sent_to_the_unassigned_queue()
    {
        ActAsOfficer(await app.CreateUserAsync("a@umk.test", "Ahmad", AppRoles.Petugas, umk));

        var page = Render<MyWorkHome>();

        page.WaitForElement("[data-testid=home-my-tickets] [data-testid=section-empty]");
        Assert.Equal("/layanan?antrean=bidang&tanpa-petugas=1",
            page.Find("[data-testid=home-my-tickets] [data-testid=section-empty-action]").GetAttribute("href"));
    }

    [Fact]
    public async Task It_staff_see_their_open_tasks_overdue_first_the_unassigned_queue_and_the_workload()
    {
        var me = await app.CreateUserAsync("budi@ti.test", "Budi Santoso", AppRoles.StafTI, ti);
        app.User.Current = FakeCurrentUser.As(AppRoles.StafTI, ti, me, "Budi Santoso", "TI");
        SignInAs(AppRoles.StafTI, ti);
        var later = await TaskAsync("Nanti", new DateOnly(2026, 12, 14), me);
        var late = await TaskAsync("Terlambat", new DateOnly(2026, 11, 24), me);
        await TaskAsync("Belum ada yang pegang", new DateOnly(2026, 12, 1), null);
        app.Clock.Advance(TimeSpan.FromDays(2));

        var page = Render<ItWorkHome>();

        page.WaitForAssertion(() => Assert.True(2 == page.FindAll("[data-testid=home-my-ittasks] [data-testid=home-item]").Count, page.Markup));
        var mine = page.FindAll("[data-testid=home-my-ittasks] [data-testid=home-item]");
        Assert.Equal([$"/tugas-ti/{late}", $"/tugas-ti/{later}"], mine.Select(i => i.QuerySelector("a")!.GetAttribute("href")));
        Assert.Equal("breached", mine[0].GetAttribute("data-state"));
        Assert.Contains("Belum ada yang pegang", page.Find("[data-testid=home-unassigned]").TextContent, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.Contains("Budi Santoso", page.Find("[data-testid=workload-panel]").TextContent, StringComparison.Ordinal));
        Assert.Contains("terlambat", page.Find("[data-testid=workload-panel]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_home_route_shows_an_officer_their_work_and_the_division_view_is_one_click_away()
    {
        var officer = await app.CreateUserAsync("a@umk.test", "Ahmad", AppRoles.Petugas, umk);
        ActAsOfficer(officer);

        var home = Render<DashboardPage>();
        home.WaitForElement("[data-testid=my-work-home]");
        Assert.Equal("/ringkasan", home.Find("[data-testid=home-division-view]").GetAttribute("href"));

        Services.GetRequiredService<NavigationManager>().NavigateTo("/ringkasan");
        var division = Render<DashboardPage>();
        division.WaitForElement("[data-testid=urgent-list]");
        Assert.Empty(division.FindAll("[data-testid=my-work-home]"));
        Assert.Equal("/", division.Find("[data-testid=home-my-work]").GetAttribute("href"));
    }

    private void ActAsOfficer(string userId)
    {
        app.User.Current = FakeCurrentUser.As(AppRoles.Petugas, umk, userId, "Ahmad", "UMK");
        SignInAs(AppRoles.Petugas, umk);
    }

    /// <summary>A walk-in recorded by the acting officer and taken by them unless the name says it is not.</summary>
    private async Task<int> WalkInAsync(string applicant)
    {
        var (result, id) = await app.Get<TicketIntake>().CreateAsync(new TicketIntakeForm
        {
            ApplicantName = applicant,
            BusinessName = "Usaha",
            Phone = "0812 7788 9900",
            ServiceTypeId = nibService,
            Channel = TicketChannel.DatangLangsung,
            Description = "Ingin membuat NIB.",
        });
        Assert.True(result.Succeeded);
        if (!applicant.StartsWith("Belum", StringComparison.Ordinal))
        {
            var view = (await app.Get<TicketDetails>().GetAsync(id!.Value))!;
            Assert.True((await app.Get<TicketPickup>().TakeAsync(view.Ticket.Id, view.Ticket.Version)).Succeeded);
        }

        return id!.Value;
    }

    private async Task<int> TaskAsync(string title, DateOnly due, string? assignee)
    {
        var (result, id) = await app.Get<ItTaskEditing>().CreateAsync(new ItTaskForm
        {
            Title = title,
            Description = "Rincian",
            DueDate = due,
            EstimateHours = 2,
            RequestingDivisionId = umk,
            AssigneeId = assignee,
        });
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.MessageKey)));
        return id!.Value;
    }
}
