using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.TestInfrastructure;

namespace KopUkm.Dashboard.Tests.Features.Security;

public sealed class AccessGuardTests
{
    [Theory]
    [InlineData(AppRoles.Administrator, new[] { "dashboard", "cooperatives", "tickets", "content", "ittasks", "metrics", "administration" })]
    [InlineData(AppRoles.Pimpinan, new[] { "dashboard", "cooperatives", "tickets", "content", "ittasks", "metrics" })]
    [InlineData(AppRoles.KepalaBidang, new[] { "dashboard", "cooperatives", "tickets", "content", "ittasks" })]
    [InlineData(AppRoles.StafTI, new[] { "dashboard", "cooperatives", "tickets", "content", "ittasks" })]
    [InlineData(AppRoles.Petugas, new[] { "dashboard", "cooperatives", "tickets", "content" })]
    public void Each_role_holds_exactly_its_permissions(string role, string[] expected)
    {
        var user = FakeCurrentUser.As(role);
        var byArea = new Dictionary<string, string>
        {
            ["dashboard"] = Permissions.ViewDashboard,
            ["cooperatives"] = Permissions.ViewCooperatives,
            ["tickets"] = Permissions.ViewTickets,
            ["content"] = Permissions.ViewContent,
            ["ittasks"] = Permissions.ViewItTasks,
            ["metrics"] = Permissions.ViewMetrics,
            ["administration"] = Permissions.Administer,
        };

        Assert.Equal(expected, byArea.Where(a => user.Has(a.Value)).Select(a => a.Key));
    }

    [Fact]
    public async Task Guard_refuses_a_permission_the_user_lacks_and_returns_the_user_otherwise()
    {
        var current = new FakeCurrentUser { Current = FakeCurrentUser.As(AppRoles.Petugas) };
        var guard = new AccessGuard(current, []);

        await Assert.ThrowsAsync<AccessDeniedException>(() => guard.DemandAsync(Permissions.Administer));
        Assert.Equal(AppRoles.Petugas, Assert.Single((await guard.DemandAsync(Permissions.ViewTickets)).Roles));
    }

    [Fact]
    public async Task Division_head_may_act_on_their_own_division_only_while_leadership_sees_all()
    {
        var current = new FakeCurrentUser { Current = FakeCurrentUser.As(AppRoles.KepalaBidang, divisionId: 2) };
        var guard = new AccessGuard(current, []);

        await guard.DemandDivisionAsync(Permissions.ViewTickets, 2);
        await Assert.ThrowsAsync<AccessDeniedException>(() => guard.DemandDivisionAsync(Permissions.ViewTickets, 3));

        current.Current = FakeCurrentUser.As(AppRoles.Pimpinan, divisionId: 1);
        await guard.DemandDivisionAsync(Permissions.ViewTickets, 3);
    }

    [Fact]
    public void Anonymous_and_system_users_hold_no_permission()
    {
        Assert.False(UserContext.Anonymous.Has(Permissions.ViewDashboard));
        Assert.False(UserContext.System.Has(Permissions.Administer));
    }

    [Fact]
    public async Task Administration_services_refuse_non_administrators()
    {
        await using var app = await TestServices.CreateAsync();
        app.ActAs(AppRoles.Pimpinan);
        var organization = app.Get<OrganizationService>();
        var division = (await organization.ListDivisionsAsync())[0];

        await Assert.ThrowsAsync<AccessDeniedException>(() => organization.SaveDivisionAsync(division with { Name = "x" }));
        await Assert.ThrowsAsync<AccessDeniedException>(() => app.Get<KopUkm.Dashboard.Features.Users.UserAdministrationService>().ListAsync(new(0, 25), new()));
    }
}
