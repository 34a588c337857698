using KopUkm.Dashboard.Features.Cooperatives;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.TestInfrastructure;

namespace KopUkm.Dashboard.Tests.Features.Cooperatives;

public sealed class CooperativeAccessTests
{
    private static readonly CooperativeOptions Options = new();

    [Theory]
    [InlineData(AppRoles.Administrator, null, true, true)]
    [InlineData(AppRoles.KepalaBidang, "KLM", true, true)]
    [InlineData(AppRoles.KepalaBidang, "pws", true, true)]
    [InlineData(AppRoles.Petugas, "KLM", true, false)]
    [InlineData(AppRoles.Petugas, "UMK", false, false)]
    [InlineData(AppRoles.KepalaBidang, "UMK", false, false)]
    [InlineData(AppRoles.StafTI, "KLM", false, false)]
    [InlineData(AppRoles.Pimpinan, null, false, false)]
    public void The_working_divisions_officers_and_heads_work_and_their_heads_assign(string role, string? division, bool work, bool assign)
    {
        var user = FakeCurrentUser.As(role, division is null ? null : 3, divisionCode: division);

        Assert.Equal((work, assign), (CooperativeAccess.CanWork(user, Options), CooperativeAccess.CanAssign(user, Options)));
    }

    [Fact]
    public void The_working_divisions_come_from_configuration()
    {
        var officer = FakeCurrentUser.As(AppRoles.Petugas, 3, divisionCode: "UMK");

        Assert.True(CooperativeAccess.CanWork(officer, new CooperativeOptions { WorkingDivisionCodes = ["UMK"] }));
        Assert.False(CooperativeAccess.CanWork(officer, new CooperativeOptions { WorkingDivisionCodes = ["KLM"] }));
    }
}
