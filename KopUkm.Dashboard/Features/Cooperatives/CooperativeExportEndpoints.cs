using System.Globalization;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Cooperatives.Cases;
using KopUkm.Dashboard.Features.Cooperatives.Import;
using KopUkm.Dashboard.Features.Security;
using MiniExcelLibs;

namespace KopUkm.Dashboard.Features.Cooperatives;

/// <summary>
/// <c>GET /koperasi/ekspor?format=csv|xlsx&amp;…filters</c>: the filtered list as a file in the import layout, and
/// <c>GET /koperasi/impor/templat</c>: an empty template with the header row.
/// </summary>
public static class CooperativeExportEndpoints
{
    public static IEndpointRouteBuilder MapCooperativeFiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/koperasi/ekspor", async (HttpContext context, CooperativeService cooperatives, TimeProvider clock, CancellationToken ct) =>
        {
            var query = context.Request.Query;
            var filter = CooperativeExportQuery.Parse(query);
            var rows = await cooperatives.ExportAsync(filter, query["q"], ct);
            var stamp = Localization.WibTime.ToWib(clock.GetUtcNow().UtcDateTime).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
            var data = rows.Select(c => CooperativeCsvFormat.ToRow(c, c.Region?.Name ?? ""));
            return query["format"] == "xlsx"
                ? Results.File(ToExcel(data), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"koperasi-{stamp}.xlsx")
                : Results.File(ToCsv(data), "text/csv; charset=utf-8", $"koperasi-{stamp}.csv");
        }).RequireAuthorization(Permissions.ViewCooperatives);

        endpoints.MapGet("/koperasi/impor/templat", () =>
            Results.File(ToCsv([]), "text/csv; charset=utf-8", "templat-impor-koperasi.csv"))
            .RequireAuthorization(Permissions.ViewCooperatives);
        return endpoints;
    }

    /// <summary>The rows under the header, through <see cref="CsvFile"/> (UTF-8 with a byte-order mark, formulas neutralised).</summary>
    public static byte[] ToCsv(IEnumerable<string[]> rows) => CsvFile.Write(rows.Prepend([.. CooperativeCsvFormat.Header]));

    public static byte[] ToExcel(IEnumerable<string[]> rows)
    {
        var sheet = rows.Select(row =>
        {
            var record = new Dictionary<string, object>(StringComparer.Ordinal);
            for (var i = 0; i < CooperativeCsvFormat.Header.Count; i++)
            {
                record[CooperativeCsvFormat.Header[i]] = row[i];
            }

            return record;
        }).ToList();
        using var buffer = new MemoryStream();
        buffer.SaveAs(sheet, sheetName: "Koperasi");
        return buffer.ToArray();
    }
}

/// <summary>The list's filters as query-string parameters, so an export link reproduces exactly what is on screen.</summary>
public static class CooperativeExportQuery
{
    public static string Build(string format, CooperativeFilter filter, string? search)
    {
        var parts = new List<string> { $"format={format}" };
        void Add(string key, object? value)
        {
            if (value is not null)
            {
                parts.Add($"{key}={Uri.EscapeDataString(Convert.ToString(value, CultureInfo.InvariantCulture)!)}");
            }
        }

        Add("region", filter.RegionId);
        Add("type", filter.Type);
        Add("status", filter.ActivityStatus);
        Add("stage", filter.Stage);
        Add("mine", filter.AssignedToMe ? "1" : null);
        Add("overdue", filter.Overdue ? "1" : null);
        Add("supervision", filter.NeedsSupervision ? "1" : null);
        Add("open", filter.OpenCase ? "1" : null);
        Add("q", string.IsNullOrWhiteSpace(search) ? null : search);
        return "/koperasi/ekspor?" + string.Join("&", parts);
    }

    public static CooperativeFilter Parse(IQueryCollection query) => new(
        int.TryParse(query["region"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var region) ? region : null,
        Enum.TryParse<CooperativeType>(query["type"], out var type) ? type : null,
        Enum.TryParse<ActivityStatus>(query["status"], out var status) ? status : null,
        Enum.TryParse<CaseStage>(query["stage"], out var stage) ? stage : null,
        query["mine"] == "1",
        query["overdue"] == "1",
        query["supervision"] == "1",
        query["open"] == "1");
}
