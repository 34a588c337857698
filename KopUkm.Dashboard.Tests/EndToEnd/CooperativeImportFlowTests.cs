using System.Text;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Features.Cooperatives;
using KopUkm.Dashboard.Features.Cooperatives.Import;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static KopUkm.Dashboard.Tests.Features.Cooperatives.Import.ImportFiles;

namespace KopUkm.Dashboard.Tests.EndToEnd;

/// <summary>
/// The cooperative import in Chromium: a long list with its progress bar, and a failed save. With
/// <c>KOPUKM_SCREENSHOTS</c> set to a folder, the page is also photographed at 1366 and 390 pixels wide.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class CooperativeImportFlowTests(BrowserFixture browser)
{
    private static readonly string? ScreenshotFolder = Environment.GetEnvironmentVariable("KOPUKM_SCREENSHOTS");

    [Fact]
    public async Task An_officer_imports_a_long_list_watching_the_progress_bar()
    {
        var page = await OpenImportPageAsync();
        var rows = ManyRows(8_000, first: 40_001).ToList();

        await UploadAsync(page, rows, "daftar-panjang.csv");
        await Assertions.Expect(page.GetByTestId("import-counts")).ToContainTextAsync("8000 baru", new() { Timeout = 120_000 });
        await page.GetByTestId("import-confirm").ClickAsync();

        // The bar sits by the button just pressed: first the second check, then the save, batch by batch.
        await Assertions.Expect(page.GetByTestId("import-preview").GetByTestId("import-progress")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("import-busy")).ToContainTextAsync("Menyimpan");
        await ShootAsync(page, "impor-progres");
        await Assertions.Expect(page.GetByTestId("import-done")).ToContainTextAsync("Impor selesai: 8000 ditambahkan", new() { Timeout = 180_000 });
        await Assertions.Expect(page.GetByTestId("import-busy")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_failed_save_shows_a_sentence_and_keeps_the_preview()
    {
        var rows = ManyRows(1_500, first: 60_001).ToList();
        rows[1_200][CooperativeCsvFormat.Name] = "Koperasi Gagal Simpan E2E";
        await using (var scope = browser.App.Services.CreateAsyncScope())
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            // A real failure of the database in the second batch: a trigger that aborts one insert.
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TRIGGER IF NOT EXISTS test_fail_e2e BEFORE INSERT ON Cooperative WHEN NEW.Name = 'Koperasi Gagal Simpan E2E' BEGIN SELECT RAISE(ABORT, 'simulated disk failure'); END;");
        }

        var page = await OpenImportPageAsync();
        await UploadAsync(page, rows, "daftar-gagal.csv");
        await Assertions.Expect(page.GetByTestId("import-counts")).ToContainTextAsync("1500 baru", new() { Timeout = 120_000 });
        await page.GetByTestId("import-confirm").ClickAsync();

        await Assertions.Expect(page.GetByTestId("import-file-error")).ToContainTextAsync(
            "Impor tidak selesai karena terjadi kesalahan di server, sehingga tidak ada yang disimpan.", new() { Timeout = 120_000 });
        await Assertions.Expect(page.GetByTestId("import-preview")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("import-confirm")).ToBeEnabledAsync();
        await ShootAsync(page, "impor-gagal");
        await using (var scope = browser.App.Services.CreateAsyncScope())
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            Assert.False(await db.Set<Cooperative>().AnyAsync(c => c.Name.StartsWith("Koperasi Uji 6")));
        }
    }

    private async Task<IPage> OpenImportPageAsync()
    {
        var page = await browser.NewPageAsync();
        await page.LoginAsync("petugas.klm@kopukm.demo", DemoUsers.Password);
        await page.WaitForInteractiveAsync();
        await page.GotoAsync("/koperasi/impor");
        await page.WaitForInteractiveAsync();
        return page;
    }

    private static Task UploadAsync(IPage page, IEnumerable<Dictionary<string, string>> rows, string fileName) =>
        page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = fileName,
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(Csv(rows)),
        });

    /// <summary>The page as it is now, at the office's usual screen and at a phone's width.</summary>
    private static async Task ShootAsync(IPage page, string name)
    {
        if (string.IsNullOrEmpty(ScreenshotFolder))
        {
            return;
        }

        Directory.CreateDirectory(ScreenshotFolder);
        foreach (var width in new[] { 1366, 390 })
        {
            await page.SetViewportSizeAsync(width, width == 390 ? 844 : 900);

            // At a phone's width the menu closes and the page takes the whole width once the layout has moved.
            await page.WaitForFunctionAsync(
                "w => w > 600 || getComputedStyle(document.querySelector('.mud-main-content')).marginLeft === '0px'", width);
            await page.EvaluateAsync("() => window.scrollTo(0, 0)");
            await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, $"{name}-{width}.png"), FullPage = true });
        }

        await page.SetViewportSizeAsync(1366, 900);
    }
}
