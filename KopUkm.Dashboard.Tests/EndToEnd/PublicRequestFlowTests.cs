using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Features.Email;
using KopUkm.Dashboard.Features.ServiceCatalog;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KopUkm.Dashboard.Tests.EndToEnd;

[Collection(BrowserTests.Name)]
public sealed class PublicRequestFlowTests(BrowserFixture browser)
{
    private static readonly byte[] Pdf = [.. "%PDF-1.4\n"u8, .. new byte[2000]];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[500]];

    [Fact]
    public async Task A_member_of_the_public_applies_answers_the_officers_question_sees_the_request_resolved_and_rates_it_in_the_ikm_survey()
    {
        // A member of the public, without an account, applies with an attachment.
        var applicant = await browser.NewPageAsync();
        await applicant.GotoAsync("/ajukan/NIB-OSS");
        await Assertions.Expect(applicant.Locator("h1")).ToHaveTextAsync("Ajukan permohonan layanan");
        await CheckAccessibleAtBothWidthsAsync(applicant);
        await applicant.GetByLabel("Nama lengkap").FillAsync("Rina Marlina");
        await applicant.GetByLabel("Email").FillAsync("rina@contoh.id");
        await applicant.GetByLabel("Nomor WhatsApp").FillAsync("0813 1122 3344");
        await applicant.GetByLabel("Kabupaten/Kota").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await applicant.GetByLabel("Uraian permohonan").FillAsync("Mohon bantuan membuat NIB untuk usaha kopi bubuk rumahan saya.");
        await applicant.Locator("#f-files").SetInputFilesAsync(new FilePayload { Name = "ktp.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await applicant.Locator("label[for=f-consent]").ClickAsync();
        // People take longer than bots: the form refuses what is sent within seconds of showing it.
        browser.App.Clock.Advance(TimeSpan.FromSeconds(10));
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Kirim permohonan" }).ClickAsync();

        await Assertions.Expect(applicant.GetByTestId("apply-done")).ToBeVisibleAsync();
        var code = (await applicant.GetByTestId("apply-code").TextContentAsync())!.Trim();
        var pin = (await applicant.GetByTestId("apply-pin").TextContentAsync())!.Trim();
        await CheckAccessibleAtBothWidthsAsync(applicant);
        int ticketId;
        await using (var db = await DbAsync())
        {
            var ticket = await db.Set<Ticket>().SingleAsync(t => t.Code == code);
            ticketId = ticket.Id;
            Assert.Equal(TicketChannel.Portal, ticket.Channel);
            Assert.Equal("NIB-OSS", (await db.Set<ServiceType>().SingleAsync(s => s.Id == ticket.ServiceTypeId)).Code);
            var receipt = await db.Set<OutboxEmail>().SingleAsync(e => e.Key == $"ticket:{ticketId}:receipt");
            Assert.Equal("rina@contoh.id", receipt.ToAddress);
            Assert.Contains(pin, receipt.TextBody);
        }

        // The division head gives it to the officer, who replies and asks a question.
        var head = await browser.NewPageAsync();
        await head.LoginAsync("kabid.umk@kopukm.demo", DemoUsers.Password);
        await head.GotoAsync($"/layanan/{ticketId}");
        await head.WaitForInteractiveAsync();
        await Assertions.Expect(head.GetByText("Portal publik", new() { Exact = false }).First).ToBeVisibleAsync();
        if (await head.Locator("[data-status=Baru]").CountAsync() > 0)
        {
            await head.Locator(".mud-input-control.mud-select", new() { Has = head.Locator("#ticket-assignee") }).ClickAsync();
            await head.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Yusuf Hidayat" }).First.ClickAsync();
            await Assertions.Expect(head.Locator("[data-status=Ditugaskan]").First).ToBeVisibleAsync();
        }

        await head.Context.CloseAsync();
        var officer = await browser.NewPageAsync();
        await officer.LoginAsync("petugas.umk@kopukm.demo", DemoUsers.Password);
        await officer.GotoAsync($"/layanan/{ticketId}");
        await officer.WaitForInteractiveAsync();
        await Assertions.Expect(officer.GetByTestId("ticket-attachments")).ToContainTextAsync("ktp.pdf");
        await officer.Locator("#ticket-text").FillAsync("Terima kasih, berkas KTP sudah kami terima.");
        await officer.GetByTestId("ticket-send").ClickAsync();
        await Assertions.Expect(officer.Locator("[data-status=Diproses]").First).ToBeVisibleAsync();
        await MoveAsync(officer, "MenungguPemohon", "Mohon kirim foto tempat usaha Anda.");

        // The applicant follows the request with code and PIN and answers the question.
        await applicant.GotoAsync("/lacak");
        await CheckAccessibleAtBothWidthsAsync(applicant);
        await applicant.GetByLabel("Kode permohonan").FillAsync(code);
        await applicant.GetByLabel("PIN").FillAsync(pin);
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Lihat permohonan" }).ClickAsync();
        await Assertions.Expect(applicant.GetByTestId("track-status")).ToHaveTextAsync("Menunggu jawaban Anda");
        await Assertions.Expect(applicant.GetByTestId("track-timeline")).ToContainTextAsync("Terima kasih, berkas KTP sudah kami terima.");
        await Assertions.Expect(applicant.GetByTestId("track-timeline")).ToContainTextAsync("Petugas Bidang Usaha Mikro");
        await Assertions.Expect(applicant.GetByTestId("track-timeline")).Not.ToContainTextAsync("Yusuf");
        await Assertions.Expect(applicant.GetByTestId("track-answer")).ToContainTextAsync("Mohon kirim foto tempat usaha Anda.");
        await CheckAccessibleAtBothWidthsAsync(applicant);
        await applicant.GetByRole(AriaRole.Textbox, new() { Name = "Jawaban Anda" }).FillAsync("Foto tempat usaha saya terlampir.");
        await applicant.Locator("#a-files").SetInputFilesAsync(new FilePayload { Name = "warung.png", MimeType = "image/png", Buffer = Png });
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Kirim jawaban" }).ClickAsync();
        await Assertions.Expect(applicant.GetByTestId("track-notice")).ToContainTextAsync("Jawaban Anda terkirim");
        await Assertions.Expect(applicant.GetByTestId("track-status")).ToHaveTextAsync("Sedang diproses");
        await Assertions.Expect(applicant.GetByTestId("track-files")).ToContainTextAsync("warung.png");

        // The officer sees the answer (and that the reply was read), and resolves the request.
        await officer.ReloadAsync();
        await officer.WaitForInteractiveAsync();
        var history = officer.GetByTestId("ticket-history");
        await Assertions.Expect(history.Locator("[data-event=ApplicantAnswered]")).ToContainTextAsync("Foto tempat usaha saya terlampir.");
        await Assertions.Expect(history.Locator("[data-event=ApplicantAnswered]")).ToContainTextAsync("warung.png");
        await Assertions.Expect(history.GetByTestId("reply-seen").First).ToContainTextAsync("Dilihat pemohon");
        await MoveAsync(officer, "Selesai", "NIB sudah terbit: 9120009876543.");
        await officer.Context.CloseAsync();

        // The applicant sees it resolved, with the note.
        await applicant.ReloadAsync();
        await Assertions.Expect(applicant.GetByTestId("track-status")).ToHaveTextAsync("Selesai");
        await Assertions.Expect(applicant.GetByTestId("track-timeline")).ToContainTextAsync("NIB sudah terbit: 9120009876543.");
        await using (var db = await DbAsync())
        {
            var purposes = await db.Set<OutboxEmail>().Where(e => e.Key.StartsWith($"ticket:{ticketId}:")).OrderBy(e => e.Id).Select(e => e.Purpose).ToListAsync();
            Assert.Equal(["ticket-receipt", "ticket-reply", "ticket-waiting", "ticket-resolved"], purposes);
        }

        // Leadership reads this month's IKM before the applicant answers the satisfaction survey.
        var leader = await browser.NewPageAsync();
        await leader.LoginAsync("pimpinan@kopukm.demo", DemoUsers.Password);
        await leader.GotoAsync("/metrik?tab=ikm");
        await leader.WaitForInteractiveAsync();
        var officeIkm = leader.GetByTestId("ikm-office-value");
        await Assertions.Expect(officeIkm).ToBeVisibleAsync();
        var before = (await officeIkm.TextContentAsync())!.Trim();

        // The tracking page offers the IKM survey; the applicant answers "3" on all nine elements.
        await Assertions.Expect(applicant.GetByTestId("track-survey")).ToBeVisibleAsync();
        await applicant.GetByTestId("track-survey-link").ClickAsync();
        await applicant.ExpectNavigatedAsync(new System.Text.RegularExpressions.Regex("/survei\\?t="));
        await CheckAccessibleAtBothWidthsAsync(applicant);
        for (var element = 1; element <= 9; element++)
        {
            await applicant.Locator($"label[for=s-u{element}-3]").ClickAsync();
        }

        await applicant.Locator("#s-suggestion").FillAsync("Antrean di loket sudah lebih cepat.");
        browser.App.Clock.Advance(TimeSpan.FromSeconds(10));
        await applicant.GetByTestId("survey-submit").ClickAsync();
        await Assertions.Expect(applicant.GetByTestId("survey-thanks")).ToBeVisibleAsync();
        await CheckAccessibleAtBothWidthsAsync(applicant);

        // 25 × (9 × 3 ÷ 9) = 75,00 for the office this month, where there was no answer before.
        await leader.ReloadAsync();
        await leader.WaitForInteractiveAsync();
        await Assertions.Expect(officeIkm).ToHaveTextAsync("75,00");
        Assert.NotEqual("75,00", before);
        await Assertions.Expect(leader.GetByTestId("ikm-office-band")).ToContainTextAsync("Kurang Baik");
        // The coordination table's IKM column counts it for the request's division (Usaha Mikro) too.
        await leader.GotoAsync("/metrik");
        await Assertions.Expect(leader.Locator("tr[data-division=UMK] td[data-metric=Ikm] [data-value]")).ToHaveTextAsync("75,00");
        await leader.Context.CloseAsync();

        // The public performance page: aggregates only, accessible on a desk screen and a phone.
        await applicant.GotoAsync("/kinerja");
        await Assertions.Expect(applicant.GetByTestId("kin-office")).ToBeVisibleAsync();
        await Assertions.Expect(applicant.Locator("body")).Not.ToContainTextAsync("Rina Marlina");
        await CheckAccessibleAtBothWidthsAsync(applicant);
        await applicant.Context.CloseAsync();
    }

    private async Task<AppDbContext> DbAsync() =>
        await browser.App.Services.CreateScope().ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    private static async Task CheckAccessibleAtBothWidthsAsync(IPage page)
    {
        foreach (var (width, height) in new[] { (1366, 900), (390, 844) })
        {
            await page.SetViewportSizeAsync(width, height);
            await page.AssertNoSeriousAxeViolationsAsync();
            await page.AssertNoSidewaysScrollAsync();
        }

        await page.SetViewportSizeAsync(1366, 900);
    }

    private static async Task MoveAsync(IPage page, string to, string text)
    {
        await page.Locator($"[data-move={to}]").ClickAsync();
        var field = page.Locator(".mud-dialog #ticket-dialog-text");
        await field.FillAsync(text);
        await field.BlurAsync();
        await page.Locator(".mud-dialog [data-testid=ticket-dialog-confirm]").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator($"[data-status={to}]").First).ToBeVisibleAsync();
    }
}
