using System.Net;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Tests.TestInfrastructure;

namespace KopUkm.Dashboard.Tests.Web;

/// <summary>Each role's pages over HTTP: who is sent to the login, who is refused, who gets the page (rendered from its data), on both databases.</summary>
public abstract class AuthorizationEndpointTests(AppFactory factory)
{
    public sealed class OnSqlite(AppFactory factory) : AuthorizationEndpointTests(factory), IClassFixture<AppFactory>;

    public sealed class OnPostgreSql(PostgreSqlAppFactory factory) : AuthorizationEndpointTests(factory), IClassFixture<PostgreSqlAppFactory>;

    public static TheoryData<string> AppPages =>
    [
        "/", "/koperasi", "/layanan", "/konten", "/tugas-ti", "/metrik", "/profil",
        "/administrasi", "/administrasi/pengguna", "/administrasi/bidang", "/administrasi/wilayah",
        "/administrasi/kalender", "/administrasi/layanan", "/administrasi/kotak-keluar", "/Account/Manage/ChangePassword",
    ];

    [Theory]
    [MemberData(nameof(AppPages))]
    public async Task Anonymous_requests_to_app_pages_redirect_to_login(string path)
    {
        var client = HttpLogin.AnonymousClient(factory);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jobs_dashboard_redirects_anonymous_users_to_login()
    {
        var response = await HttpLogin.AnonymousClient(factory).GetAsync("/jobs");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pimpinan@kopukm.demo")]
    [InlineData("staf.ti@kopukm.demo")]
    [InlineData("petugas.klm@kopukm.demo")]
    public async Task Jobs_dashboard_is_refused_to_everyone_but_administrators(string email)
    {
        var client = await HttpLogin.SignedInClientAsync(factory, email, DemoUsers.Password);

        var response = await client.GetAsync("/jobs");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jobs_dashboard_opens_for_an_administrator()
    {
        var client = await HttpLogin.SignedInClientAsync(factory, "admin@kopukm.demo", DemoUsers.Password);

        var response = await client.GetAsync("/jobs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Hangfire", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("petugas.klm@kopukm.demo", "/administrasi/pengguna")]
    [InlineData("petugas.klm@kopukm.demo", "/tugas-ti")]
    [InlineData("kabid.klm@kopukm.demo", "/metrik")]
    [InlineData("pimpinan@kopukm.demo", "/administrasi")]
    public async Task Pages_outside_the_role_are_refused_on_the_server(string email, string path)
    {
        var client = await HttpLogin.SignedInClientAsync(factory, email, DemoUsers.Password);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("petugas.klm@kopukm.demo", "/layanan")]
    [InlineData("kabid.klm@kopukm.demo", "/tugas-ti")]
    [InlineData("pimpinan@kopukm.demo", "/metrik")]
    [InlineData("admin@kopukm.demo", "/administrasi/kalender")]
    public async Task Pages_within_the_role_open(string email, string path)
    {
        var client = await HttpLogin.SignedInClientAsync(factory, email, DemoUsers.Password);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Login_pages_speak_indonesian_by_default_and_english_when_chosen()
    {
        var client = HttpLogin.AnonymousClient(factory);

        var indonesian = await client.GetStringAsync("/Account/Login");
        await client.GetAsync("/culture/set?culture=en-US&redirectUri=/Account/Login");
        var english = await client.GetStringAsync("/Account/Login");

        Assert.Contains("Kata sandi", indonesian, StringComparison.Ordinal);
        Assert.Contains("lang=\"id\"", indonesian, StringComparison.Ordinal);
        Assert.Contains("Password", english, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Culture_switch_never_redirects_off_site()
    {
        var response = await HttpLogin.AnonymousClient(factory).GetAsync("/culture/set?culture=en-US&redirectUri=//evil.example/x");

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
