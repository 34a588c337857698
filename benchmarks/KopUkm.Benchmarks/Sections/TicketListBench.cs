using KopUkm.Benchmarks.Harness;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Benchmarks.Sections;

/// <summary>
/// The ticket list as <see cref="TicketQueues.ListAsync"/> serves the grid (count and one page of 25 rows): first
/// pages with filters and sorts people use, and deep pages.
/// </summary>
internal static class TicketListBench
{
    public const double TargetP95Ms = 20;

    public static async Task<TicketListResults> RunAsync(BenchApp app, HarnessOptions options)
    {
        var factory = app.Get<IDbContextFactory<AppDbContext>>();
        int busiest, service, region, total, divisionTotal;
        string code;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var rows = db.Set<Ticket>().AsNoTracking();
            busiest = await rows.GroupBy(t => t.DivisionId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            service = await rows.GroupBy(t => t.ServiceTypeId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            region = await rows.Where(t => t.RegionId != null).GroupBy(t => t.RegionId!.Value).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            total = await rows.CountAsync();
            divisionTotal = await rows.CountAsync(t => t.DivisionId == busiest);
            code = await rows.OrderBy(t => t.Id).Skip(total / 2).Select(t => t.Code).FirstAsync();
        }

        const int size = 25;
        var deepAll = (int)(total / size * 0.8);
        var deepDivision = (int)(divisionTotal / size * 0.8);
        var all = new TicketFilter(TicketQueueKind.All);
        var allStatuses = all with { OpenOnly = false };
        var cases = new (string Label, PageRequest Request, TicketFilter Filter, bool HasTarget)[]
        {
            ("division queue, open, newest first", new PageRequest(0, size), new TicketFilter(TicketQueueKind.Division, DivisionId: busiest), true),
            ("all divisions, open, least SLA time left first", new PageRequest(0, size, nameof(TicketRow.ResolutionMinutesLeft)), all, true),
            ("all divisions, open, unassigned, by priority", new PageRequest(0, size, nameof(TicketRow.Priority), true), all with { Unassigned = true }, true),
            ("any status, breached, newest first", new PageRequest(0, size), allStatuses with { Sla = SlaStatus.Breached }, true),
            ("any status, service + channel + region", new PageRequest(0, size), allStatuses with { ServiceTypeId = service, Channel = TicketChannel.WhatsApp, RegionId = region }, true),
            ("any status, last 30 days, oldest first", new PageRequest(0, size, nameof(TicketRow.CreatedAtUtc)), allStatuses with { FromWib = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-30)) }, true),
            ("search by code", new PageRequest(0, size, Search: code), allStatuses, true),
            ("deep page (80 % through), any status, newest first", new PageRequest(deepAll, size), allStatuses, true),
            ("deep page (80 % through), one division, any status, newest first", new PageRequest(deepDivision, size), allStatuses with { DivisionId = busiest }, true),
            ("search by applicant name (contains)", new PageRequest(0, size, Search: "sari"), allStatuses, false),
        };

        var tickets = app.Get<TicketQueues>();
        var results = new List<TicketListResult>();
        foreach (var (label, request, filter, hasTarget) in cases)
        {
            var sample = await Timing.MeasureAsync(() => tickets.ListAsync(request, filter), options.WarmUps, options.Runs);
            results.Add(new TicketListResult(label, sample, hasTarget));
        }

        return new TicketListResults(results, deepAll, deepDivision);
    }
}

/// <param name="DeepPage">The deep page of the all-divisions list (0-based).</param>
/// <param name="DeepDivisionPage">The deep page of the one-division list.</param>
internal sealed record TicketListResults(IReadOnlyList<TicketListResult> Cases, int DeepPage, int DeepDivisionPage);

internal sealed record TicketListResult(string Label, Sample Sample, bool HasTarget)
{
    public bool Met => !HasTarget || Sample.P95 <= TicketListBench.TargetP95Ms;
}
