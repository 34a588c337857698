using System.Net;
using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Hosting;

namespace KopUkm.Dashboard.Tests.Web;

/// <summary>Where the environment says Production, no demo account exists, whatever the settings ask.</summary>
public sealed class ProductionStartTests(ProductionStartTests.ProductionApp app) : IClassFixture<ProductionStartTests.ProductionApp>
{
    [Fact]
    public async Task The_demo_accounts_are_not_seeded_even_when_the_settings_ask_for_them()
    {
        using var client = HttpLogin.AnonymousClient(app);

        var response = await HttpLogin.PostLoginAsync(client, "admin@kopukm.demo", DemoUsers.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the form again, with its error: no redirect into the app
        Assert.Contains("Email atau kata sandi salah", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public sealed class ProductionApp : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("Demo:SeedUsers", "true");
        }
    }
}
