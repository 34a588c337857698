using KopUkm.Dashboard.Features.Content.Standards;
using KopUkm.Dashboard.Features.Email.Delivery;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KopUkm.Dashboard.Tests.EndToEnd;

/// <summary>
/// The public journey with e-mail delivered for real: a visitor finds a service standard, applies from it, the
/// receipt reaches an SMTP server, and the signed link in that e-mail opens the request's tracking page.
/// Its own app, so only this test turns e-mail delivery on.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class PublicJourneyWithEmailTests(BrowserFixture browser)
{
    private static readonly byte[] Pdf = [.. "%PDF-1.4\n"u8, .. new byte[2000]];

    [Fact]
    public async Task A_visitor_applies_from_a_standard_receives_the_receipt_by_email_and_follows_its_link_to_the_request()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = new MailingApp(smtp.Settings());
        var address = app.Address; // starts Kestrel before anything asks for the services
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ServiceStandardDemoSeeder>().SeedAsync();
        }

        var context = await browser.Browser.NewContextAsync(new() { BaseURL = address, ViewportSize = new() { Width = 1366, Height = 900 } });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();

        // Finds the service's standard and applies from it.
        await page.GotoAsync("/standar-pelayanan");
        await page.GetByLabel("Cari layanan").FillAsync("NIB");
        await page.GetByTestId("standards-search").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Pendampingan NIB dan perizinan OSS" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Pendampingan NIB dan perizinan OSS");
        await page.GetByTestId("standard-apply").ClickAsync();
        await page.ExpectNavigatedAsync(new System.Text.RegularExpressions.Regex("/ajukan/NIB-OSS$"));

        await page.GetByLabel("Nama lengkap").FillAsync("Rina Marlina");
        await page.GetByLabel("Email").FillAsync("rina@contoh.id");
        await page.GetByLabel("Kabupaten/Kota").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Uraian permohonan").FillAsync("Mohon bantuan membuat NIB untuk usaha kopi bubuk rumahan saya.");
        await page.Locator("#f-files").SetInputFilesAsync(new FilePayload { Name = "ktp.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await page.Locator("label[for=f-consent]").ClickAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(10));
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim permohonan" }).ClickAsync();
        var code = (await page.GetByTestId("apply-code").TextContentAsync())!.Trim();

        // The outbox job delivers the receipt over SMTP.
        using (var scope = app.Services.CreateScope())
        {
            var run = await scope.ServiceProvider.GetRequiredService<OutboxSender>().SendDueAsync();
            Assert.Equal(1, run.Sent);
        }

        await smtp.WaitForAsync(1);
        var receipt = Assert.Single(smtp.Messages);
        Assert.Equal("rina@contoh.id", receipt.To.Mailboxes.Single().Address);
        Assert.Contains(code, receipt.Subject);
        var text = receipt.TextBody ?? "";
        var link = text.Split(["https://layanan.example.go.id/"], StringSplitOptions.None)[1].Split('\n')[0].Trim();
        Assert.StartsWith("lacak/tautan?t=", link);

        // The link in the e-mail opens the request without typing the PIN, in a fresh browser.
        var fresh = await browser.Browser.NewContextAsync(new() { BaseURL = address });
        var tracking = await fresh.NewPageAsync();
        await tracking.GotoAsync("/" + link);
        await Assertions.Expect(tracking.GetByTestId("track-status")).ToBeVisibleAsync();
        await Assertions.Expect(tracking.Locator("body")).ToContainTextAsync(code);
        await Assertions.Expect(tracking.Locator("body")).ToContainTextAsync("ktp.pdf");
        await context.CloseAsync();
        await fresh.CloseAsync();
    }

    /// <summary>The test app with e-mail delivery pointed at the test's SMTP server.</summary>
    private sealed class MailingApp(Dictionary<string, string?> settings) : KestrelAppFactory
    {
        protected override Dictionary<string, string?> Settings { get; } = settings;
    }
}
