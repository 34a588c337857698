using System.Net;
using System.Text;
using CsvHelper;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.ServiceCatalog;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Localization;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace KopUkm.Dashboard.Tests.Features.Metrics;

/// <summary>The export endpoints on the real pipeline: the files' content, and who may download them.</summary>
public sealed class MetricsExportTests(AppFactory factory) : IClassFixture<AppFactory>, IAsyncLifetime
{
    // A past month, so the host's real clock always accepts it: October 2026, compared with September.
    private const string Period = "2026-10";

    public async Task InitializeAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        if (await db.Set<Ticket>().AnyAsync(t => t.Code.StartsWith("EKSPOR")))
        {
            return;
        }

        var umk = await db.Set<Division>().Where(d => d.Code == "UMK").Select(d => d.Id).SingleAsync();
        var service = await db.Set<ServiceType>().Where(s => s.ResolutionWorkingDays > 0).Select(s => s.Id).FirstAsync();
        // UMK in October: two resolved, 60 and 180 working minutes, one of them past its target → 50% met.
        // September: one resolved within target.
        Ticket Resolved(string code, DateTime resolved, SlaStatus sla, int minutes) => new()
        {
            Code = code, ApplicantName = "Pemohon", Description = "Ekspor", ServiceTypeId = service, DivisionId = umk,
            CreatedAtUtc = resolved.AddDays(-1), ResolvedAtUtc = resolved, Status = TicketStatus.Selesai, ResolutionSla = sla,
            ResolutionWorkingMinutes = minutes, FirstRespondedAtUtc = resolved.AddHours(-20), FirstResponseWorkingMinutes = 30,
        };
        db.AddRange(
            Resolved("EKSPOR-1", WibTime.ToUtc(new DateTime(2026, 10, 7, 10, 0, 0)), SlaStatus.Met, 60),
            Resolved("EKSPOR-2", WibTime.ToUtc(new DateTime(2026, 10, 8, 10, 0, 0)), SlaStatus.Breached, 180),
            Resolved("EKSPOR-3", WibTime.ToUtc(new DateTime(2026, 9, 8, 10, 0, 0)), SlaStatus.Met, 90));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void Csv_cells_that_a_spreadsheet_would_run_as_formulas_are_neutralised()
    {
        // Division names are typed in by administrators, so a name can start with anything.
        var table = new KopUkm.Dashboard.Features.Metrics.MetricsExportTable(
            ["Kode", "Bidang", "Kepatuhan SLA"],
            [["=1+1", "=HYPERLINK(\"http://contoh.invalid\",\"Klik\")", 50.0], ["@X", "+Bidang", -2.5], ["UMK", "\t=1", null]]);

        var cells = KopUkm.Dashboard.Tests.Common.CsvFileTests.ReadCells(KopUkm.Dashboard.Features.Metrics.MetricsExportEndpoints.ToCsv(table));

        Assert.Equal(["Kode", "Bidang", "Kepatuhan SLA"], cells[0]);
        Assert.Equal(["'=1+1", "'=HYPERLINK(\"http://contoh.invalid\",\"Klik\")", "50.0"], cells[1]);
        Assert.Equal(["'@X", "'+Bidang", "'-2.5"], cells[2]);
        Assert.Equal(["UMK", "'\t=1", ""], cells[3]);
    }

    [Fact]
    public async Task The_csv_has_a_bom_a_header_per_metric_and_period_and_one_row_per_division_and_the_office()
    {
        var client = await HttpLogin.SignedInClientAsync(factory, "pimpinan@kopukm.demo", DemoUsers.Password);

        var response = await client.GetAsync($"/metrik/ekspor?format=csv&periode={Period}");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("metrik-koordinasi-2026-10.csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = ReadCsv(bytes);
        var header = rows[0];
        Assert.Equal(["Kode bidang", "Bidang", "Kepatuhan SLA (%) — Oktober 2026", "Kepatuhan SLA (%) — September 2026"], header[..4]);
        Assert.Contains("Tanggapan pertama, median (jam kerja) — Oktober 2026", header);
        // Content is measured now only: one column, no previous period.
        Assert.Contains("Konten mutakhir saat ini (%)", header);
        Assert.DoesNotContain(header, h => h.StartsWith("Konten mutakhir saat ini (%) —", StringComparison.Ordinal));
        // Seven divisions and the office.
        Assert.Equal(1 + 7 + 1, rows.Count);
        var umk = rows.Single(r => r[0] == "UMK");
        Assert.Equal("Bidang Usaha Mikro", umk[1]);
        // 1 of 2 met = 50%, September 1 of 1 = 100%; numbers with a decimal point; nothing measured = empty.
        Assert.Equal(["50.0", "100.0"], umk[2..4]);
        Assert.Equal("2", umk[header.IndexOf("Tiket selesai — Oktober 2026")]);
        // Resolution median of 60 and 180 minutes: rank 1 → 1.0 working hour.
        Assert.Equal("1.0", umk[header.IndexOf("Waktu penyelesaian, median (jam kerja) — Oktober 2026")]);
        var klm = rows.Single(r => r[0] == "KLM");
        Assert.Equal("", klm[2]);
        var office = rows[^1];
        Assert.Equal(("", "Seluruh kantor", "50.0"), (office[0], office[1], office[2]));
    }

    [Fact]
    public async Task The_excel_file_opens_with_the_division_table_and_a_sheet_of_registration_stages()
    {
        var client = await HttpLogin.SignedInClientAsync(factory, "admin@kopukm.demo", DemoUsers.Password);

        var response = await client.GetAsync($"/metrik/ekspor?format=xlsx&periode={Period}");
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Metrik per bidang", "Tahap pendaftaran"], stream.GetSheetNames());
        var rows = stream.Query(useHeaderRow: true, sheetName: "Metrik per bidang").Cast<IDictionary<string, object?>>().ToList();
        var umk = rows.Single(r => Equals(r["Kode bidang"], "UMK"));
        Assert.Equal(50.0, Convert.ToDouble(umk["Kepatuhan SLA (%) — Oktober 2026"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Seluruh kantor", rows[^1]["Bidang"]?.ToString());
        var stages = stream.Query(useHeaderRow: true, sheetName: "Tahap pendaftaran").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["Diajukan", "Verifikasi Dokumen", "Perlu Perbaikan", "Verifikasi Lapangan"], stages.Select(s => s["Tahap"]?.ToString()));
    }

    [Theory]
    [InlineData("kabid.klm@kopukm.demo")]
    [InlineData("staf.ti@kopukm.demo")]
    [InlineData("petugas.umk@kopukm.demo")]
    public async Task Other_roles_are_refused_the_exports(string email)
    {
        var client = await HttpLogin.SignedInClientAsync(factory, email, DemoUsers.Password);

        var response = await client.GetAsync($"/metrik/ekspor?format=csv&periode={Period}");

        // A signed-in user without the permission is sent to the access-denied page, and gets no file.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/metrik/cetak")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var response = await HttpLogin.AnonymousClient(factory).GetAsync($"/metrik/ekspor?format=xlsx&periode={Period}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private static List<List<string>> ReadCsv(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = CsvReader.Create(reader, new CsvReaderOptions { HasHeader = false }, leaveOpen: false);
        var rows = new List<List<string>>();
        while (csv.Read())
        {
            rows.Add([.. Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i) ?? "")]);
        }

        return rows;
    }
}
