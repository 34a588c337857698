using AngleSharp.Dom;
using Bunit;
using KopUkm.Dashboard.Features.Email;
using KopUkm.Dashboard.Features.Email.Pages;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace KopUkm.Dashboard.Tests.Features.Email;

/// <summary>The outbox page rendered with bunit over the real service on a real SQLite file.</summary>
public sealed class OutboxPageComponentTests : AppBunitContext, IAsyncLifetime
{
    private TestServices app = default!;
    private long failed;

    async Task IAsyncLifetime.InitializeAsync()
    {
        app = await TestServices.CreateAsync(validateScopes: false);
        UseApp(app);
        await OutboxSenderTests.WriteAsync(app, "a", to: "siti@contoh.id");
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        failed = await OutboxSenderTests.WriteAsync(app, "b", to: "budi@contoh.id");
        await using (var db = await app.DbAsync())
        {
            await db.Set<OutboxEmail>().Where(e => e.Id == failed).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Status, OutboxEmailStatus.Failed).SetProperty(e => e.Attempts, 6)
                .SetProperty(e => e.LastError, "Gagal setelah 6 percobaan. Terakhir: Server SMTP menolak pesan (kode 550): no such user"));
        }

        app.ActAs(AppRoles.Administrator, null, "admin");
        SignInAs(AppRoles.Administrator);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task The_page_lists_messages_newest_first_says_delivery_is_off_and_searches()
    {
        var page = Render<OutboxPage>();
        page.WaitForAssertion(() => Assert.Equal(2, Rows(page).Count));

        Assert.Equal(["budi@contoh.id", "siti@contoh.id"], Rows(page).Select(r => Cell(r, "to")));
        Assert.Equal("Failed", Rows(page)[0].QuerySelector("[data-status]")!.GetAttribute("data-status"));
        Assert.Contains("no such user", Cell(Rows(page)[0], "error"), StringComparison.Ordinal);
        Assert.Contains("Pengiriman e-mail belum diatur: pesan menunggu di kotak keluar.", page.Find("[data-testid=outbox-not-configured]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Menunggu 1 · Terkirim 0 · Gagal 1", string.Join(' ', page.Find("[data-testid=outbox-counts]").TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));

        await page.Find("input[data-testid=outbox-search]").InputAsync(new() { Value = "siti" });
        // The search waits for typing to pause, on the app's (fake) clock.
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        page.WaitForAssertion(() => Assert.Equal(["siti@contoh.id"], Rows(page).Select(r => Cell(r, "to"))), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Kirim_ulang_in_the_message_dialog_puts_a_failed_message_back_in_the_queue()
    {
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var page = Render<OutboxPage>();
        page.WaitForAssertion(() => Assert.Equal(2, Rows(page).Count));

        var opening = Rows(page)[0].QuerySelector("[data-cell=subject]")!.ClickAsync(new());
        dialogs.WaitForElement("[data-testid=outbox-resend]");
        Assert.Contains("Permohonan Anda diterima.", dialogs.Find("[data-testid=outbox-body]").TextContent, StringComparison.Ordinal);
        await dialogs.Find("[data-testid=outbox-resend]").ClickAsync(new());
        await opening;

        page.WaitForAssertion(() => Assert.Equal("Waiting", Rows(page)[0].QuerySelector("[data-status]")!.GetAttribute("data-status")));
        await using var db = await app.DbAsync();
        Assert.Equal("Penguji", (await db.Set<OutboxEmailResend>().SingleAsync(r => r.OutboxEmailId == failed)).ByName);
    }

    private static List<IElement> Rows(IRenderedComponent<OutboxPage> page) => [.. page.FindAll("[data-testid=outbox-grid] tbody tr.mud-table-row")];

    private static string Cell(IElement row, string cell) => row.QuerySelector($"[data-cell={cell}]")!.TextContent.Trim();
}
