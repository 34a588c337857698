using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.Surveys.Components;
using KopUkm.Dashboard.Localization;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace KopUkm.Dashboard.Features.Surveys;

/// <summary>
/// <c>GET /metrik/ikm/ekspor?periode=2026-S2</c>: the period's IKM as an Excel file in the regulation's table layout —
/// per element NRR and NRR tertimbang, then the sum, the IKM (× 25) and the mutu pelayanan; a second sheet per division
/// and a third per service with respondents and the minimum sample. Pimpinan and administrators only.
/// </summary>
public static class IkmExportEndpoints
{
    public const string Path = "/metrik/ikm/ekspor";

    public static IEndpointRouteBuilder MapIkmFiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, async (HttpContext context, IkmResults results, IStringLocalizer<SharedResource> L, TimeProvider clock, CancellationToken ct) =>
        {
            var today = DateOnly.FromDateTime(WibTime.ToWib(clock.GetUtcNow().UtcDateTime));
            var period = IkmPeriod.ParseOrCurrent(context.Request.Query["periode"], today);
            var report = await results.ReportAsync(period, ct);
            return Results.File(ToExcel(report, L), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"ikm-{period.Key}.xlsx");
        }).RequireAuthorization(Permissions.ViewMetrics);
        return endpoints;
    }

    /// <summary>The workbook: elements (the regulation's table), divisions and services.</summary>
    public static byte[] ToExcel(IkmReport report, IStringLocalizer L)
    {
        var office = report.Office.Result;
        var elementHeader = L["Ikm.Col.Element"].Value;
        var elements = new List<Dictionary<string, object?>>();
        foreach (var e in office.Elements)
        {
            elements.Add(new(StringComparer.Ordinal)
            {
                ["No"] = $"U{e.Element}",
                [elementHeader] = L[IkmElements.NameKey(e.Element)].Value,
                [L["Ikm.Export.Sum"].Value] = e.Sum,
                ["NRR"] = Math.Round(e.Nrr, 3),
                [L["Ikm.Col.WeightedNrr"].Value] = Math.Round(e.WeightedNrr, 3),
            });
        }

        elements.Add(new(StringComparer.Ordinal)
        {
            ["No"] = "",
            [elementHeader] = L["Ikm.Export.Total"].Value,
            [L["Ikm.Export.Sum"].Value] = null,
            ["NRR"] = null,
            [L["Ikm.Col.WeightedNrr"].Value] = office.Elements.Count == 0 ? null : Math.Round(office.Elements.Sum(e => e.WeightedNrr), 3),
        });
        elements.Add(Line(L["Ikm.Export.Ikm"], office.Ikm is { } ikm ? Math.Round(ikm, 2) : null));
        elements.Add(Line(L["Ikm.Col.Quality"], IkmText.Band(office.Band, L)));
        elements.Add(Line(L["Ikm.Col.Respondents"], office.Respondents));
        elements.Add(Line(L["Ikm.Col.Population"], report.Office.Population));
        elements.Add(Line(L["Ikm.Col.Sample"], IkmText.Sample(report.Office, L)));

        Dictionary<string, object?> Line(string label, object? value) => new(StringComparer.Ordinal)
        {
            ["No"] = "",
            [elementHeader] = label,
            [L["Ikm.Export.Sum"].Value] = null,
            ["NRR"] = null,
            [L["Ikm.Col.WeightedNrr"].Value] = value,
        };

        List<Dictionary<string, object?>> Groups(IReadOnlyList<IkmGroupResult> groups) =>
        [
            .. groups.Select(g => new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                [L["Ikm.Col.Name"].Value] = g.Name,
                ["IKM"] = g.Result.Ikm is { } v ? Math.Round(v, 2) : null,
                [L["Ikm.Col.Quality"].Value] = IkmText.Band(g.Result.Band, L),
                [L["Ikm.Col.Respondents"].Value] = g.Result.Respondents,
                [L["Ikm.Col.Population"].Value] = g.Population,
                [L["Ikm.Export.MinimumSample"].Value] = g.MinimumSample,
                [L["Ikm.Col.Sample"].Value] = IkmText.Sample(g, L),
            }),
        ];

        var sheets = new Dictionary<string, object>
        {
            [L["Ikm.Export.SheetElements"]] = elements,
            [L["Ikm.Export.SheetDivisions"]] = Groups(report.Divisions),
            [L["Ikm.Export.SheetServices"]] = Groups(report.Services),
        };
        using var buffer = new MemoryStream();
        buffer.SaveAs(sheets);
        return buffer.ToArray();
    }
}
