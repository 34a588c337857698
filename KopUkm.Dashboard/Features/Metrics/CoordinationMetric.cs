namespace KopUkm.Dashboard.Features.Metrics;

/// <summary>The columns of the coordination metrics table. docs/metrics.md defines each one.</summary>
public enum CoordinationMetric
{
    SlaCompliance = 1,
    FirstResponseMedian = 2,
    FirstResponseP90 = 3,
    ResolutionMedian = 4,
    ResolutionP90 = 5,
    BacklogAgeMedian = 6,
    BacklogAgeP90 = 7,
    Throughput = 8,
    ReopenRate = 9,
    HandoffsIn = 10,
    HandoffsOut = 11,
    HandoffAcceptanceMedian = 12,
    ContentFreshness = 13,
    OwnerCoverage = 14,

    /// <summary>Share of the tickets received in the period that came through the public portal.</summary>
    PortalShare = 15,
}

/// <summary>The column groups of the table; each has one definition text (<c>Metrics.Definition.{Group}</c>); empty cells explain themselves per metric (<c>Metrics.Empty.{Metric}</c>).</summary>
public enum MetricGroup
{
    Sla = 1,
    FirstResponse = 2,
    Resolution = 3,
    BacklogAge = 4,
    Throughput = 5,
    ReopenRate = 6,
    Handoffs = 7,

    /// <summary>Content freshness and editor coverage, both measured as of now.</summary>
    Content = 8,

    /// <summary>Where requests come from: the public portal's share of what was received.</summary>
    Channels = 9,
}

public enum MetricUnit
{
    /// <summary>A share, 0–100 (the reopen rate may exceed 100).</summary>
    Percent = 1,

    /// <summary>Working hours on the office calendar.</summary>
    WorkingHours = 2,

    /// <summary>Calendar days.</summary>
    Days = 3,

    Count = 4,
}

/// <param name="HigherIsBetter">Which way is good, for the colour of the trend arrow; null when neither is.</param>
/// <param name="CurrentOnly">Measured as of now only (no history per period), so there is no previous value.</param>
public sealed record MetricDefinition(CoordinationMetric Metric, MetricGroup Group, MetricUnit Unit, bool? HigherIsBetter, bool CurrentOnly = false);

/// <summary>The one list of the table's columns, in order, with their unit and which way is good.</summary>
public static class CoordinationMetrics
{
    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        new(CoordinationMetric.SlaCompliance, MetricGroup.Sla, MetricUnit.Percent, HigherIsBetter: true),
        new(CoordinationMetric.FirstResponseMedian, MetricGroup.FirstResponse, MetricUnit.WorkingHours, HigherIsBetter: false),
        new(CoordinationMetric.FirstResponseP90, MetricGroup.FirstResponse, MetricUnit.WorkingHours, HigherIsBetter: false),
        new(CoordinationMetric.ResolutionMedian, MetricGroup.Resolution, MetricUnit.WorkingHours, HigherIsBetter: false),
        new(CoordinationMetric.ResolutionP90, MetricGroup.Resolution, MetricUnit.WorkingHours, HigherIsBetter: false),
        new(CoordinationMetric.BacklogAgeMedian, MetricGroup.BacklogAge, MetricUnit.Days, HigherIsBetter: false),
        new(CoordinationMetric.BacklogAgeP90, MetricGroup.BacklogAge, MetricUnit.Days, HigherIsBetter: false),
        new(CoordinationMetric.Throughput, MetricGroup.Throughput, MetricUnit.Count, HigherIsBetter: true),
        new(CoordinationMetric.ReopenRate, MetricGroup.ReopenRate, MetricUnit.Percent, HigherIsBetter: false),
        new(CoordinationMetric.HandoffsIn, MetricGroup.Handoffs, MetricUnit.Count, HigherIsBetter: null),
        new(CoordinationMetric.HandoffsOut, MetricGroup.Handoffs, MetricUnit.Count, HigherIsBetter: null),
        new(CoordinationMetric.HandoffAcceptanceMedian, MetricGroup.Handoffs, MetricUnit.WorkingHours, HigherIsBetter: false),
        new(CoordinationMetric.PortalShare, MetricGroup.Channels, MetricUnit.Percent, HigherIsBetter: null),
        new(CoordinationMetric.ContentFreshness, MetricGroup.Content, MetricUnit.Percent, HigherIsBetter: true, CurrentOnly: true),
        new(CoordinationMetric.OwnerCoverage, MetricGroup.Content, MetricUnit.Percent, HigherIsBetter: true, CurrentOnly: true),
    ];

    public static MetricDefinition Get(CoordinationMetric metric) => All.First(d => d.Metric == metric);
}
