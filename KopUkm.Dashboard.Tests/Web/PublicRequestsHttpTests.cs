using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.ServiceCatalog;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Features.Tickets.Portal;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KopUkm.Dashboard.Tests.Web;

/// <summary>
/// /ajukan and /lacak over HTTP, as a browser without JavaScript (or a bot) would use them: what is stored and read
/// back on both databases; the layout and the per-address limit (no data involved) on SQLite only.
/// </summary>
public abstract partial class PublicRequestsHttpTests(TestProvider provider)
{
    public sealed class OnSqlite() : PublicRequestsHttpTests(TestProvider.Sqlite)
    {
        [Theory]
        [InlineData("/ajukan")]
        [InlineData("/ajukan/NIB-OSS")]
        [InlineData("/lacak")]
        public async Task The_request_and_tracking_pages_carry_the_public_layouts_stylesheet_and_their_own(string path)
        {
            using var app = new PortalApp(1000, Provider);
            using var client = HttpLogin.AnonymousClient(app);

            var html = await client.GetStringAsync(path);

            // Only one HeadContent is shown: the layout's must carry both, or the header renders unstyled.
            Assert.Matches(@"<link rel=""stylesheet"" href=""public\.[^""]*css""", html);
            Assert.Matches(@"<link rel=""stylesheet"" href=""public-requests\.[^""]*css""", html);
        }

        [Fact]
        public async Task An_address_that_posts_too_often_gets_429_with_an_indonesian_page_while_reading_stays_open()
        {
            using var app = new PortalApp(3, Provider);
            using var client = HttpLogin.AnonymousClient(app);
            app.Clock.AdvanceToNextMinute();

            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await LookupAsync(client, "UMKM-2026-000001", "12345678")).StatusCode);
            }

            var refused = await LookupAsync(client, "UMKM-2026-000001", "12345678");

            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Contains("Terlalu banyak formulir dikirim dari alamat Anda", await refused.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/lacak")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/ajukan")).StatusCode);
        }
    }

    public sealed class OnPostgreSql() : PublicRequestsHttpTests(TestProvider.PostgreSql);

    internal static readonly byte[] Pdf = [.. "%PDF-1.4\n"u8, .. new byte[500]];

    protected TestProvider Provider { get; } = provider;

    private sealed class PortalApp(int postsPerMinute, TestProvider provider) : AppFactory(provider)
    {
        protected override Dictionary<string, string?> Settings { get; } = new()
        {
            ["PublicRequests:PostsPerMinute"] = postsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PublicRequests:MinFillSeconds"] = "0",
        };
    }

    [Fact]
    public async Task A_request_posted_without_javascript_gets_a_code_and_pin_and_a_bad_one_keeps_what_was_typed()
    {
        using var app = new PortalApp(1000, Provider);
        using var client = HttpLogin.AnonymousClient(app);

        var bad = await PostRequestAsync(app, client, name: "Siti Rahmah", description: "Pendek", email: "", phone: "", withFile: true);
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("value=\"Siti Rahmah\"", badHtml);
        Assert.Contains(">Pendek</textarea>", badHtml);
        Assert.Contains("Uraian terlalu singkat", badHtml);
        Assert.Contains("Isi email atau nomor WhatsApp", badHtml);
        Assert.Contains("Pilih lagi berkas lampiran", badHtml);

        var (code, pin) = await SubmitAsync(app, client);
        Assert.Matches("^UMKM-2026-\\d{6}$", code);
        Assert.Matches("^\\d{8}$", pin);
        await using var db = await DbAsync(app);
        Assert.Equal(TicketChannel.Portal, (await db.Set<Ticket>().SingleAsync(t => t.Code == code)).Channel);
    }

    [Fact]
    public async Task A_filled_honeypot_is_politely_refused_and_nothing_is_saved()
    {
        using var app = new PortalApp(1000, Provider);
        using var client = HttpLogin.AnonymousClient(app);

        var response = await PostRequestAsync(app, client, honeypot: "http://spam.example");

        Assert.Contains("belum dapat kami terima", await response.Content.ReadAsStringAsync());
        await using var db = await DbAsync(app);
        Assert.False(await db.Set<Ticket>().AnyAsync());
    }

    [Fact]
    public async Task Unknown_codes_and_wrong_pins_read_the_same_and_five_wrong_pins_lock_the_code_even_for_the_right_pin()
    {
        using var app = new PortalApp(1000, Provider);
        using var client = HttpLogin.AnonymousClient(app);
        var (code, pin) = await SubmitAsync(app, client);

        var unknown = Error(await (await LookupAsync(client, "UMKM-2026-999999", pin)).Content.ReadAsStringAsync());
        var wrong = Error(await (await LookupAsync(client, code, "00000000")).Content.ReadAsStringAsync());
        Assert.Equal(unknown, wrong);
        Assert.Contains("tidak cocok", wrong);
        for (var i = 0; i < 4; i++)
        {
            await LookupAsync(client, code, $"1111111{i}");
        }

        var locked = await LookupAsync(client, code, pin);

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("Terlalu banyak percobaan yang salah", Error(await locked.Content.ReadAsStringAsync()));
        Assert.Null(locked.Headers.Location);
        for (var i = 0; i < 5; i++)
        {
            await LookupAsync(client, "UMKM-2026-888888", "22222222");
        }

        Assert.Equal(Error(await locked.Content.ReadAsStringAsync()), Error(await (await LookupAsync(client, "UMKM-2026-888888", "22222222")).Content.ReadAsStringAsync()));
        app.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.Redirect, (await LookupAsync(client, code, pin)).StatusCode);
    }

    [Fact]
    public async Task Tracking_shows_replies_and_status_never_internal_notes_or_officer_names_and_files_need_the_tracking_cookie()
    {
        using var app = new PortalApp(1000, Provider);
        using var applicant = HttpLogin.AnonymousClient(app);
        var (code, pin) = await SubmitAsync(app, applicant);
        int attachmentId;
        await using (var db = await DbAsync(app))
        {
            var ticket = await db.Set<Ticket>().SingleAsync(t => t.Code == code);
            attachmentId = (await db.Set<TicketAttachment>().SingleAsync(a => a.TicketId == ticket.Id)).Id;
            var at = app.Clock.GetUtcNow().UtcDateTime;
            db.AddRange(
                new TicketEvent { TicketId = ticket.Id, Kind = TicketEventKind.NoteAdded, Text = "RAHASIA: pemohon pernah ditolak", ByUserId = "u1", ByName = "Ahmad Fauzi", AtUtc = at },
                new TicketEvent { TicketId = ticket.Id, Kind = TicketEventKind.Replied, Text = "Berkas Anda sudah kami terima.", ByUserId = "u1", ByName = "Ahmad Fauzi", AtUtc = at });
            await db.SaveChangesAsync();
        }

        var opened = await LookupAsync(applicant, code, pin);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var cookie = Assert.Single(opened.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".KopUkm.Lacak=", StringComparison.Ordinal));
        Assert.Contains("path=/lacak", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        var page = await applicant.GetStringAsync("/lacak");

        Assert.Contains(code, page);
        Assert.Contains("Berkas Anda sudah kami terima.", page);
        Assert.Contains("Petugas Bidang Usaha Mikro", page);
        Assert.DoesNotContain("RAHASIA", page);
        Assert.DoesNotContain("Ahmad", page);
        var file = await applicant.GetAsync($"/lacak/lampiran/{attachmentId}");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(Pdf, await file.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);

        // Where the content lives: the data folder on SQLite (one instance), the shared database on PostgreSQL.
        var attachmentFolder = Path.Combine(app.DataFolder, "attachments");
        var onDisk = Directory.Exists(attachmentFolder) ? Directory.GetFiles(attachmentFolder).Length : 0;
        await using (var db = await DbAsync(app))
        {
            var storedName = await db.Set<TicketAttachment>().Where(a => a.Id == attachmentId).Select(a => a.StoredName).SingleAsync();
            var inDatabase = await db.Set<TicketAttachmentContent>().Where(c => c.StoredName == storedName).Select(c => c.Content).SingleOrDefaultAsync();
            if (Provider == TestProvider.PostgreSql)
            {
                Assert.Equal(Pdf, inDatabase);
                Assert.Equal(0, onDisk);
            }
            else
            {
                Assert.Null(inDatabase);
                Assert.Equal(Pdf, await File.ReadAllBytesAsync(Path.Combine(attachmentFolder, storedName)));
            }
        }

        using var stranger = HttpLogin.AnonymousClient(app);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/lacak/lampiran/{attachmentId}")).StatusCode);
        Assert.DoesNotContain(code, await stranger.GetStringAsync("/lacak"));
    }

    private static async Task<AppDbContext> DbAsync(AppFactory app) =>
        await app.Services.CreateScope().ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    internal static async Task<(string Code, string Pin)> SubmitAsync(AppFactory app, HttpClient client)
    {
        var response = await PostRequestAsync(app, client);
        var html = await response.Content.ReadAsStringAsync();
        var code = CodePattern().Match(html).Groups[1].Value;
        var pin = PinPattern().Match(html).Groups[1].Value;
        Assert.True(code.Length > 0 && pin.Length > 0, html.Length > 3000 ? html[^3000..] : html);
        return (code, pin);
    }

    private static async Task<HttpResponseMessage> PostRequestAsync(
        AppFactory app, HttpClient client, string name = "Siti Rahmah", string description = "Saya ingin dibantu membuat NIB untuk usaha keripik.",
        string email = "siti@contoh.id", string phone = "0812 7788 9900", string honeypot = "", bool withFile = true)
    {
        var page = await client.GetStringAsync("/ajukan");
        int serviceId, regionId;
        await using (var db = await DbAsync(app))
        {
            serviceId = await db.Set<ServiceType>().Where(s => s.Code == "NIB-OSS").Select(s => s.Id).SingleAsync();
            regionId = await db.Set<Region>().OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
        }

        var form = new MultipartFormDataContent
        {
            { new StringContent("ajukan"), "_handler" },
            { new StringContent(TokenPattern().Match(page).Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent(StartedPattern().Match(page).Groups[1].Value), "Input.Started" },
            { new StringContent(honeypot), "Input.Website" },
            { new StringContent(name), "Input.Form.ApplicantName" },
            { new StringContent(email), "Input.Form.Email" },
            { new StringContent(phone), "Input.Form.Phone" },
            { new StringContent(serviceId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Input.Form.ServiceTypeId" },
            { new StringContent(regionId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Input.Form.RegionId" },
            { new StringContent(""), "Input.Form.BusinessName" },
            { new StringContent(""), "Input.Form.Nib" },
            { new StringContent(description), "Input.Form.Description" },
            { new StringContent("true"), "Input.Form.Consent" },
        };
        if (withFile)
        {
            var file = new ByteArrayContent(Pdf);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "files", "akta.pdf");
        }

        return await client.PostAsync("/ajukan", form);
    }

    internal static async Task<HttpResponseMessage> LookupAsync(HttpClient client, string code, string pin)
    {
        var page = await client.GetStringAsync("/lacak");
        return await client.PostAsync("/lacak", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "lacak",
            ["__RequestVerificationToken"] = TokenPattern().Match(page).Groups[1].Value,
            ["Lookup.Code"] = code,
            ["Lookup.Pin"] = pin,
        }));
    }

    internal static string Error(string html) => ErrorPattern().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"Input.Started\" value=\"([^\"]+)\"")]
    private static partial Regex StartedPattern();

    [GeneratedRegex("data-testid=\"apply-code\">([^<]+)<")]
    private static partial Regex CodePattern();

    [GeneratedRegex("data-testid=\"apply-pin\">([^<]+)<")]
    private static partial Regex PinPattern();

    [GeneratedRegex("data-testid=\"track-error\">([^<]+)<")]
    private static partial Regex ErrorPattern();
}
