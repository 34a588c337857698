using Bunit;
using KopUkm.Dashboard.Features.Content.Standards;
using KopUkm.Dashboard.Features.PublicPortal.Standards;
using KopUkm.Dashboard.Features.ServiceCatalog;
using KopUkm.Dashboard.Tests.TestInfrastructure;

namespace KopUkm.Dashboard.Tests.Features.PublicPortal.Standards;

/// <summary>The one-page SOP of a service: the catalogue's facts and the six components of its published standard.</summary>
public sealed class StandardPrintPageTests : AppBunitContext, IAsyncLifetime
{
    private TestServices app = default!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        app = await TestServices.CreateAsync(validateScopes: false);
        UseApp(app);
        await app.Get<ServiceStandardDemoSeeder>().SeedAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task The_sop_shows_the_service_its_targets_and_the_six_published_components_in_order()
    {
        var service = (await app.Get<ServiceCatalogService>().ListAsync()).Single(s => s.Code == "NIB-OSS");

        var page = Render<StandardPrintPage>(p => p.Add(x => x.Kode, "nib-oss"));

        Assert.Equal(service.NameId, page.Find("h1").TextContent.Trim());
        Assert.Contains("NIB-OSS", page.Find(".sop-meta").TextContent, StringComparison.Ordinal);
        Assert.Equal($"{service.FirstResponseWorkingDays} hari kerja", page.Find("[data-testid=sop-first-response]").TextContent.Trim());
        Assert.Equal($"{service.ResolutionWorkingDays} hari kerja", page.Find("[data-testid=sop-resolution]").TextContent.Trim());
        Assert.Equal(
            ["Persyaratan", "Sistem, mekanisme dan prosedur", "Jangka waktu penyelesaian", "Biaya/tarif", "Produk pelayanan", "Penanganan pengaduan, saran dan masukan"],
            page.FindAll(".sop-grid h2").Select(h => h.TextContent.Trim()));
        Assert.Contains("KTP", page.Find("[data-testid=sop-Requirements]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Tidak dipungut biaya", page.Find("[data-testid=sop-Fees]").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.FindAll("[data-testid=sop-Procedure] ol li"));
        Assert.NotEmpty(page.FindAll(".sop-legal li"));
        Assert.Contains("Terakhir ditinjau", page.Find(".sop-source").TextContent, StringComparison.Ordinal);
        Assert.Contains("/standar-pelayanan/NIB-OSS", page.Find(".sop-source").TextContent, StringComparison.Ordinal);
        // Print CSS and the print button's script come from this site (a light page: no inline script).
        Assert.NotNull(page.Find("link[href='sop.css']"));
        Assert.NotNull(page.Find("script[src='sop.js']"));
    }

    [Fact]
    public void An_unknown_or_inactive_service_has_no_sop()
    {
        var page = Render<StandardPrintPage>(p => p.Add(x => x.Kode, "TIDAK-ADA"));

        Assert.NotNull(page.Find("[data-testid=standard-not-found]"));
        Assert.Empty(page.FindAll("[data-testid=sop]"));
    }
}
