using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Calendar;
using KopUkm.Dashboard.Features.Content;
using KopUkm.Dashboard.Features.Cooperatives.Cases;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.ServiceCatalog;
using KopUkm.Dashboard.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Metrics;

/// <summary>
/// How well the divisions work together, per division and period: SLA compliance, response and resolution times,
/// backlog age, throughput, reopenings, handoffs, content freshness and registration cycle times (definitions in
/// docs/metrics.md). Reads the ticket, case and content tables read-only. Every aggregate is computed by the database —
/// counts with GROUP BY, percentiles with window functions — and the office row is measured over all rows, never
/// averaged from the divisions.
/// </summary>
public sealed class CoordinationMetricsService(
    IDbContextFactory<AppDbContext> dbFactory,
    AccessGuard guard,
    WorkingCalendarProvider calendars,
    TimeProvider clock)
{
    /// <summary>The measurements of one period, keyed by division id; <see cref="MetricsSql.OfficeGroup"/> is the whole office.</summary>
    private sealed class Figures : Dictionary<(CoordinationMetric Metric, int Group), MetricReading>
    {
        public MetricReading Get(CoordinationMetric metric, int group) =>
            TryGetValue((metric, group), out var reading) ? reading
            : CoordinationMetrics.Get(metric).Unit == MetricUnit.Count ? MetricReading.Counted(0)
            : MetricReading.Empty;
    }

    /// <summary>The table for a period, with the previous period of the same kind for the trend. Pimpinan and administrators only.</summary>
    public async Task<CoordinationMetricsReport> GetAsync(MetricPeriod period, CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.ViewMetrics);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // A running period is compared with the same elapsed stretch of the previous one, never with all of it.
        var comparison = period.ComparisonWindowAt(now);
        var current = await MeasurePeriodAsync(db, period.StartUtc, period.EndUtc, BacklogAsOf(period, now), ct);
        var previous = await MeasurePeriodAsync(db, comparison.StartUtc, comparison.EndUtc, comparison.EndUtc < now ? comparison.EndUtc : now, ct);
        var content = await MeasureContentAsync(db, now, ct);
        var stages = await MeasureStagesAsync(db, period, comparison, ct);

        var divisions = await db.Set<Division>().AsNoTracking().OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.Code, d.Name, d.NameEn, d.IsActive })
            .ToListAsync(ct);
        MetricsRow Row(int group, int? divisionId, string code, string name, string nameEn) => new(
            divisionId,
            code,
            name,
            nameEn,
            CoordinationMetrics.All.ToDictionary(
                d => d.Metric,
                d => d.CurrentOnly
                    ? new MetricTrend(content.Get(d.Metric, group), null)
                    : new MetricTrend(current.Get(d.Metric, group), previous.Get(d.Metric, group))));

        // A retired division keeps its history: it stays in the table while it has anything to show.
        var rows = divisions
            .Where(d => d.IsActive || HasAny(d.Id, current, previous, content))
            .Select(d => Row(d.Id, d.Id, d.Code, d.Name, d.NameEn))
            .ToList();
        return new CoordinationMetricsReport(
            period,
            rows,
            Row(MetricsSql.OfficeGroup, null, "", "", ""),
            stages,
            now,
            BacklogAsOf(period, now))
        {
            Comparison = comparison,
        };
    }

    /// <summary>The backlog is counted at the period's end, or now while the period is still running.</summary>
    public static DateTime BacklogAsOf(MetricPeriod period, DateTime nowUtc) => period.EndUtc < nowUtc ? period.EndUtc : nowUtc;

    private static bool HasAny(int group, params Figures[] figures) =>
        figures.Any(f => f.Any(kv => kv.Key.Group == group && kv.Value.Count > 0));

    private static async Task<Figures> MeasurePeriodAsync(AppDbContext db, DateTime start, DateTime end, DateTime asOf, CancellationToken ct)
    {
        var figures = new Figures();

        // Resolved in the period: throughput and SLA compliance. Counts add up, so the office is the sum of divisions.
        var resolved = await (from t in db.Set<Ticket>().AsNoTracking()
                              join s in db.Set<ServiceType>() on t.ServiceTypeId equals s.Id
                              where t.ResolvedAtUtc >= start && t.ResolvedAtUtc < end
                              select new { t.DivisionId, HasTarget = s.ResolutionWorkingDays > 0, Met = t.ResolutionSla == SlaStatus.Met })
            .GroupBy(t => t.DivisionId)
            .Select(g => new
            {
                DivisionId = g.Key,
                Resolved = g.Count(),
                WithTarget = g.Count(t => t.HasTarget),
                Met = g.Count(t => t.HasTarget && t.Met),
            })
            .ToListAsync(ct);
        var reopened = await MetricsSql.CountAsync(db, MetricsSql.ReopenedByDivision, [start, end, nameof(TicketEventKind.Reopened)], ct);
        foreach (var group in resolved.Select(r => r.DivisionId).Union(reopened.Keys).Append(MetricsSql.OfficeGroup))
        {
            var mine = group == MetricsSql.OfficeGroup ? resolved : resolved.Where(r => r.DivisionId == group).ToList();
            var count = mine.Sum(r => r.Resolved);
            var reopenings = group == MetricsSql.OfficeGroup ? reopened.Values.Sum() : reopened.GetValueOrDefault(group);
            figures[(CoordinationMetric.Throughput, group)] = MetricReading.Counted(count);
            figures[(CoordinationMetric.SlaCompliance, group)] = MetricReading.Share(mine.Sum(r => r.Met), mine.Sum(r => r.WithTarget));
            figures[(CoordinationMetric.ReopenRate, group)] = MetricReading.Share(reopenings, count);
        }

        // Received in the period, and of those how many through the public portal (channel Portal), by owning division.
        var received = await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.CreatedAtUtc >= start && t.CreatedAtUtc < end)
            .GroupBy(t => t.DivisionId)
            .Select(g => new { DivisionId = g.Key, All = g.Count(), Portal = g.Count(t => t.Channel == TicketChannel.Portal) })
            .ToListAsync(ct);
        foreach (var row in received)
        {
            figures[(CoordinationMetric.PortalShare, row.DivisionId)] = MetricReading.Share(row.Portal, row.All);
        }

        figures[(CoordinationMetric.PortalShare, MetricsSql.OfficeGroup)] = MetricReading.Share(received.Sum(r => r.Portal), received.Sum(r => r.All));

        // Handoffs made in the period, into and out of each division; for the office, every handoff is both.
        var handoffs = await db.Set<TicketHandoff>().AsNoTracking()
            .Where(h => h.HandedOffAtUtc >= start && h.HandedOffAtUtc < end)
            .GroupBy(h => new { h.FromDivisionId, h.ToDivisionId })
            .Select(g => new { g.Key.FromDivisionId, g.Key.ToDivisionId, Count = g.Count() })
            .ToListAsync(ct);
        foreach (var into in handoffs.GroupBy(h => h.ToDivisionId))
        {
            figures[(CoordinationMetric.HandoffsIn, into.Key)] = MetricReading.Counted(into.Sum(h => h.Count));
        }

        foreach (var outOf in handoffs.GroupBy(h => h.FromDivisionId))
        {
            figures[(CoordinationMetric.HandoffsOut, outOf.Key)] = MetricReading.Counted(outOf.Sum(h => h.Count));
        }

        figures[(CoordinationMetric.HandoffsIn, MetricsSql.OfficeGroup)] = MetricReading.Counted(handoffs.Sum(h => h.Count));
        figures[(CoordinationMetric.HandoffsOut, MetricsSql.OfficeGroup)] = MetricReading.Counted(handoffs.Sum(h => h.Count));

        // Durations: percentiles ranked by the database over the stored working minutes.
        AddMinutes(figures, await MetricsSql.PercentilesAsync(db, MetricsSql.FirstResponseSamples, [start, end], ct), CoordinationMetric.FirstResponseMedian, CoordinationMetric.FirstResponseP90);
        AddMinutes(figures, await MetricsSql.PercentilesAsync(db, MetricsSql.ResolutionSamples, [start, end], ct), CoordinationMetric.ResolutionMedian, CoordinationMetric.ResolutionP90);
        AddMinutes(figures, await MetricsSql.PercentilesAsync(db, MetricsSql.HandoffAcceptanceSamples, [start, end], ct), CoordinationMetric.HandoffAcceptanceMedian, null);

        // Backlog at the stretch's end (or now): the age percentiles are the creation times ranked youngest first.
        var backlog = await MetricsSql.CreationPercentilesAsync(db, [asOf, nameof(TicketEventKind.Resolved), nameof(TicketEventKind.Reopened)], ct);
        foreach (var row in backlog)
        {
            figures[(CoordinationMetric.BacklogAgeMedian, row.GroupId)] = new(AgeInDays(asOf, row.P50), row.SampleSize);
            figures[(CoordinationMetric.BacklogAgeP90, row.GroupId)] = new(AgeInDays(asOf, row.P90), row.SampleSize);
        }

        return figures;
    }

    private static double? AgeInDays(DateTime asOf, DateTime? createdAt) =>
        createdAt is { } created ? (asOf - DateTime.SpecifyKind(created, DateTimeKind.Utc)).TotalDays : null;

    private static void AddMinutes(Figures figures, IReadOnlyList<MetricsSql.PercentileRow> rows, CoordinationMetric median, CoordinationMetric? p90)
    {
        foreach (var row in rows)
        {
            figures[(median, row.GroupId)] = new(row.P50 / 60.0, row.SampleSize);
            if (p90 is { } metric)
            {
                figures[(metric, row.GroupId)] = new(row.P90 / 60.0, row.SampleSize);
            }
        }
    }

    /// <summary>Content has no freshness history, so these are as of now whatever the period.</summary>
    private static async Task<Figures> MeasureContentAsync(AppDbContext db, DateTime now, CancellationToken ct)
    {
        var counts = await db.Set<ContentItem>().AsNoTracking()
            .GroupBy(c => c.OwnerDivisionId)
            .Select(g => new
            {
                DivisionId = g.Key,
                InScope = g.Count(c => c.Freshness != ContentFreshness.NotTracked),
                NotOverdue = g.Count(c => c.Freshness != ContentFreshness.NotTracked && c.ReviewDueAtUtc > now),
                NotArchived = g.Count(c => c.State != ContentState.Diarsipkan),
                WithEditor = g.Count(c => c.State != ContentState.Diarsipkan && c.EditorUserId != null),
            })
            .ToListAsync(ct);
        var figures = new Figures();
        foreach (var row in counts)
        {
            figures[(CoordinationMetric.ContentFreshness, row.DivisionId)] = MetricReading.Share(row.NotOverdue, row.InScope);
            figures[(CoordinationMetric.OwnerCoverage, row.DivisionId)] = MetricReading.Share(row.WithEditor, row.NotArchived);
        }

        figures[(CoordinationMetric.ContentFreshness, MetricsSql.OfficeGroup)] = MetricReading.Share(counts.Sum(r => r.NotOverdue), counts.Sum(r => r.InScope));
        figures[(CoordinationMetric.OwnerCoverage, MetricsSql.OfficeGroup)] = MetricReading.Share(counts.Sum(r => r.WithEditor), counts.Sum(r => r.NotArchived));
        return figures;
    }

    /// <summary>
    /// Registration cases belong to no one division (KLM and PWS work them together, and a case keeps no division), so
    /// the cycle time is office-wide: the median working days of the stage visits that ended in the period.
    /// </summary>
    private async Task<IReadOnlyList<StageCycleRow>> MeasureStagesAsync(AppDbContext db, MetricPeriod period, MetricWindow comparison, CancellationToken ct)
    {
        var day = (await calendars.GetAsync(ct)).StandardWorkingDay.TotalMinutes;
        async Task<Dictionary<string, MetricsSql.StagePercentileRow>> MedianAsync(DateTime start, DateTime end) =>
            (await MetricsSql.StagePercentilesAsync(db, [start, end, nameof(CaseEventKind.StageChanged)], ct))
            .ToDictionary(r => r.GroupId);
        var current = await MedianAsync(period.StartUtc, period.EndUtc);
        var previous = await MedianAsync(comparison.StartUtc, comparison.EndUtc);
        MetricReading Reading(Dictionary<string, MetricsSql.StagePercentileRow> rows, CaseStage stage) =>
            rows.TryGetValue(stage.ToString(), out var row) ? new(row.P50 / day, row.SampleSize) : MetricReading.Empty;
        return
        [
            .. Enum.GetValues<CaseStage>().Where(s => !CaseWorkflow.IsClosed(s))
                .Select(s => new StageCycleRow(s, new MetricTrend(Reading(current, s), Reading(previous, s)))),
        ];
    }
}
