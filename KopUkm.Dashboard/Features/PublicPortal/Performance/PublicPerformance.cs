using System.Globalization;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Calendar;
using KopUkm.Dashboard.Features.Content.Standards;
using KopUkm.Dashboard.Features.ServiceCatalog;
using KopUkm.Dashboard.Features.Surveys;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace KopUkm.Dashboard.Features.PublicPortal.Performance;

/// <summary>One service's or division's public figures over the window. Percent and median are null when nothing was resolved.</summary>
public sealed record PerformanceRow(
    string Code, string Name, string? DivisionName, int Received, int Resolved, double? WithinStandardPercent, double? MedianWorkingDays,
    decimal? Ikm, IkmBand? Band, int Respondents, DateOnly? StandardReviewed, int? DaysSinceReview);

/// <summary>The public performance page: the window (12 full months before the current one), per service and per division.</summary>
public sealed record PerformanceReport(DateOnly From, DateOnly To, PerformanceRow Office, IReadOnlyList<PerformanceRow> Divisions, IReadOnlyList<PerformanceRow> Services);

/// <summary>
/// The figures /kinerja publishes: aggregates only (counts, shares, medians, IKM), never a name, contact or text of a
/// request. Over the 12 full months before the current WIB month, so a figure holds for the whole month; cached in memory
/// per month and language for an hour, and recomputed at once after the working calendar changed.
/// </summary>
public sealed class PublicPerformance(
    IDbContextFactory<AppDbContext> dbFactory,
    PublicServiceStandards standards,
    WorkingCalendarProvider calendars,
    IMemoryCache cache,
    TimeProvider clock)
{
    public async Task<PerformanceReport> GetAsync(CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(WibTime.ToWib(clock.GetUtcNow().UtcDateTime));
        var to = new DateOnly(today.Year, today.Month, 1);
        var key = $"public-performance:{to:yyyy-MM}:{CultureInfo.CurrentUICulture.Name}";
        // The median in working days derives from the calendar: a report computed under an older calendar (edited on
        // this or another instance since, see WorkingCalendarProvider) is not served.
        var calendar = await calendars.GetAsync(ct);
        if (cache.TryGetValue(key, out CachedReport? cached) && cached is not null && ReferenceEquals(cached.Calendar, calendar))
        {
            return cached.Report;
        }

        var report = await BuildAsync(to.AddMonths(-12), to, calendar, ct);
        cache.Set(key, new CachedReport(calendar, report), TimeSpan.FromHours(1));
        return report;
    }

    private sealed record CachedReport(WorkingCalendar Calendar, PerformanceReport Report);

    private async Task<PerformanceReport> BuildAsync(DateOnly from, DateOnly to, WorkingCalendar calendar, CancellationToken ct)
    {
        var startUtc = WibTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
        var endUtc = WibTime.ToUtc(to.ToDateTime(TimeOnly.MinValue));
        var dayMinutes = calendar.StandardWorkingDay.TotalMinutes;
        var ikm = await IkmResults.BuildAsync(dbFactory, new IkmPeriod(IkmPeriodKind.Year, from), ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var received = await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.CreatedAtUtc >= startUtc && t.CreatedAtUtc < endUtc)
            .GroupBy(t => new { t.ServiceTypeId, t.DivisionId })
            .Select(g => new { g.Key.ServiceTypeId, g.Key.DivisionId, Count = g.Count() })
            .ToListAsync(ct);
        var resolved = await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.ResolvedAtUtc >= startUtc && t.ResolvedAtUtc < endUtc)
            .Select(t => new { t.ServiceTypeId, t.DivisionId, Met = t.ResolutionSla == SlaStatus.Met, t.ResolutionWorkingMinutes })
            .ToListAsync(ct);
        var services = await db.Set<ServiceType>().AsNoTracking().Where(s => s.IsActive)
            .Select(s => new { s.Id, s.Code, DivisionId = s.OwnerDivisionId, DivisionCode = s.OwnerDivision!.Code, DivisionName = s.OwnerDivision.Name })
            .ToListAsync(ct);
        var publicRows = await standards.ListAsync(null, null, ct);
        var today = DateOnly.FromDateTime(WibTime.ToWib(clock.GetUtcNow().UtcDateTime));

        PerformanceRow Row(string code, string name, string? division, Func<int, int, bool> inGroup, IkmGroupResult? survey, DateOnly? reviewed)
        {
            var mine = resolved.Where(r => inGroup(r.ServiceTypeId, r.DivisionId)).ToList();
            var minutes = mine.Where(r => r.ResolutionWorkingMinutes is not null).Select(r => (double)r.ResolutionWorkingMinutes!.Value).Order().ToList();
            return new PerformanceRow(
                code, name, division,
                received.Where(r => inGroup(r.ServiceTypeId, r.DivisionId)).Sum(r => r.Count),
                mine.Count,
                mine.Count == 0 ? null : 100.0 * mine.Count(r => r.Met) / mine.Count,
                minutes.Count == 0 ? null : Median(minutes) / dayMinutes,
                survey?.Result.Ikm, survey?.Result.Band, survey?.Result.Respondents ?? 0,
                reviewed, reviewed is { } r ? today.DayNumber - r.DayNumber : null);
        }

        var serviceRows = new List<PerformanceRow>();
        foreach (var p in publicRows)
        {
            var s = services.First(x => x.Code == p.Code);
            var reviewed = p.HasStandard ? (await standards.GetAsync(p.Code, ct))?.Text?.LastReviewedWib : null;
            serviceRows.Add(Row(p.Code, p.Name, p.DivisionName, (service, _) => service == s.Id, ikm.Services.FirstOrDefault(g => g.Code == p.Code), reviewed));
        }

        // Every division that received or resolved requests (handoffs bring work to divisions that own no service).
        var divisions = await db.Set<Organization.Division>().AsNoTracking().Select(d => new { d.Id, d.Code, d.Name }).ToListAsync(ct);
        var divisionRows = divisions
            .Where(d => received.Any(r => r.DivisionId == d.Id) || resolved.Any(r => r.DivisionId == d.Id))
            .Select(d => Row(d.Code, d.Name, null, (_, division) => division == d.Id, ikm.Divisions.FirstOrDefault(g => g.Code == d.Code), null))
            .OrderBy(r => r.Name, StringComparer.CurrentCulture)
            .ToList();
        var office = Row("", "", null, (_, _) => true, ikm.Office, null);
        return new PerformanceReport(from, to.AddDays(-1), office, divisionRows, serviceRows);
    }

    private static double Median(List<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
