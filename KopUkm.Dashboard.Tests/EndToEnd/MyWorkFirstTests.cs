using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.Playwright;

namespace KopUkm.Dashboard.Tests.EndToEnd;

/// <summary>
/// Each role's first screen is its own work, on the whole demo data set: a demo officer lands on "Pekerjaan saya" with
/// their tickets most urgent first and one click to the division view; a demo IT staff member on their tasks.
/// </summary>
[Collection(DemoDataBrowserTests.Name)]
public sealed class MyWorkFirstTests(DemoDataBrowserFixture browser)
{
    private static readonly string[] UrgencyRank = ["breached", "atrisk", "due"];

    [Fact]
    public async Task A_demo_officer_signs_in_to_their_own_work_first_and_reaches_the_division_view_in_one_click()
    {
        var page = await browser.NewPageAsync();
        await page.LoginAsync("petugas.umk@kopukm.demo", DemoUsers.Password);
        await page.WaitForInteractiveAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Pekerjaan saya");
        var tickets = page.GetByTestId("home-my-tickets");
        await Assertions.Expect(tickets.GetByTestId("home-item").First).ToBeVisibleAsync();
        foreach (var section in new[] { "home-my-cases", "home-my-content", "home-notifications" })
        {
            await Assertions.Expect(page.GetByTestId(section)).ToBeVisibleAsync();
        }

        // Most urgent first: no ticket further down is more urgent than one above it.
        var states = await tickets.GetByTestId("home-item").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.state)");
        var ranks = states.Select(s => Array.IndexOf(UrgencyRank, s)).ToList();
        Assert.Equal(ranks.Order(), ranks);

        await page.GetByTestId("home-division-view").ClickAsync();
        await page.WaitForURLAsync("**/ringkasan");
        await Assertions.Expect(page.GetByTestId("urgent-list")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("home-my-work")).ToHaveAttributeAsync("href", "/");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_demo_it_staff_member_signs_in_to_their_tasks_the_team_workload_and_the_unassigned_queue()
    {
        var page = await browser.NewPageAsync();
        await page.LoginAsync("staf.ti@kopukm.demo", DemoUsers.Password);
        await page.WaitForInteractiveAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tugas TI saya");
        await Assertions.Expect(page.GetByTestId("home-my-ittasks").GetByTestId("home-item").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("workload-panel")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("home-unassigned")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
