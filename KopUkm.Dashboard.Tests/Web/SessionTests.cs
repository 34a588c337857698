using System.Net;
using System.Text.RegularExpressions;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using KopUkm.Dashboard.Data.PostgreSql;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KopUkm.Dashboard.Tests.Web;

/// <summary>
/// Sign-in sessions end on the server: a cookie is checked against this installation's database on every request,
/// so a logout, a disabled account, the absolute lifetime or a cookie from another installation ends it at once.
/// One app per test: these tests change accounts and the clock. What the database answers runs on both databases; the
/// antiforgery check and the absolute lifetime (read from the cookie before the database is asked) on SQLite only.
/// </summary>
public abstract partial class SessionTests(TestProvider provider) : IDisposable
{
    public sealed class OnSqlite() : SessionTests(TestProvider.Sqlite)
    {
        [Fact]
        public async Task Logout_without_an_antiforgery_token_is_refused_and_the_session_stands()
        {
            var (browser, _) = await SignInAsync();

            var forged = await browser.PostAsync("/Account/Logout", new FormUrlEncodedContent([]));

            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/layanan")).StatusCode);
        }

        [Fact]
        public async Task A_session_ends_after_its_absolute_lifetime_however_active()
        {
            var (browser, _) = await SignInAsync();
            // Active all day: each request within the sliding window (10 h) renews the cookie.
            for (var hours = 3; hours <= 11; hours += 4)
            {
                app.Clock.Advance(TimeSpan.FromHours(hours == 3 ? 3 : 4));
                Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/layanan")).StatusCode);
            }

            app.Clock.Advance(TimeSpan.FromHours(1.5));

            AssertSentToLogin(await browser.GetAsync("/layanan"));
        }
    }

    public sealed class OnPostgreSql() : SessionTests(TestProvider.PostgreSql);

    private const string Officer = "petugas.umk@kopukm.demo";
    private readonly AppFactory app = AppFactory.For(provider);

    public void Dispose()
    {
        app.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_copied_cookie_stops_working_at_logout()
    {
        var (browser, jar) = await SignInAsync();
        var cookie = jar.Header(Site, "KopUkm.Auth");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/layanan")).StatusCode);

        var logout = await browser.PostAsync("/Account/Logout", await FormTokenAsync(browser));

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        using var thief = WithCookie(cookie);
        AssertSentToLogin(await thief.GetAsync("/layanan"));
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_session_on_the_next_request_not_a_minute_later()
    {
        var (browser, _) = await SignInAsync();
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/layanan")).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(Officer))!;
            user.IsActive = false;
            await users.UpdateAsync(user);
        }

        AssertSentToLogin(await browser.GetAsync("/layanan"));
    }

    [Fact]
    public async Task A_cookie_from_another_installation_is_refused_even_when_its_keys_leaked()
    {
        var (browser, jar) = await SignInAsync();
        var cookie = jar.Header(Site, "KopUkm.Auth");
        using var other = AppFactory.For(provider);
        _ = other.Server;
        // The worst case: the other installation holds this one's key ring, so it can read the cookie. The user it
        // names (same e-mail, another database) is still not its user.
        await CopyKeysAsync(app, other);
        using var intruder = other.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        intruder.DefaultRequestHeaders.Add("Cookie", cookie);

        var response = await intruder.GetAsync("/layanan");

        AssertSentToLogin(response);
    }

    [Fact]
    public async Task The_key_ring_lives_with_the_data_in_the_data_folder_on_sqlite_and_in_the_database_on_postgresql()
    {
        using var client = HttpLogin.AnonymousClient(app);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);

        var keysFolder = Path.Combine(app.DataFolder, "keys");
        if (provider == TestProvider.PostgreSql)
        {
            // Shared by every instance on the database; nothing on this instance's disk.
            await using var db = await KeyRingAsync(app);
            Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
            Assert.False(Directory.Exists(keysFolder) && Directory.EnumerateFiles(keysFolder).Any());
        }
        else
        {
            Assert.NotEmpty(Directory.GetFiles(keysFolder, "key-*.xml"));
        }
    }

    private static async Task CopyKeysAsync(AppFactory from, AppFactory to)
    {
        if (from.Provider == TestProvider.PostgreSql)
        {
            await using var source = await KeyRingAsync(from);
            await using var target = await KeyRingAsync(to);
            target.DataProtectionKeys.AddRange((await source.DataProtectionKeys.AsNoTracking().ToListAsync()).Select(k => new DataProtectionKey { FriendlyName = k.FriendlyName, Xml = k.Xml }));
            await target.SaveChangesAsync();
            return;
        }

        var folder = Path.Combine(to.DataFolder, "keys");
        Directory.CreateDirectory(folder);
        foreach (var key in Directory.GetFiles(Path.Combine(from.DataFolder, "keys"), "key-*.xml"))
        {
            File.Copy(key, Path.Combine(folder, Path.GetFileName(key)), overwrite: true);
        }
    }

    private static async Task<PostgreSqlAppDbContext> KeyRingAsync(AppFactory app) =>
        (PostgreSqlAppDbContext)await app.Services.CreateScope().ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    private HttpClient WithCookie(string cookie)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private static readonly Uri Site = new("http://localhost");

    private static void AssertSentToLogin(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location is { } to ? (to.IsAbsoluteUri ? to.AbsolutePath : to.OriginalString.Split('?')[0]) : null);
    }

    /// <summary>Signs in through the real login form with a client whose cookies the test can read.</summary>
    private async Task<(HttpClient Client, CookieJar Jar)> SignInAsync()
    {
        var jar = new CookieJar();
        var client = app.CreateDefaultClient(Site, jar);
        var response = await HttpLogin.PostLoginAsync(client, Officer, DemoUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, jar);
    }

    /// <summary>An antiforgery token issued to the signed-in user (the password page is a plain form).</summary>
    private static async Task<FormUrlEncodedContent> FormTokenAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/Account/Manage/ChangePassword");
        var token = TokenPattern().Match(page).Groups[1].Value;
        Assert.NotEmpty(token);
        return new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
