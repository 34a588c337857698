using Bunit;
using KopUkm.Dashboard.Features.Content;
using KopUkm.Dashboard.Features.Content.Fetch;
using KopUkm.Dashboard.Features.Content.LiveCheck;
using KopUkm.Dashboard.Features.Content.Pages;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.TestInfrastructure;

namespace KopUkm.Dashboard.Tests.Features.Content;

/// <summary>The content queue and item pages rendered with bunit over the real services on a real SQLite file.</summary>
public sealed class ContentPagesTests : AppBunitContext, IAsyncLifetime
{
    private TestServices app = default!;
    private int klm;
    private int umk;

    async Task IAsyncLifetime.InitializeAsync()
    {
        app = await TestServices.CreateAsync(validateScopes: false);
        UseApp(app);
        var divisions = await app.Get<OrganizationService>().ListDivisionsAsync();
        klm = divisions.Single(d => d.Code == "KLM").Id;
        umk = divisions.Single(d => d.Code == "UMK").Id;
        ActAs(AppRoles.KepalaBidang, klm);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await app.DisposeAsync();
    }

    private void ActAs(string role, int? division)
    {
        app.ActAs(role, division, "user-" + role, divisionCode: division == klm ? "KLM" : null);
        SignInAs(role, division ?? 1);
    }

    private Task<long> PageAsync(string slug, int divisionId, int reviewedDaysAgo) =>
        ContentTestData.PublishedPageAsync(app, divisionId, slug, publishedDaysAgo: 300, reviewedDaysAgo);

    [Fact]
    public void A_check_that_could_not_fetch_shows_the_one_sentence_in_the_readers_language()
    {
        var item = new ContentItem { Id = 1, Title = "Profil", Url = "https://dinaskopukm.jambiprov.go.id/profil", Channel = ContentChannel.Website };
        ContentCheck[] checks = [new() { ContentItemId = 1, CheckedAtUtc = app.Clock.GetUtcNow().UtcDateTime, Result = PageCheckOutcome.Error, Error = FetchGuard.RefusedMessageKey }];

        var panel = Render<ContentLiveChecks>(p => p.Add(c => c.Item, item).Add(c => c.Checks, checks));

        Assert.Equal(
            "Alamat tidak dapat diambil: hanya situs resmi dinas yang diizinkan, dan situs itu harus dapat dijangkau.",
            panel.Find("tr[data-check=Error] td:last-child").TextContent.Trim());
    }

    [Fact]
    public async Task The_queue_shows_its_divisions_counts_and_the_overdue_card_narrows_the_list()
    {
        await PageAsync("segar", klm, 10);
        await PageAsync("terlambat", klm, 120);
        await PageAsync("umk-terlambat", umk, 120);
        await app.Get<ContentReviewAgeService>().RunAsync();

        var page = Render<ContentQueuePage>();

        page.WaitForAssertion(() =>
        {
            Assert.Equal("1", page.Find("[data-testid=summary-overdue] [data-value]").TextContent.Trim());
            Assert.Equal(2, page.FindAll("[data-testid=content-grid] tbody tr [data-testid=content-link]").Count);
        });
        // The head of KLM never sees UMK's page, and the state counts say the same.
        Assert.DoesNotContain("umk-terlambat", page.Markup, StringComparison.Ordinal);
        Assert.Contains("1", page.Find("[data-state-count=PerluPembaruan]").TextContent, StringComparison.Ordinal);

        page.Find("[data-testid=summary-overdue]").Click();

        page.WaitForAssertion(() =>
        {
            var links = page.FindAll("[data-testid=content-grid] [data-testid=content-link]");
            Assert.Equal("Halaman terlambat", Assert.Single(links).TextContent.Trim());
        });
    }

    [Fact]
    public async Task The_item_page_offers_review_and_moves_to_an_editor_and_nothing_to_leadership()
    {
        var id = await PageAsync("terlambat", klm, 120);
        await app.Get<ContentReviewAgeService>().RunAsync();

        var page = Render<ContentItemPage>(p => p.Add(c => c.Id, id));
        page.WaitForElement("[data-testid=content-mark-reviewed]");
        Assert.NotNull(page.Find("[data-move=Ditinjau]"));
        Assert.NotNull(page.Find("[data-testid=content-stale-reason]"));
        Assert.NotNull(page.Find("[data-event=FlaggedStale]"));

        ActAs(AppRoles.Pimpinan, null);
        var readOnly = Render<ContentItemPage>(p => p.Add(c => c.Id, id));
        readOnly.WaitForElement("[data-testid=content-actions]");
        Assert.Empty(readOnly.FindAll("[data-testid=content-mark-reviewed]"));
        Assert.Empty(readOnly.FindAll("[data-move]"));
    }
}
