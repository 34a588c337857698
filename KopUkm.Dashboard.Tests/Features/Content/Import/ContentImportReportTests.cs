using Bunit;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Content.Import;
using KopUkm.Dashboard.Features.Content.Pages.Import;
using KopUkm.Dashboard.Tests.Common;
using KopUkm.Dashboard.Tests.TestInfrastructure;

namespace KopUkm.Dashboard.Tests.Features.Content.Import;

/// <summary>The downloadable report of rejected rows, a CSV the user opens in a spreadsheet.</summary>
public sealed class ContentImportReportTests : AppBunitContext
{
    [Fact]
    public void The_report_neutralises_a_source_that_a_spreadsheet_would_run_as_a_formula()
    {
        // A child sitemap's address comes from the sitemap index, that is from whoever wrote the index.
        const string source = "=HYPERLINK(\"http://contoh.invalid\",\"Klik\")";
        var report = Render<ContentImportRejections>(p => p.Add(r => r.Rejections, [new ContentImportRejection(source, new CsvLineError(4, "ContentImport.EmptyLocation", ""))]));

        var href = report.Find("[data-testid=import-report]").GetAttribute("href")!;
        var cells = CsvFileTests.ReadCells(Convert.FromBase64String(href[(href.IndexOf(',', StringComparison.Ordinal) + 1)..]));

        Assert.Equal(("'" + source, "4"), (cells[1][0], cells[1][1]));
    }
}
