using System.Globalization;
using KopUkm.Dashboard.Localization;
using Microsoft.Extensions.Localization;

namespace KopUkm.Dashboard.Features.Metrics;

/// <summary>How the metrics read, in the user's language: period names, values, trends. Shared by the page, the print page and the exports.</summary>
public static class MetricText
{
    /// <summary>Shown for a value that could not be measured (with the reason beside it), never NaN or 0.</summary>
    public const string NoValue = "–";

    /// <summary>Deltas smaller than this show as no change: the table shows one decimal.</summary>
    public const double SameThreshold = 0.05;

    private static readonly string[] Roman = ["I", "II", "III", "IV"];

    /// <summary>"November 2026", "Minggu ke-48 (23 Nov – 29 Nov 2026)", "Triwulan IV 2026", "Tahun 2026".</summary>
    public static string PeriodLabel(MetricPeriod period, IStringLocalizer L) => period.Kind switch
    {
        MetricPeriodKind.Week => L["Metrics.PeriodLabel.Week", period.WeekNumber, period.Start.ToString("d MMM", CultureInfo.CurrentCulture), WibTime.FormatShortDate(period.LastDay)],
        MetricPeriodKind.Month => period.Start.ToString("MMMM yyyy", CultureInfo.CurrentCulture),
        MetricPeriodKind.Quarter => L["Metrics.PeriodLabel.Quarter", period.Quarter, Roman[period.Quarter - 1], period.Start.Year],
        _ => L["Metrics.PeriodLabel.Year", period.Start.Year],
    };

    /// <summary>
    /// What the previous figures are: "Dibandingkan dengan November 2026", or for a running period "… sampai 7 Nov 2026
    /// 21.48 WIB, rentang yang sama panjang dengan periode berjalan".
    /// </summary>
    public static string ComparedWith(CoordinationMetricsReport report, IStringLocalizer L)
    {
        var previous = PeriodLabel(report.Period.Previous(), L);
        return report.Comparison is { IsPartial: true } window
            ? L["Metrics.ComparedWithSameStretch", previous, WibTime.FormatDateTime(window.EndUtc)]
            : L["Metrics.ComparedWith", previous];
    }

    /// <summary>The value in its unit for the user's language: "87,5%", "12,3", "4".</summary>
    public static string Format(MetricUnit unit, double? value)
    {
        if (value is not { } v || double.IsNaN(v) || double.IsInfinity(v))
        {
            return NoValue;
        }

        var culture = CultureInfo.CurrentCulture;
        return unit switch
        {
            MetricUnit.Percent => v.ToString("0.0", culture) + "%",
            MetricUnit.Count => v.ToString("0", culture),
            _ => v.ToString("0.0", culture),
        };
    }

    /// <summary>A signed change, "+2,5" or "−1,0", in the metric's unit (percentage points for shares).</summary>
    public static string FormatDelta(MetricUnit unit, double delta)
    {
        var culture = CultureInfo.CurrentCulture;
        var text = Math.Abs(delta).ToString(unit == MetricUnit.Count ? "0" : "0.0", culture);
        return (delta >= 0 ? "+" : "−") + text;
    }

    /// <summary>Which way a value moved: 1 up, −1 down, 0 no change or nothing to compare.</summary>
    public static int Direction(MetricTrend trend) =>
        trend.Delta is not { } delta || Math.Abs(delta) < SameThreshold ? 0 : Math.Sign(delta);

    /// <summary>Whether the move is good (true), bad (false) or neither (null) for this metric.</summary>
    public static bool? IsGood(MetricDefinition definition, MetricTrend trend) =>
        Direction(trend) == 0 || definition.HigherIsBetter is not { } higherIsBetter ? null : (Direction(trend) > 0) == higherIsBetter;

    /// <summary>What a reading was measured over: "12 dari 15" for a share, "dari 15 data" for a percentile.</summary>
    public static string Basis(MetricDefinition definition, MetricReading reading, IStringLocalizer L) => definition.Unit switch
    {
        MetricUnit.Percent when reading.Of is { } of => L["Metrics.Tooltip.Share", reading.Count, of],
        MetricUnit.Count => "",
        _ => L["Metrics.Tooltip.SampleSize", reading.Count],
    };

    /// <summary>The cell's tooltip: why it is empty, what it was measured over, and the previous period's value.</summary>
    public static string Tooltip(MetricDefinition definition, MetricTrend trend, MetricPeriod previousPeriod, IStringLocalizer L)
    {
        var parts = new List<string>();
        parts.Add(trend.Current.Value is null ? L[$"Metrics.Empty.{definition.Metric}"] : Basis(definition, trend.Current, L));
        if (!definition.CurrentOnly && trend.Previous is { } previous)
        {
            var change = trend.Delta is { } delta ? " (" + L["Metrics.Tooltip.Change", FormatDelta(definition.Unit, delta)] + ")" : "";
            parts.Add(L["Metrics.Tooltip.Previous", PeriodLabel(previousPeriod, L), Format(definition.Unit, previous.Value)] + change);
        }
        else if (definition.CurrentOnly)
        {
            parts.Add(L["Metrics.Tooltip.CurrentOnly"]);
        }

        return string.Join(" · ", parts.Where(p => p.Length > 0));
    }

    /// <summary>The row's heading: the division's name in the user's language, or "Seluruh kantor".</summary>
    public static string RowName(MetricsRow row, IStringLocalizer L) =>
        row.IsOffice ? L["Metrics.OfficeTotal"]
        : CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" && row.NameEn.Length > 0 ? row.NameEn
        : row.Name;
}
