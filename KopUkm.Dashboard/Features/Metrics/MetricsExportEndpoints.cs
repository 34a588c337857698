using System.Globalization;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Localization;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace KopUkm.Dashboard.Features.Metrics;

/// <summary>
/// <c>GET /metrik/ekspor?format=xlsx|csv&amp;periode=2026-11</c>: the period's table as a file, one row per division and
/// the office total, each metric's value and its previous-period value side by side. Pimpinan and administrators only.
/// </summary>
public static class MetricsExportEndpoints
{
    public static IEndpointRouteBuilder MapMetricsFiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(MetricsLinks.ExportPath, async (HttpContext context, CoordinationMetricsService metrics, IStringLocalizer<SharedResource> L, TimeProvider clock, CancellationToken ct) =>
        {
            var query = context.Request.Query;
            var today = DateOnly.FromDateTime(WibTime.ToWib(clock.GetUtcNow().UtcDateTime));
            var period = MetricsLinks.ParseOrCurrent(query["periode"], today);
            var report = await metrics.GetAsync(period, ct);
            var table = MetricsExportTable.Build(report, L);
            var name = $"metrik-koordinasi-{period.Key}";
            return query["format"] == "xlsx"
                ? Results.File(ToExcel(table, MetricsExportTable.Stages(report, L), L), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx")
                : Results.File(ToCsv(table), "text/csv; charset=utf-8", name + ".csv");
        }).RequireAuthorization(Permissions.ViewMetrics);
        return endpoints;
    }

    /// <summary>Like the cooperative export (<see cref="CsvFile"/>); numbers with a decimal point.</summary>
    public static byte[] ToCsv(MetricsExportTable table) =>
        CsvFile.Write(table.Rows.Select(row => (IReadOnlyList<string>)[.. row.Select(v => v switch
        {
            null => "",
            double d => d.ToString("0.0", CultureInfo.InvariantCulture),
            int i => i.ToString(CultureInfo.InvariantCulture),
            _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
        })]).Prepend(table.Header));

    /// <summary>Two sheets: the division table (numbers as numbers, empty cells where nothing was measured) and the case stages.</summary>
    public static byte[] ToExcel(MetricsExportTable table, MetricsExportTable stages, IStringLocalizer L)
    {
        static List<Dictionary<string, object?>> Sheet(MetricsExportTable t) =>
        [
            .. t.Rows.Select(row =>
            {
                var record = new Dictionary<string, object?>(StringComparer.Ordinal);
                for (var i = 0; i < t.Header.Count; i++)
                {
                    record[t.Header[i]] = row[i] is double d ? Math.Round(d, 1) : row[i];
                }

                return record;
            }),
        ];

        var sheets = new Dictionary<string, object>
        {
            [L["Metrics.Export.SheetDivisions"]] = Sheet(table),
            [L["Metrics.Export.SheetStages"]] = Sheet(stages),
        };
        using var buffer = new MemoryStream();
        buffer.SaveAs(sheets);
        return buffer.ToArray();
    }
}

/// <summary>The report flattened for a file: a header row and rows of text and numbers (null = nothing measured).</summary>
public sealed record MetricsExportTable(IReadOnlyList<string> Header, IReadOnlyList<object?[]> Rows)
{
    /// <summary>Division code and name, then per metric its value and (except for "now" metrics) the previous period's.</summary>
    public static MetricsExportTable Build(CoordinationMetricsReport report, IStringLocalizer L)
    {
        var current = MetricText.PeriodLabel(report.Period, L);
        var previous = MetricText.PeriodLabel(report.Period.Previous(), L);
        var header = new List<string> { L["Metrics.Export.DivisionCode"], L["Common.Division"] };
        foreach (var definition in CoordinationMetrics.All)
        {
            var name = L[$"Metrics.Name.{definition.Metric}"];
            if (definition.CurrentOnly)
            {
                header.Add(name);
            }
            else
            {
                header.Add($"{name} — {current}");
                header.Add($"{name} — {previous}");
            }
        }

        var rows = report.AllRows.Select(row =>
        {
            var values = new List<object?> { row.IsOffice ? "" : row.Code, MetricText.RowName(row, L) };
            foreach (var definition in CoordinationMetrics.All)
            {
                var trend = row[definition.Metric];
                values.Add(Value(definition, trend.Current));
                if (!definition.CurrentOnly)
                {
                    values.Add(trend.Previous is { } p ? Value(definition, p) : null);
                }
            }

            return values.ToArray();
        }).ToList();
        return new MetricsExportTable(header, rows);
    }

    /// <summary>The registration stages: median working days now and before, and how many stage visits ended.</summary>
    public static MetricsExportTable Stages(CoordinationMetricsReport report, IStringLocalizer L)
    {
        var header = new List<string>
        {
            L["Metrics.Stages.Stage"],
            L["Metrics.Stages.Median", MetricText.PeriodLabel(report.Period, L)],
            L["Metrics.Stages.Count"],
            L["Metrics.Stages.Median", MetricText.PeriodLabel(report.Period.Previous(), L)],
        };
        var rows = report.Stages
            .Select(s => new object?[] { L[$"CaseStage.{s.Stage}"].Value, s.MedianWorkingDays.Current.Value, s.MedianWorkingDays.Current.Count, s.MedianWorkingDays.Previous?.Value })
            .ToList();
        return new MetricsExportTable(header, rows);
    }

    private static object? Value(MetricDefinition definition, MetricReading reading) =>
        definition.Unit == MetricUnit.Count ? (object?)reading.Count : reading.Value;
}
