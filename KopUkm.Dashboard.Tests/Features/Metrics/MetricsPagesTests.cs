using Bunit;
using KopUkm.Dashboard.Features.Metrics;
using KopUkm.Dashboard.Features.Metrics.Pages;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using static KopUkm.Dashboard.Tests.Features.Metrics.MetricsTestData;

namespace KopUkm.Dashboard.Tests.Features.Metrics;

/// <summary>The metrics page and its print view rendered with bunit over the real service on a real SQLite file.</summary>
public sealed class MetricsPagesTests : AppBunitContext, IAsyncLifetime
{
    private TestServices app = default!;
    private MetricsTestData data = default!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        app = await TestServices.CreateAsync(validateScopes: false);
        UseApp(app);
        data = await MetricsTestData.CreateAsync(app);
        SignInAs(AppRoles.Pimpinan);
        // UMK resolved three in November (two within target) and one in October; KLM none.
        await data.TicketAsync(data.Umk, Wib(11, 2), resolved: Wib(11, 3), resolution: SlaStatus.Met, resolutionMinutes: 60);
        await data.TicketAsync(data.Umk, Wib(11, 2), resolved: Wib(11, 4), resolution: SlaStatus.Met, resolutionMinutes: 90);
        await data.TicketAsync(data.Umk, Wib(11, 2), resolved: Wib(11, 5), resolution: SlaStatus.Breached, resolutionMinutes: 900);
        await data.TicketAsync(data.Umk, Wib(10, 2), resolved: Wib(10, 3), resolution: SlaStatus.Met, resolutionMinutes: 60);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public void The_page_shows_the_current_month_with_a_row_per_division_trends_and_definitions()
    {
        var page = Render<MetricsPage>();

        page.WaitForAssertion(() => Assert.Equal(8, page.FindAll("[data-testid=metrics-table] tbody tr").Count));
        Assert.Equal("November 2026", page.Find("[data-testid=metrics-period-label]").TextContent.Trim());
        Assert.Contains("Dibandingkan dengan Oktober 2026", page.Find("[data-testid=metrics-note]").TextContent, StringComparison.Ordinal);
        var umk = page.Find("tr[data-division=UMK]");
        // 2 of 3 met; October 1 of 1: the share fell, which is bad, so the arrow points down in red.
        var sla = umk.QuerySelector("td[data-metric=SlaCompliance]")!;
        Assert.Equal("66,7%", sla.QuerySelector("[data-value]")!.TextContent.Trim());
        Assert.Equal("down", sla.QuerySelector("[data-trend]")!.GetAttribute("data-trend"));
        Assert.Contains("metrics-bad", sla.QuerySelector("[data-trend]")!.ClassName, StringComparison.Ordinal);
        Assert.Contains("Oktober 2026: 100,0%", sla.GetAttribute("title"), StringComparison.Ordinal);
        // Throughput rose from 1 to 3: good, green.
        var throughput = umk.QuerySelector("td[data-metric=Throughput]")!;
        Assert.Equal("3", throughput.QuerySelector("[data-value]")!.TextContent.Trim());
        Assert.Contains("metrics-good", throughput.QuerySelector("[data-trend]")!.ClassName, StringComparison.Ordinal);
        // The IKM column: no survey answered in this month yet, so a dash, for each division and the office.
        Assert.Equal("–", umk.QuerySelector("td[data-metric=Ikm] [data-value]")!.TextContent.Trim());
        Assert.Equal("–", page.Find("tr[data-division=office] td[data-metric=Ikm] [data-value]").TextContent.Trim());
        // KLM resolved nothing: a dash that says why, never NaN.
        var klmSla = page.Find("tr[data-division=KLM] td[data-metric=SlaCompliance]");
        Assert.Equal("–", klmSla.QuerySelector("[data-value]")!.TextContent.Trim());
        Assert.Contains("Tidak ada tiket bertarget yang selesai", klmSla.GetAttribute("title"), StringComparison.Ordinal);
        // (The tab bar's slider is placed by the browser; without one its inline position is not a number.)
        Assert.DoesNotContain("NaN", System.Text.RegularExpressions.Regex.Replace(page.Markup, "mud-tab-slider[^\"]*\" style=\"[^\"]*\"", ""), StringComparison.Ordinal);
        // Every column group has its definition button; the office row closes the table.
        Assert.Equal(Enum.GetValues<MetricGroup>().Length, page.FindAll("[data-definition]").Count);
        Assert.Equal("Seluruh kantor", page.Find("tr[data-division=office] th").TextContent.Trim());
        // The export links carry the period.
        Assert.EndsWith("/metrik/ekspor?format=xlsx&periode=2026-11", page.Find("[data-testid=metrics-export-xlsx]").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_period_picker_moves_to_the_previous_period_through_the_address()
    {
        var page = Render<MetricsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=metrics-table]")));
        // The running month has no next one yet.
        Assert.True(page.Find("[data-testid=metrics-next]").HasAttribute("disabled"));

        page.Find("[data-testid=metrics-previous]").Click();

        Assert.EndsWith("/metrik?periode=2026-10", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void A_period_in_the_address_is_shown_and_the_print_view_writes_the_previous_values_out()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/metrik/cetak?periode=2026-10");

        var page = Render<MetricsPrintPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=metrics-table]")));
        Assert.Contains("Dinas Koperasi dan UKM Provinsi Jambi", page.Markup, StringComparison.Ordinal);
        Assert.Contains("Periode: Oktober 2026", page.Markup, StringComparison.Ordinal);
        Assert.Contains("Dibuat 23 Nov 2026 09.00 WIB", page.Find("[data-testid=metrics-generated]").TextContent, StringComparison.Ordinal);
        var umk = page.Find("tr[data-division=UMK] td[data-metric=SlaCompliance]");
        Assert.Equal("100,0%", umk.QuerySelector("[data-value]")!.TextContent.Trim());
        // September had nothing for UMK: the previous value is a dash, and paper has no tooltips.
        Assert.Equal("–", umk.QuerySelector(".metrics-previous")!.TextContent.Trim());
        Assert.Null(umk.GetAttribute("title"));
        Assert.Empty(page.FindAll("[data-definition]"));
        Assert.Contains("Definisi metrik", page.Markup, StringComparison.Ordinal);
    }
}
