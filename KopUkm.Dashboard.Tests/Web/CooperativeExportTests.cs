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

public sealed class CooperativeExportTests(AppFactory factory) : IClassFixture<AppFactory>, IAsyncLifetime
{
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
            new Cooperative { Name = "Ekspor Dua", NormalizedName = "EKSPOR DUA", RegionId = regions["15.01"], MemberCount = 12, ActivityStatus = ActivityStatus.TidakAktif });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

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
    public async Task Exports_and_the_template_need_a_signed_in_user()
    {
        var anonymous = HttpLogin.AnonymousClient(factory);

        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/koperasi/ekspor?format=csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/koperasi/impor/templat")).StatusCode);
    }
}
