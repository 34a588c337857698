using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace KopUkm.Dashboard.Tests.EndToEnd;

[Collection(BrowserTests.Name)]
public sealed class MetricsFlowTests(BrowserFixture browser)
{
    [Fact]
    public async Task Leadership_opens_the_metrics_and_downloads_the_table_as_an_excel_workbook()
    {
        var page = await browser.NewPageAsync();
        await page.LoginAsync("pimpinan@kopukm.demo", DemoUsers.Password);
        await page.GotoAsync("/metrik");
        await page.WaitForInteractiveAsync();

        // Seven divisions and the office total, under the period picker set to the current month.
        var table = page.GetByTestId("metrics-table");
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(8);
        await Assertions.Expect(table.Locator("tr[data-division=office]")).ToContainTextAsync("Seluruh kantor");
        await Assertions.Expect(page.GetByTestId("metrics-period-label")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\w+ \d{4}$"));

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("metrics-export-xlsx").ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"metrik-{Guid.NewGuid():N}.xlsx");
        try
        {
            await download.SaveAsAsync(path);

            Assert.Matches(@"^metrik-koordinasi-\d{4}-\d{2}\.xlsx$", download.SuggestedFilename);
            var header = MiniExcel.Query(path, useHeaderRow: false).Cast<IDictionary<string, object?>>().First().Values.Select(v => v?.ToString()).ToList();
            Assert.Equal("Kode bidang", header[0]);
            Assert.Equal("Bidang", header[1]);
            Assert.StartsWith("Kepatuhan SLA (%) — ", header[2], StringComparison.Ordinal);
            var rows = MiniExcel.Query(path, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(8, rows.Count);
            Assert.Equal("Seluruh kantor", rows[^1]["Bidang"]?.ToString());
        }
        finally
        {
            File.Delete(path);
            await page.Context.CloseAsync();
        }
    }
}
