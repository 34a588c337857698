using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;
using Bunit;
using KopUkm.Dashboard.Data.Auditing;
using KopUkm.Dashboard.Features.Audit.Pages;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Tests.Features.Tickets;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace KopUkm.Dashboard.Tests.Features.Audit;

/// <summary>The audit log page rendered with bunit over the real service on a real SQLite file.</summary>
public sealed class AuditLogPageTests : AppBunitContext, IAsyncLifetime
{
    private TestServices app = default!;
    private int ticket;

    async Task IAsyncLifetime.InitializeAsync()
    {
        app = await TestServices.CreateAsync(validateScopes: false);
        UseApp(app);
        var umk = await TicketTestData.UmkAsync(app);
        app.User.Current = FakeCurrentUser.As(AppRoles.Petugas, umk, "clerk", name: "Dewi Loket", divisionCode: "UMK");
        ticket = await TicketTestData.CreateNibRequestAsync(app, "Siti Rahmah");
        var officer = await app.CreateUserAsync("yusuf@umk.test", "Yusuf Hidayat", AppRoles.Petugas, umk);
        app.User.Current = FakeCurrentUser.As(AppRoles.KepalaBidang, umk, "head", name: "Hendra Kabid", divisionCode: "UMK");
        var view = (await app.Get<TicketDetails>().GetAsync(ticket))!;
        Assert.True((await app.Get<TicketAssignment>().AssignAsync(ticket, view.Ticket.Version, officer, null)).Succeeded);
        // Nobody answers the applicant: two days on, the monitor records the breach of the first-response target.
        app.Clock.Advance(TimeSpan.FromDays(2));
        await app.Job<TicketSlaRefreshJob>().RunAsync(CancellationToken.None);
        app.ActAs(AppRoles.Administrator, null, "admin");
        SignInAs(AppRoles.Administrator);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public void A_records_history_reads_in_the_offices_words_with_wib_times_and_names_instead_of_ids()
    {
        var page = RenderLog($"/administrasi/riwayat?entitas=Ticket&kunci={ticket}");

        var rows = Rows(page);
        Assert.All(rows, r => Assert.StartsWith("Tiket #" + ticket, Cell(r, "record"), StringComparison.Ordinal));
        // Newest first: the monitor's breach, the head's assignment, ..., the clerk's intake.
        var breach = rows[0];
        Assert.Equal("Sistem · Pemantau SLA", Cell(breach, "who"));
        Assert.Equal("25 Nov 2026 09.00 WIB", Cell(breach, "when"));
        Assert.Equal("Pernah melewati SLA: Tidak → Ya", Change(breach, "EverBreached"));
        var assignment = rows[1];
        Assert.Equal("Hendra Kabid", Cell(assignment, "who"));
        Assert.Equal("Petugas: – → Yusuf Hidayat", Change(assignment, "AssignedUserId"));
        Assert.Equal("Status: Baru → Ditugaskan", Change(assignment, "Status"));
        Assert.Equal("Kode: – → UMKM-2026-000001", Change(rows[2], "Code"));
        var intake = rows[^1];
        Assert.Equal("Dewi Loket", Cell(intake, "who"));
        Assert.Equal("Kanal: Datang langsung", Change(intake, "Channel"));
        // An addition lists only the fields that hold something, the first few until asked for the rest.
        Assert.Null(intake.QuerySelector("[data-field=BusinessName]"));
        intake.QuerySelector("[data-more]")!.Click();
        intake = Rows(page)[^1];
        Assert.Equal("Bidang penanggung jawab: Bidang Usaha Mikro", Change(intake, "DivisionId"));
        Assert.Equal("Diterima: 23 Nov 2026 09.00 WIB", Change(intake, "CreatedAtUtc"));
        Assert.Equal("Pernah melewati SLA: Tidak", Change(intake, "EverBreached"));
        // The snapshot columns the monitor recomputes are nowhere in the history.
        Assert.DoesNotContain(rows, r => r.QuerySelector("[data-field=SlaRefreshedAtUtc]") is not null);
        Assert.DoesNotContain("AssignedUserId", page.Find("[data-testid=audit-grid]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Automatic_updates_recorded_before_show_only_when_asked_for()
    {
        await using (var db = await app.DbAsync())
        {
            db.Add(new AuditEntry
            {
                OccurredAtUtc = app.Clock.GetUtcNow().UtcDateTime,
                ActorName = "Sistem",
                EntityType = nameof(Ticket),
                EntityKey = ticket.ToString(CultureInfo.InvariantCulture),
                Action = AuditAction.Update,
                ChangesJson = JsonSerializer.Serialize(new[] { new AuditFieldChange("ResolutionMinutesLeft", "2250", "1800") }),
                IsProjection = true,
            });
            await db.SaveChangesAsync();
        }

        var page = RenderLog($"/administrasi/riwayat?entitas=Ticket&kunci={ticket}");
        var before = Rows(page).Count;
        Assert.Empty(page.FindAll("[data-projection]"));

        page.Find("input[data-testid=audit-show-automatic]").Change(true);

        page.WaitForAssertion(() => Assert.Equal(before + 1, Rows(page).Count));
        var automatic = Rows(page).Single(r => r.QuerySelector("[data-projection]") is not null);
        Assert.Equal("Sisa menit kerja penyelesaian: 2250 → 1800", Change(automatic, "ResolutionMinutesLeft"));
    }

    [Fact]
    public void The_whole_log_pages_on_the_server_fifty_rows_at_a_time()
    {
        var page = RenderLog("/administrasi/riwayat");
        Assert.Equal(50, Rows(page).Count);
        var firstId = Rows(page)[0].TextContent;

        page.Find("button[aria-label='Halaman berikutnya']").Click();

        page.WaitForAssertion(() =>
        {
            Assert.Contains(page.FindAll(".mud-table-pagination-caption"), c => c.TextContent.Trim().StartsWith("51–100 dari ", StringComparison.Ordinal));
            Assert.NotEqual(firstId, Rows(page)[0].TextContent);
        });
    }

    private IRenderedComponent<AuditLogPage> RenderLog(string address)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        var page = Render<AuditLogPage>();
        page.WaitForAssertion(() =>
        {
            Assert.Empty(page.FindAll("[data-testid=audit-grid] .mud-table-loading"));
            Assert.NotEmpty(Rows(page));
        });
        return page;
    }

    private static List<IElement> Rows(IRenderedComponent<AuditLogPage> page) => [.. page.FindAll("[data-testid=audit-grid] tbody tr.mud-table-row")];

    private static string Cell(IElement row, string cell) => Normalize(row.QuerySelector($"[data-cell={cell}]")!.TextContent);

    private static string Change(IElement row, string field) => Normalize(row.QuerySelector($"[data-field={field}]")!.TextContent);

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
