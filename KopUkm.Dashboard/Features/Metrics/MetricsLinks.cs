namespace KopUkm.Dashboard.Features.Metrics;

/// <summary>The metrics' addresses, with the period in the query string (<c>periode=2026-11</c>).</summary>
public static class MetricsLinks
{
    public const string PagePath = "/metrik";

    public const string PrintPath = "/metrik/cetak";

    public const string ExportPath = "/metrik/ekspor";

    public static string Page(MetricPeriod period) => $"{PagePath}?periode={Uri.EscapeDataString(period.Key)}";

    public static string Print(MetricPeriod period) => $"{PrintPath}?periode={Uri.EscapeDataString(period.Key)}";

    public static string Export(string format, MetricPeriod period) => $"{ExportPath}?format={format}&periode={Uri.EscapeDataString(period.Key)}";

    /// <summary>The period in a link, or the current month (WIB) when there is none or it cannot be read or lies in the future.</summary>
    public static MetricPeriod ParseOrCurrent(string? key, DateOnly todayWib) =>
        MetricPeriod.TryParse(key, out var period) && period.Start <= todayWib
            ? period
            : MetricPeriod.Containing(MetricPeriodKind.Month, todayWib);
}
