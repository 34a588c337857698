using System.Net;
using System.Text.RegularExpressions;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.ServiceCatalog;
using KopUkm.Dashboard.Features.Surveys;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KopUkm.Dashboard.Tests.Web;

/// <summary>/survei and /kinerja over HTTP, as a browser without JavaScript would use them, on both databases.</summary>
public abstract partial class IkmSurveyHttpTests(TestProvider provider)
{
    public sealed class OnSqlite() : IkmSurveyHttpTests(TestProvider.Sqlite);

    public sealed class OnPostgreSql() : IkmSurveyHttpTests(TestProvider.PostgreSql);

    private sealed class SurveyApp(TestProvider provider) : AppFactory(provider)
    {
        protected override Dictionary<string, string?> Settings { get; } = new()
        {
            ["PublicRequests:PostsPerMinute"] = "1000",
            ["PublicRequests:MinFillSeconds"] = "0",
        };
    }

    /// <summary>A resolved request of a named applicant with an open survey; returns the survey's token.</summary>
    private static async Task<string> ResolvedRequestAsync(AppFactory app, string applicant = "Rahmat Hidayat Sulaiman")
    {
        using var scope = app.Services.CreateScope();
        var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var service = await db.Set<ServiceType>().OrderBy(s => s.Id).FirstAsync(s => s.IsActive);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var ticket = new Ticket
        {
            Code = "UMKM-2026-" + Random.Shared.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ApplicantName = applicant, Phone = "0812 1111 2222", Email = "rahmat@contoh.id", ServiceTypeId = service.Id, DivisionId = service.OwnerDivisionId,
            Channel = TicketChannel.DatangLangsung, Description = "Permohonan uji survei.", Status = TicketStatus.Selesai,
            CreatedAtUtc = now.AddDays(-40), ResolvedAtUtc = now.AddDays(-35), ResolutionSla = SlaStatus.Met, ResolutionWorkingMinutes = 900,
        };
        db.Add(ticket);
        await db.SaveChangesAsync();
        db.Add(new IkmSurvey { TicketId = ticket.Id, ServiceTypeId = service.Id, DivisionId = service.OwnerDivisionId, InvitedAtUtc = now.AddDays(-1), ExpiresAtUtc = now.AddDays(29) });
        await db.SaveChangesAsync();
        return scope.ServiceProvider.GetRequiredService<IkmSurveyLinks>().TokenFor(ticket.Id);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string token, IEnumerable<KeyValuePair<string, string>> answers)
    {
        var page = await client.GetStringAsync("/survei?t=" + Uri.EscapeDataString(token));
        var fields = new List<KeyValuePair<string, string>>
        {
            new("_handler", "survei"),
            new("__RequestVerificationToken", Hidden(page, "__RequestVerificationToken")),
            new("Input.Token", token),
            new("Input.Started", Hidden(page, "Input.Started")),
            new("Input.Website", ""),
        };
        fields.AddRange(answers);
        return await client.PostAsync("/survei?t=" + Uri.EscapeDataString(token), new FormUrlEncodedContent(fields));
    }

    private static string Hidden(string html, string name) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"").Groups[1].Value);

    [Fact]
    public async Task Missing_answers_get_a_message_per_element_and_keep_what_was_chosen_and_typed_then_a_full_answer_is_thanked_once()
    {
        using var app = new SurveyApp(provider);
        using var client = HttpLogin.AnonymousClient(app);
        var token = await ResolvedRequestAsync(app);

        var bad = await PostAsync(client, token, [new("Input.Answers.U1", "3"), new("Input.Answers.Suggestion", "Ruang tunggu perlu kipas angin.")]);
        var badHtml = await bad.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Pilih satu jawaban untuk unsur 2.", badHtml);
        Assert.Contains("Pilih satu jawaban untuk unsur 9.", badHtml);
        Assert.DoesNotContain("unsur 1.", badHtml);
        Assert.Contains(">Ruang tunggu perlu kipas angin.</textarea>", badHtml);
        Assert.Matches("id=\"s-u1-3\" name=\"Input.Answers.U1\" value=\"3\" checked", badHtml);

        var all = Enumerable.Range(1, 9).Select(i => new KeyValuePair<string, string>($"Input.Answers.U{i}", "4")).Append(new("Input.Answers.Gender", "Perempuan"));
        var good = await PostAsync(client, token, all);
        Assert.Contains("data-testid=\"survey-thanks\"", await good.Content.ReadAsStringAsync());
        var again = await client.GetStringAsync("/survei?t=" + Uri.EscapeDataString(token));
        Assert.Contains("data-state=\"Answered\"", again);
        Assert.Contains("sudah diisi", again);
    }

    [Fact]
    public async Task A_filled_honeypot_saves_nothing_and_a_forged_link_says_so()
    {
        using var app = new SurveyApp(provider);
        using var client = HttpLogin.AnonymousClient(app);
        var token = await ResolvedRequestAsync(app);
        var page = await client.GetStringAsync("/survei?t=" + Uri.EscapeDataString(token));
        var fields = Enumerable.Range(1, 9).Select(i => new KeyValuePair<string, string>($"Input.Answers.U{i}", "4")).Concat(
        [
            new("_handler", "survei"), new("__RequestVerificationToken", Hidden(page, "__RequestVerificationToken")), new("Input.Token", token),
            new("Input.Started", Hidden(page, "Input.Started")), new("Input.Website", "http://spam.example"),
        ]);

        var refused = await client.PostAsync("/survei", new FormUrlEncodedContent(fields));

        Assert.Contains("data-testid=\"survey-refused\"", await refused.Content.ReadAsStringAsync());
        using var scope = app.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.False(await db.Set<IkmSurvey>().AnyAsync(s => s.AnsweredAtUtc != null));
        Assert.Contains("data-state=\"NotFound\"", await client.GetStringAsync("/survei?t=palsu"));
    }

    [Fact]
    public async Task The_performance_page_shows_aggregates_and_ikm_without_any_applicants_name_and_the_home_page_links_it()
    {
        using var app = new SurveyApp(provider);
        using var client = HttpLogin.AnonymousClient(app);
        var token = await ResolvedRequestAsync(app, applicant: "Rahmat Hidayat Sulaiman");
        var all = Enumerable.Range(1, 9).Select(i => new KeyValuePair<string, string>($"Input.Answers.U{i}", "3"));
        Assert.True((await PostAsync(client, token, all)).IsSuccessStatusCode);
        // The page covers the 12 full months before the current one: the answer and its request move to last month.
        using (var scope = app.Services.CreateScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            var lastMonth = app.Clock.GetUtcNow().UtcDateTime.AddDays(-35);
            await db.Set<IkmSurvey>().ExecuteUpdateAsync(u => u.SetProperty(s => s.AnsweredAtUtc, lastMonth));
        }

        var response = await client.GetAsync("/kinerja");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kinerja layanan", html);
        Assert.Contains("data-testid=\"kin-chart\"", html);
        // 9 × 3 = 27; NRR 3 each; IKM = 25 × 27 / 9 = 75,00 (C).
        Assert.Matches("data-testid=\"kin-office-ikm\">75,00 (·|&#xB7;) C \\(Kurang Baik\\)<", html);
        Assert.DoesNotContain("Rahmat", html);
        Assert.DoesNotContain("rahmat@contoh.id", html);
        Assert.DoesNotContain("0812", html);
        Assert.Contains("href=\"kinerja\"", await client.GetStringAsync("/publik"));
    }
}
