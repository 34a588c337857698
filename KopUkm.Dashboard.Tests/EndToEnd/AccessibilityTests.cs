using System.Reflection;
using System.Text.RegularExpressions;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Features.Assignments;
using KopUkm.Dashboard.Features.Content;
using KopUkm.Dashboard.Features.Cooperatives;
using KopUkm.Dashboard.Features.Cooperatives.Cases;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using KopUkm.Dashboard.Tests.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KopUkm.Dashboard.Tests.EndToEnd;

/// <summary>
/// axe (WCAG 2.1 A and AA) on the staff app, on the full demo data set: zero serious or critical violations on every
/// page every role may open, and nothing scrolls sideways at 390. The pages come from the compiled app's
/// <see cref="RouteAttribute"/>s; who may open each comes from <see cref="RouteAccessMatrixTests.Table"/> (the table
/// the server's refusals are tested against), so a new page is checked for every role without editing this class (a
/// route parameter this class cannot fill fails the test, naming the route). The administrator (who may open every
/// staff page) visits every page at 1366×768 and at 390×844; each other role, signed in once in one browser context,
/// visits every page it may open at 1366×768 (the phone layout of a page is the same for every role; docs/accessibility.md).
/// </summary>
[Collection(DemoDataBrowserTests.Name)]
public sealed class AccessibilityTests(DemoDataBrowserFixture browser)
{
    private static readonly (int Width, int Height) Desk = (1366, 768);
    private static readonly (int Width, int Height) Phone = (390, 844);

    /// <summary>One demo account per role (the first README account of each).</summary>
    public static TheoryData<string> Roles()
    {
        var data = new TheoryData<string>();
        foreach (var user in DemoUsers.All.DistinctBy(u => u.Role))
        {
            data.Add(user.Email);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task The_pages_of_each_role_pass_axe_on_a_desk_screen_and_a_phone(string email)
    {
        var user = DemoUsers.All.Single(u => u.Email == email);
        var routes = await StaffRoutesAsync(user);
        (int Width, int Height)[] sizes = user.Role == AppRoles.Administrator ? [Desk, Phone] : [Desk];
        var page = await browser.NewPageAsync();
        await page.LoginAsync(email, DemoUsers.Password);
        await page.WaitForInteractiveAsync();
        var failures = new List<string>();

        foreach (var size in sizes)
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
            foreach (var route in routes)
            {
                await CheckAsync(page, route, size.Width, failures);
            }
        }

        await page.Context.CloseAsync();
        Assert.True(failures.Count == 0, $"{user.Role} ({email}), {routes.Count} pages × {sizes.Length} widths:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task The_login_page_and_the_access_denied_page_pass_axe_on_a_desk_screen_and_a_phone()
    {
        var failures = new List<string>();
        var page = await browser.NewPageAsync();
        foreach (var size in new[] { Desk, Phone })
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
            await page.GotoAsync("/Account/Login");
            await Collect(page, size.Width, failures);
        }

        await page.LoginAsync("petugas.klm@kopukm.demo", DemoUsers.Password);
        foreach (var size in new[] { Desk, Phone })
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
            // An officer may not open Metrik: the server answers with the access-denied page.
            await page.GotoAsync("/metrik");
            await Assertions.Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
            await page.WaitForInteractiveAsync();
            await WaitForContentAsync(page);
            await Collect(page, size.Width, failures);
        }

        await page.Context.CloseAsync();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Each_roles_pages_follow_the_access_table_and_every_route_is_known()
    {
        var admin = DemoUsers.All.First(u => u.Role == AppRoles.Administrator);
        var routes = await StaffRoutesAsync(admin);

        // The discovery finds the app's pages (a broken filter would silently check nothing).
        Assert.Contains("/", routes);
        Assert.Contains("/layanan", routes);
        Assert.Contains("/administrasi/pengguna", routes);
        Assert.Contains(routes, r => r.StartsWith("/layanan/", StringComparison.Ordinal) && char.IsDigit(r[^1]));
        Assert.DoesNotContain("/Account/Login", routes);

        // An officer's list follows the access table: their pages, not the IT board, Metrik or administration.
        var officer = await StaffRoutesAsync(DemoUsers.All.First(u => u.Role == AppRoles.Petugas));
        Assert.Contains("/layanan", officer);
        Assert.Contains("/panduan", officer);
        Assert.DoesNotContain("/tugas-ti", officer);
        Assert.DoesNotContain("/metrik", officer);
        Assert.DoesNotContain(officer, r => r.StartsWith("/administrasi", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Access_denied_renders_inside_the_app_layout_with_the_navigation_kept()
    {
        var page = await browser.NewPageAsync();
        await page.LoginAsync("petugas.klm@kopukm.demo", DemoUsers.Password);
        await page.WaitForInteractiveAsync();

        // Typed into the address bar: the server refuses and sends the officer to /Account/AccessDenied.
        await page.GotoAsync("/metrik");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Account/AccessDenied"));
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=nav-menu] [data-nav=dashboard]")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("notification-bell")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Akses ditolak");

        // Followed inside the app (no reload): the router's own refusal, in the same layout.
        await page.GotoAsync("/");
        await page.WaitForInteractiveAsync();
        await page.EvaluateAsync("() => Blazor.navigateTo('/administrasi')");
        await Assertions.Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=nav-menu] [data-nav=dashboard]")).ToBeVisibleAsync();

        // And the navigation still works from there.
        await page.Locator("[data-testid=nav-menu] [data-nav=tickets]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/layanan$"));
        await page.Context.CloseAsync();
    }

    private static async Task CheckAsync(IPage page, string route, int width, List<string> failures)
    {
        await page.GotoAsync(route);
        await page.WaitForInteractiveAsync();
        await WaitForContentAsync(page);
        await Collect(page, width, failures);
    }

    private static async Task Collect(IPage page, int width, List<string> failures)
    {
        try
        {
            await page.AssertNoSeriousAxeViolationsAsync();
        }
        catch (Xunit.Sdk.XunitException e)
        {
            failures.Add($"[{width}px] {e.Message}");
        }

        if (width <= Phone.Width)
        {
            try
            {
                await page.AssertNoSidewaysScrollAsync();
            }
            catch (Xunit.Sdk.XunitException e)
            {
                failures.Add($"[{width}px] {e.Message}");
            }
        }
    }

    /// <summary>The page has its heading and nothing is loading any more (no progress bar, skeleton or table loader).</summary>
    private static async Task WaitForContentAsync(IPage page)
    {
        await page.Locator("h1").First.WaitForAsync();
        await page.WaitForFunctionAsync(
            "() => !document.querySelector('.mud-progress-indeterminate, .mud-table-loading, .mud-skeleton')",
            null,
            new() { Timeout = 30_000 });
    }

    /// <summary>
    /// Every routable page of the staff app (not the static account pages, not the public portal, not error pages)
    /// that <paramref name="user"/>'s role may open, with route parameters filled from the demo data they may see.
    /// </summary>
    private async Task<List<string>> StaffRoutesAsync(DemoUser user)
    {
        var ids = await SeededIdsAsync(user);
        var routes = new List<string>();
        var pages = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && t.GetCustomAttributes<RouteAttribute>().Any())
            .Where(t => t.Namespace is { } ns
                && !ns.Contains(".PublicPortal", StringComparison.Ordinal)
                && !ns.EndsWith(".Account.Pages", StringComparison.Ordinal)
                && !ns.EndsWith(".Components.Pages", StringComparison.Ordinal));
        foreach (var type in pages)
        {
            foreach (var template in type.GetCustomAttributes<RouteAttribute>().Select(r => r.Template))
            {
                Assert.True(RouteAccessMatrixTests.Table.TryGetValue(template, out var access), $"Route '{template}' has no row in the access table.");
                if (access.Allowed.Contains(user.Role))
                {
                    routes.Add(Fill(template, ids));
                }
            }
        }

        Assert.NotEmpty(routes);
        return [.. routes.Order(StringComparer.Ordinal)];
    }

    private static string Fill(string template, IReadOnlyDictionary<string, long> ids)
    {
        if (!template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }

        var prefix = template[..template.IndexOf('{', StringComparison.Ordinal)];
        var match = ids.Keys.Where(k => prefix.StartsWith(k, StringComparison.Ordinal)).MaxBy(k => k.Length);
        Assert.True(match is not null && prefix == match,
            $"The accessibility test does not know which seeded record to open for route '{template}': add its id to {nameof(SeededIdsAsync)}.");
        return Regex.Replace(template, @"\{[^}]+\}", ids[match!].ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>A record of each kind the user may see (their own division's where records belong to one), by the route prefix that opens it.</summary>
    private async Task<Dictionary<string, long>> SeededIdsAsync(DemoUser user)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var divisionId = await db.Set<KopUkm.Dashboard.Features.Organization.Division>().Where(d => d.Code == user.DivisionCode).Select(d => d.Id).SingleAsync();
        var scoped = user.Role is AppRoles.KepalaBidang or AppRoles.Petugas;

        var ticket = await db.Set<Ticket>().Where(t => !scoped || t.DivisionId == divisionId).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        var content = await db.Set<ContentItem>().Where(c => !scoped || c.OwnerDivisionId == divisionId).OrderBy(c => c.Id)
            .Select(c => c.Id).FirstOrDefaultAsync();
        if (content == 0)
        {
            content = await db.Set<ContentItem>().OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        }

        var task = await db.Set<ItTask>().Where(t => !scoped || t.RequestingDivisionId == divisionId).OrderBy(t => t.Id).Select(t => t.Id).FirstOrDefaultAsync();
        if (task == 0)
        {
            task = await db.Set<ItTask>().OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        }

        return new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["/layanan/"] = ticket,
            ["/koperasi/"] = await db.Set<Cooperative>().OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
            ["/koperasi/kasus/"] = await db.Set<RegistrationCase>().OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
            ["/konten/"] = content,
            ["/tugas-ti/"] = task,
        };
    }
}
