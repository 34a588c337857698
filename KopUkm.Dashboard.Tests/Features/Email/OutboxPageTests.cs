using System.Net;
using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Tests.TestInfrastructure;

namespace KopUkm.Dashboard.Tests.Features.Email;

/// <summary>The outbox page on the real app: administrators only, and it says when delivery is not set up.</summary>
public sealed class OutboxPageTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("pimpinan@kopukm.demo")]
    [InlineData("kabid.klm@kopukm.demo")]
    [InlineData("staf.ti@kopukm.demo")]
    [InlineData("petugas.klm@kopukm.demo")]
    public async Task Everyone_but_administrators_is_refused(string email)
    {
        var client = await HttpLogin.SignedInClientAsync(factory, email, DemoUsers.Password);

        var response = await client.GetAsync("/administrasi/kotak-keluar");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_sees_the_outbox_and_the_banner_while_no_smtp_server_is_set()
    {
        var client = await HttpLogin.SignedInClientAsync(factory, "admin@kopukm.demo", DemoUsers.Password);

        var response = await client.GetAsync("/administrasi/kotak-keluar");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Pengiriman e-mail belum diatur: pesan menunggu di kotak keluar.", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"outbox-grid\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_administration_page_links_to_the_outbox()
    {
        var client = await HttpLogin.SignedInClientAsync(factory, "admin@kopukm.demo", DemoUsers.Password);

        var html = await client.GetStringAsync("/administrasi");

        Assert.Contains("data-testid=\"admin-outbox\"", html, StringComparison.Ordinal);
        Assert.Contains("Kotak keluar e-mail", html, StringComparison.Ordinal);
    }
}
