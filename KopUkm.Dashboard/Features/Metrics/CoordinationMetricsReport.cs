using KopUkm.Dashboard.Features.Cooperatives.Cases;

namespace KopUkm.Dashboard.Features.Metrics;

/// <summary>One measured value with what it was measured over, so an empty value can say why it is empty.</summary>
/// <param name="Value">The figure in the metric's unit; null when there was nothing to measure (never NaN).</param>
/// <param name="Count">For a share its numerator, for a percentile the number of values ranked, for a count the count.</param>
/// <param name="Of">For a share its denominator; null otherwise.</param>
public sealed record MetricReading(double? Value, int Count, int? Of = null)
{
    public static MetricReading Empty { get; } = new(null, 0);

    /// <summary>part ÷ whole as a percentage; no value when the whole is zero.</summary>
    public static MetricReading Share(int part, int whole) => new(whole == 0 ? null : 100.0 * part / whole, part, whole);

    public static MetricReading Counted(int count) => new(count, count);
}

/// <summary>A metric for one period and the period before it.</summary>
/// <param name="Previous">The previous period of the same kind; null for metrics measured only as of now.</param>
public sealed record MetricTrend(MetricReading Current, MetricReading? Previous)
{
    /// <summary>Current minus previous (percentage points for shares); null unless both have a value.</summary>
    public double? Delta => Current.Value is { } current && Previous?.Value is { } previous ? current - previous : null;
}

/// <summary>A row of the table: one division, or the whole office (<see cref="DivisionId"/> null).</summary>
public sealed record MetricsRow(int? DivisionId, string Code, string Name, string NameEn, IReadOnlyDictionary<CoordinationMetric, MetricTrend> Values)
{
    public bool IsOffice => DivisionId is null;

    public MetricTrend this[CoordinationMetric metric] => Values[metric];
}

/// <summary>The median working days a registration case spent in one stage, for the visits that ended in the period.</summary>
public sealed record StageCycleRow(CaseStage Stage, MetricTrend MedianWorkingDays);

/// <summary>Everything the metrics page, the print page and the exports show for one period.</summary>
/// <param name="BacklogAsOfUtc">The instant the backlog is measured at: the period's end, or now while it runs.</param>
public sealed record CoordinationMetricsReport(
    MetricPeriod Period,
    IReadOnlyList<MetricsRow> Divisions,
    MetricsRow Office,
    IReadOnlyList<StageCycleRow> Stages,
    DateTime GeneratedAtUtc,
    DateTime BacklogAsOfUtc)
{
    /// <summary>What the previous figures were measured over: all of the previous period, or its first stretch as long as the running one.</summary>
    public MetricWindow? Comparison { get; init; }

    /// <summary>The divisions, then the office total.</summary>
    public IEnumerable<MetricsRow> AllRows => [.. Divisions, Office];
}
