using System.Net;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Account;
using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Tests.Web;

/// <summary>
/// Sign-in says nothing about accounts (the lockout is stored with the account: on both databases), and one address
/// cannot guess at speed (a limit counted in the database; shared across instances in Web/SharedLimitsAcrossInstancesTests).
/// </summary>
public abstract class LoginThrottlingTests(TestProvider provider)
{
    public sealed class OnSqlite() : LoginThrottlingTests(TestProvider.Sqlite)
    {
        [Fact]
        public async Task An_address_that_posts_too_many_sign_ins_in_a_minute_gets_a_429_with_a_sentence()
        {
            using var app = new ThrottledApp(3, Provider);
            using var client = HttpLogin.AnonymousClient(app);
            app.Clock.AdvanceToNextMinute();

            for (var attempt = 1; attempt <= 3; attempt++)
            {
                Assert.Equal(HttpStatusCode.OK, (await HttpLogin.PostLoginAsync(client, "siapa@kopukm.test", $"tebakan-{attempt}-panjang")).StatusCode);
            }

            var refused = await HttpLogin.PostLoginAsync(client, "admin@kopukm.demo", DemoUsers.Password);

            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal("Terlalu banyak percobaan masuk dari alamat ini. Tunggu satu menit, lalu coba lagi.", await refused.Content.ReadAsStringAsync());
            // Reading the page is not limited; only posting the form is.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
        }
    }

    public sealed class OnPostgreSql() : LoginThrottlingTests(TestProvider.PostgreSql);

    protected TestProvider Provider { get; } = provider;

    [Fact]
    public async Task A_locked_account_and_an_unknown_email_get_the_same_page_and_cost_the_same_hash_work()
    {
        using var app = new ThrottledApp(10_000, Provider);
        using var client = HttpLogin.AnonymousClient(app);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await HttpLogin.PostLoginAsync(client, "petugas.umk@kopukm.demo", $"salah-sekali-{attempt}");
        }

        var (locked, lockedHashes) = await ErrorAndHashWorkAsync(app, client, "petugas.umk@kopukm.demo", DemoUsers.Password);
        var (unknown, unknownHashes) = await ErrorAndHashWorkAsync(app, client, "tidak.ada@kopukm.test", DemoUsers.Password);
        var (wrong, wrongHashes) = await ErrorAndHashWorkAsync(app, client, "kabid.umk@kopukm.demo", "bukan-sandinya-1");

        Assert.Equal(locked, unknown);
        Assert.Equal(locked, wrong);
        // The time an answer takes is the PBKDF2 verification (210,000 iterations); every path does exactly one.
        Assert.Equal((1, 1, 1), (lockedHashes, unknownHashes, wrongHashes));
    }

    private static async Task<(string Error, int HashVerifications)> ErrorAndHashWorkAsync(ThrottledApp app, HttpClient client, string email, string password)
    {
        var before = app.Hasher.Verifications;
        var response = await HttpLogin.PostLoginAsync(client, email, password);
        var verifications = app.Hasher.Verifications - before;
        var page = await response.Content.ReadAsStringAsync();
        var start = page.IndexOf("data-testid=\"login-error\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no error shown for {email}");
        return (page[start..page.IndexOf("</div>", start, StringComparison.Ordinal)], verifications);
    }

    private sealed class ThrottledApp(int perMinute, TestProvider provider) : AppFactory(provider)
    {
        public CountingHasher Hasher { get; } = new();

        protected override Dictionary<string, string?> Settings { get; } = new() { ["Auth:LoginAttemptsPerMinute"] = perMinute.ToString(System.Globalization.CultureInfo.InvariantCulture) };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<ApplicationUser>>(Hasher));
        }
    }

    /// <summary>The app's own hashing (same settings), counting the verifications the login makes.</summary>
    private sealed class CountingHasher : IPasswordHasher<ApplicationUser>
    {
        private readonly PasswordHasher<ApplicationUser> inner = new(Options.Create(new PasswordHasherOptions { IterationCount = IdentitySetup.PasswordHashIterations }));
        private int verifications;

        public int Verifications => Volatile.Read(ref verifications);

        public string HashPassword(ApplicationUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
