using System.Net;
using KopUkm.Dashboard.Tests.Features.Open311;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KopUkm.Dashboard.Tests.Web;

/// <summary>
/// Two whole app instances on one PostgreSQL database, as behind a load balancer, sharing one clock: a client whose
/// requests are spread over both gets one allowance, not one per instance.
/// </summary>
public sealed class SharedLimitsAcrossInstancesTests : IAsyncLifetime
{
    private TestServices database = default!;

    public async Task InitializeAsync() => database = await TestServices.CreateAsync(provider: TestProvider.PostgreSql);

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Sign_ins_and_wrong_pins_spread_over_two_instances_draw_on_one_allowance()
    {
        var connection = database.Services.GetRequiredService<IConfiguration>().GetConnectionString("Default")!;
        await using var a = new InstanceApp(connection);
        await using var b = new InstanceApp(connection) { Clock = a.Clock };
        using var onA = HttpLogin.AnonymousClient(a);
        using var onB = HttpLogin.AnonymousClient(b);
        a.Clock.AdvanceToNextMinute();

        // Three sign-ins a minute per address (Auth:LoginAttemptsPerMinute), alternating between the instances.
        Assert.Equal(HttpStatusCode.OK, (await HttpLogin.PostLoginAsync(onA, "siapa@kopukm.test", "tebakan-1-panjang")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await HttpLogin.PostLoginAsync(onB, "siapa@kopukm.test", "tebakan-2-panjang")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await HttpLogin.PostLoginAsync(onA, "siapa@kopukm.test", "tebakan-3-panjang")).StatusCode);
        var refused = await HttpLogin.PostLoginAsync(onB, "siapa@kopukm.test", "tebakan-4-panjang");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("Terlalu banyak percobaan masuk dari alamat ini. Tunggu satu menit, lalu coba lagi.", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.TooManyRequests, (await HttpLogin.PostLoginAsync(onA, "siapa@kopukm.test", "tebakan-5-panjang")).StatusCode);

        // Five wrong PINs per code, however the balancer spreads them: the sixth is refused on either instance.
        for (var i = 0; i < 5; i++)
        {
            var wrong = await PublicRequestsHttpTests.LookupAsync(i % 2 == 0 ? onA : onB, "UMKM-2026-777777", $"1111111{i}");
            Assert.Contains("tidak cocok", PublicRequestsHttpTests.Error(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        foreach (var client in new[] { onB, onA })
        {
            var locked = await PublicRequestsHttpTests.LookupAsync(client, "UMKM-2026-777777", "22222222");
            Assert.Contains("Terlalu banyak percobaan yang salah", PublicRequestsHttpTests.Error(await locked.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
    }

    private sealed class InstanceApp(string connection) : AppFactory
    {
        protected override Dictionary<string, string?> Settings { get; } = new()
        {
            ["Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:Default"] = connection,
            ["Demo:SeedUsers"] = "false",
            ["Auth:LoginAttemptsPerMinute"] = "3",
            ["PublicRequests:PostsPerMinute"] = "1000",
        };
    }
}

/// <summary>
/// The limits count the client behind a load balancer only when the balancer is trusted (<c>Proxy:KnownProxies</c>):
/// then each forwarded client has its own allowance; an untrusted balancer's <c>X-Forwarded-For</c> is ignored and
/// its clients share the balancer's. Shown on the Open311 limit for calls without a key (2 a minute here).
/// </summary>
public sealed class ForwardedClientAddressTests
{
    private const string Balancer = "10.20.0.5";
    private const string Services = Open311App.Root + "/services.json";

    [Fact]
    public async Task Behind_a_trusted_balancer_each_forwarded_client_has_its_own_allowance()
    {
        using var app = new BalancedApp(trusted: true);
        using var client = HttpLogin.AnonymousClient(app);
        app.Clock.AdvanceToNextMinute();

        Assert.Equal([200, 200, 429], await CallsAsync(client, "203.0.113.1", 3));
        Assert.Equal([200, 200, 429], await CallsAsync(client, "203.0.113.2", 3));
    }

    [Fact]
    public async Task Behind_an_untrusted_balancer_its_clients_share_the_balancers_allowance()
    {
        using var app = new BalancedApp(trusted: false);
        using var client = HttpLogin.AnonymousClient(app);
        app.Clock.AdvanceToNextMinute();

        Assert.Equal([200, 200], await CallsAsync(client, "203.0.113.1", 2));
        Assert.Equal([429], await CallsAsync(client, "203.0.113.2", 1));
    }

    private static async Task<List<int>> CallsAsync(HttpClient client, string forwardedFor, int count)
    {
        var statuses = new List<int>();
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Services);
            request.Headers.Add(TestPeerAddress.Header, Balancer);
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            using var response = await client.SendAsync(request);
            statuses.Add((int)response.StatusCode);
        }

        return statuses;
    }

    private sealed class BalancedApp(bool trusted) : Open311App(anonymous: 2)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (trusted)
            {
                builder.UseSetting("Proxy:KnownProxies:0", Balancer);
            }

            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, TestPeerAddress>());
        }
    }
}
