using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Features.Content;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KopUkm.Dashboard.Tests.EndToEnd;

[Collection(BrowserTests.Name)]
public sealed class ContentReviewFlowTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_division_head_marks_an_overdue_page_reviewed_and_it_leaves_the_overdue_list_while_the_history_keeps_the_review()
    {
        var title = $"Prosedur Perubahan Anggaran Dasar {Guid.NewGuid():N}"[..48];
        await SeedOverduePageAsync(title);

        var page = await browser.NewPageAsync();
        await page.LoginAsync("kabid.klm@kopukm.demo", DemoUsers.Password);
        await page.GotoAsync("/konten");
        await page.WaitForInteractiveAsync();

        // The overdue card narrows the queue to the overdue pages; ours is among them.
        await page.GetByTestId("summary-overdue").ClickAsync();
        var row = page.GetByTestId("content-grid").Locator("tbody tr", new() { HasText = title });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row.Locator("[data-freshness=Overdue]")).ToBeVisibleAsync();

        await row.GetByTestId("content-link").ClickAsync();
        await page.ExpectNavigatedAsync(new System.Text.RegularExpressions.Regex(@"/konten/\d+$"));
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("content-stale-reason")).ToContainTextAsync("Tanggal tinjauan sudah lewat");

        await page.GetByTestId("content-mark-reviewed").ClickAsync();
        await page.Locator("#content-dialog-text").FillAsync("Sudah dicocokkan dengan Permenkop terbaru; isi masih berlaku.");
        await page.GetByTestId("content-dialog-confirm").ClickAsync();

        var history = page.GetByTestId("content-history");
        await Assertions.Expect(history.Locator("[data-event=Reviewed]")).ToContainTextAsync("Sudah dicocokkan dengan Permenkop terbaru; isi masih berlaku.");
        await Assertions.Expect(history.Locator("[data-event=FlaggedStale]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-state=Terbit]").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-freshness=Fresh]").First).ToBeVisibleAsync();

        // Back on the overdue list, the page is gone from it.
        await page.GotoAsync("/konten?perhatian=terlambat");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("content-grid").Locator("tbody")).Not.ToContainTextAsync(title);
        await page.Context.CloseAsync();
    }

    private async Task SeedOverduePageAsync(string title)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var dbFactory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var klm = await db.Set<Division>().Where(d => d.Code == "KLM").Select(d => d.Id).SingleAsync();
            var longAgo = browser.App.Clock.GetUtcNow().UtcDateTime.AddDays(-200);
            db.Add(new ContentItem
            {
                Title = title,
                Url = $"https://dinaskopukm.jambiprov.go.id/koperasi/{Guid.NewGuid():N}",
                OwnerDivisionId = klm,
                Kind = ContentKind.WebsitePage,
                Channel = ContentChannel.Website,
                Category = InformationCategory.SetiapSaat,
                State = ContentState.Terbit,
                CreatedAtUtc = longAgo,
                StateChangedAtUtc = longAgo,
                PublishedAtUtc = longAgo,
            });
            await db.SaveChangesAsync();
        }

        // The nightly pass flags it, as it would on the live install.
        await scope.ServiceProvider.GetRequiredService<ContentReviewAgeService>().RunAsync();
    }
}
