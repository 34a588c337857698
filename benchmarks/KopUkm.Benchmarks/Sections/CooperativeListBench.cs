using KopUkm.Benchmarks.Harness;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Cooperatives;
using KopUkm.Dashboard.Features.Cooperatives.Cases;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Benchmarks.Sections;

/// <summary>The cooperative register as <see cref="CooperativeService.ListAsync"/> serves its grid (count and one page of 25).</summary>
internal static class CooperativeListBench
{
    public static async Task<IReadOnlyList<TicketListResult>> RunAsync(BenchApp app, HarnessOptions options)
    {
        int region, total;
        await using (var db = await app.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            region = await db.Set<Cooperative>().GroupBy(c => c.RegionId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            total = await db.Set<Cooperative>().CountAsync();
        }

        var cases = new (string Label, PageRequest Request, CooperativeFilter Filter)[]
        {
            ("first page by name", new PageRequest(0, 25, "Name"), new CooperativeFilter()),
            ("region + type + active", new PageRequest(0, 25, "Name"), new CooperativeFilter(RegionId: region, Type: CooperativeType.SimpanPinjam, ActivityStatus: ActivityStatus.Aktif)),
            ("search by name", new PageRequest(0, 25, Search: "sejahtera"), new CooperativeFilter()),
            ("open cases in document verification", new PageRequest(0, 25), new CooperativeFilter(Stage: CaseStage.VerifikasiDokumen)),
            ("overdue cases", new PageRequest(0, 25), new CooperativeFilter(Overdue: true)),
            ("supervision candidates by members", new PageRequest(0, 25, "MemberCount", true), new CooperativeFilter(NeedsSupervision: true)),
            ("deep page (80 % through) by name", new PageRequest((int)(total / 25 * 0.8), 25, "Name"), new CooperativeFilter()),
        };
        var cooperatives = app.Get<CooperativeService>();
        var results = new List<TicketListResult>();
        foreach (var (label, request, filter) in cases)
        {
            results.Add(new TicketListResult(label, await Timing.MeasureAsync(() => cooperatives.ListAsync(request, filter), options.WarmUps, options.Runs), HasTarget: true));
        }

        return results;
    }
}
