using System.Text.RegularExpressions;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.Playwright;

namespace KopUkm.Dashboard.Tests.EndToEnd;

[Collection(BrowserTests.Name)]
public sealed partial class ItTaskFlowTests(BrowserFixture browser)
{
    [Fact]
    public async Task It_staff_create_a_task_assign_it_to_the_suggested_least_loaded_person_and_start_it()
    {
        var page = await browser.NewPageAsync();
        await page.LoginAsync("staf.ti@kopukm.demo", DemoUsers.Password);
        await page.GotoAsync("/tugas-ti");
        await page.WaitForInteractiveAsync();

        // Raise the task from the board.
        await page.GetByTestId("ittask-new").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.Locator("#ittask-title").FillAsync("Cadangkan server website sebelum pembaruan CMS");
        await dialog.Locator("#ittask-description").FillAsync("Cadangan penuh basis data dan berkas situs.");
        await dialog.Locator("#ittask-estimate").FillAsync("3");
        await dialog.Locator("#ittask-estimate").BlurAsync();
        await dialog.GetByTestId("ittask-create-save").ClickAsync();
        await page.ExpectNavigatedAsync(TaskUrl());
        var taskUrl = new Uri(page.Url).AbsolutePath;
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Cadangkan server website");
        var code = (await page.Locator("h1").InnerTextAsync()).Split(' ')[0];
        Assert.Matches(@"^TI-\d{4}-\d{5}$", code);

        // Assign it, taking the least-loaded suggestion (offered, applied only on confirming).
        await page.GetByTestId("ittask-assign").ClickAsync();
        await Assertions.Expect(page.GetByTestId("assign-suggestion")).ToContainTextAsync("Budi Santoso");
        await page.GetByTestId("assign-take-suggestion").ClickAsync();
        await page.GetByTestId("assign-confirm").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("ittask-assignee-name")).ToHaveTextAsync("Budi Santoso, S.T.");

        // Start the work.
        await page.Locator("[data-testid=ittask-actions] [data-move=Dikerjakan]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=ittask-details] [data-status=Dikerjakan]")).ToBeVisibleAsync();
        var history = page.GetByTestId("ittask-history");
        await Assertions.Expect(history.Locator("[data-event=Assigned]")).ToContainTextAsync("Budi Santoso");
        await Assertions.Expect(history.Locator("[data-event=StatusChanged][data-to=Dikerjakan]")).ToHaveCountAsync(1);

        // The board shows it in the Dikerjakan column.
        await page.GotoAsync("/tugas-ti");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator($"[data-column=Dikerjakan] [data-code='{code}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"[data-column=Baru] [data-code='{code}']")).ToHaveCountAsync(0);
        Assert.EndsWith(taskUrl, await page.Locator($"[data-code='{code}'] [data-testid=card-link]").GetAttributeAsync("href") is { } href ? href : "", StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [GeneratedRegex(@"/tugas-ti/\d+$")]
    private static partial Regex TaskUrl();
}
