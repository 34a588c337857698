using Bunit;
using KopUkm.Dashboard.Components.Layout;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.TestInfrastructure;

namespace KopUkm.Dashboard.Tests.Components.Layout;

public sealed class NavMenuTests : AppBunitContext
{
    [Theory]
    [InlineData(AppRoles.Administrator, "dashboard,cooperatives,tickets,content,ittasks,metrics,administration,guide")]
    [InlineData(AppRoles.Pimpinan, "dashboard,cooperatives,tickets,content,ittasks,metrics,guide")]
    [InlineData(AppRoles.KepalaBidang, "dashboard,cooperatives,tickets,content,ittasks,guide")]
    [InlineData(AppRoles.StafTI, "dashboard,cooperatives,tickets,content,ittasks,guide")]
    [InlineData(AppRoles.Petugas, "dashboard,cooperatives,tickets,content,guide")]
    public void Shows_only_what_the_role_may_open(string role, string expected)
    {
        SignInAs(role);

        var menu = Render<NavMenu>();

        var shown = menu.FindAll("[data-nav]").Select(a => a.GetAttribute("data-nav"));
        Assert.Equal(expected.Split(','), shown);
    }

    [Fact]
    public void Shows_nothing_to_an_anonymous_visitor()
    {
        var menu = Render<NavMenu>();

        Assert.Empty(menu.FindAll("[data-nav]"));
    }

    [Fact]
    public void Labels_follow_the_chosen_language()
    {
        SignInAs(AppRoles.Administrator);

        UseCulture("id-ID");
        var indonesian = Render<NavMenu>().FindAll("[data-nav]").Select(a => a.TextContent.Trim()).ToList();
        UseCulture("en-US");
        var english = Render<NavMenu>().FindAll("[data-nav]").Select(a => a.TextContent.Trim()).ToList();

        Assert.Equal(["Dasbor", "Koperasi", "Layanan UMKM", "Konten", "Tugas TI", "Metrik", "Administrasi", "Panduan"], indonesian);
        Assert.Equal(["Dashboard", "Cooperatives", "SME Services", "Content", "IT Tasks", "Metrics", "Administration", "Guide"], english);
    }
}
