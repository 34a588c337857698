using System.Globalization;
using KopUkm.Benchmarks.Sections;
using KopUkm.Dashboard.Data.Seeding;
using static KopUkm.Benchmarks.Harness.Report;

namespace KopUkm.Benchmarks.Harness;

/// <summary>Everything measured on one scale's data set.</summary>
internal sealed class ScaleResults(ScaleData data)
{
    public ScaleData Data { get; } = data;

    public IReadOnlyList<DashboardResult>? Dashboard { get; set; }

    public TicketListResults? Tickets { get; set; }

    public IReadOnlyList<TicketListResult>? Cooperatives { get; set; }

    public IReadOnlyList<JobResult>? Jobs { get; set; }

    public LiveCheckResult? LiveCheck { get; set; }

    public MemoryResult? Memory { get; set; }
}

/// <summary>The Markdown report: one table per measurement, a column group per scale, growth from the smaller scale.</summary>
internal static class ResultsReport
{
    public static string Render(HarnessOptions options, IReadOnlyDictionary<DemoScale, ScaleResults> results, TimeSpan elapsed, string loadAtStart)
    {
        var report = new Report();
        var scales = results.Keys.OrderBy(s => s.Tickets).ToList();
        var growth = scales.Count > 1 ? (scales[0], scales[^1]) : default((DemoScale, DemoScale)?);
        report.Note(string.Create(CultureInfo.InvariantCulture,
            $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Machine.Describe()}. Seed {options.Seed}; {options.WarmUps} warm-up and {options.Runs} timed runs per query; whole harness {elapsed.TotalMinutes:0.0} min. Load average {loadAtStart} at the start, {Machine.LoadAverage()} at the end (the machine is shared: other work running shows here)."));

        report.Heading("Data sets (seed-demo --scale)");
        var data = report.Table("scale", "tickets", "ticket events", "cooperatives", "cases", "content", "IT tasks", "database", "seeding time");
        foreach (var scale in scales)
        {
            var d = results[scale].Data;
            data.Row(scale.Name, Number(d.Seeded["Tickets"]), Number(d.Seeded["TicketEvents"]), Number(d.Seeded["Cooperatives"]), Number(d.Seeded["RegistrationCases"]),
                Number(d.Seeded["ContentItems"]), Number(d.Seeded["ItTasks"]), Number(d.DatabaseBytes / 1024.0 / 1024.0, "0") + " MiB",
                Number(d.Seeded.Elapsed.TotalSeconds, "0.0") + " s");
        }

        if (scales.All(s => results[s].Dashboard is not null))
        {
            report.Heading("1. Dashboard aggregates");
            report.Note("EF = `DashboardQueries.ComputeAsync` and the task board's figures on a fresh context (what the shared feed computes, cache bypassed). "
                + "Floor = the same figures as hand-written SQL through Microsoft.Data.Sqlite on the same file, one round trip. "
                + "Cached = `DashboardService.GetAsync`, the path a page takes. Target, on the large data set: EF p50 ≤ 100 ms and ≤ 1.5× the floor. "
                + "The harness checks that EF and the floor give the same figures.");
            var table = report.Table("scope", "scale", "EF p50", "EF p95", "floor p50", "floor p95", "EF ÷ floor", "cached p50", "cached p95", "target met");
            foreach (var scale in scales)
            {
                foreach (var r in results[scale].Dashboard!)
                {
                    // The target is set for the large data set; the medium one is there to show the growth.
                    var judged = scale == DemoScale.Large ? Check(r.Met) : "–";
                    table.Row(r.Scope, scale.Name, Ms(r.Ef.P50), Ms(r.Ef.P95), Ms(r.Floor.P50), Ms(r.Floor.P95), Ratio(r.Ratio), Ms(r.Cached.P50), Ms(r.Cached.P95),
                        judged + (r.Differences.Count > 0 ? " (figures differ: " + string.Join("; ", r.Differences) + ")" : ""));
                }
            }

            if (growth is var (small, large))
            {
                report.Note(string.Join(" ", results[large].Dashboard!.Zip(results[small].Dashboard!, (l, s) =>
                    $"{l.Scope}: EF {Ratio(l.Ef.P50 / s.Ef.P50)} and floor {Ratio(l.Floor.P50 / s.Floor.P50)} from {small.Name} to {large.Name} ({Ratio((double)large.Tickets / small.Tickets)} the data).")));
            }
        }

        if (scales.All(s => results[s].Tickets is not null))
        {
            report.Heading("2. Ticket list (count + one page of 25)");
            var columns = new List<string> { "query" };
            foreach (var scale in scales)
            {
                columns.AddRange([$"{scale.Name} p50", $"{scale.Name} p95"]);
            }

            if (growth is not null)
            {
                columns.Add("growth p50");
            }

            columns.Add("target p95 ≤ 20 ms");
            var table = report.Table([.. columns]);
            var first = results[scales[0]].Tickets!.Cases;
            for (var i = 0; i < first.Count; i++)
            {
                var cells = new List<string> { first[i].Label };
                foreach (var scale in scales)
                {
                    var c = results[scale].Tickets!.Cases[i];
                    cells.AddRange([Ms(c.Sample.P50), Ms(c.Sample.P95)]);
                }

                if (growth is var (small, large))
                {
                    cells.Add(Ratio(results[large].Tickets!.Cases[i].Sample.P50 / results[small].Tickets!.Cases[i].Sample.P50));
                }

                var last = results[scales[^1]].Tickets!.Cases[i];
                cells.Add(last.HasTarget ? Check(scales.All(s => results[s].Tickets!.Cases[i].Met)) : "no target");
                table.Row([.. cells]);
            }

            report.Note("Deep pages: " + string.Join("; ", scales.Select(s =>
                $"{s.Name} page {Number(results[s].Tickets!.DeepPage + 1)} of all tickets and {Number(results[s].Tickets!.DeepDivisionPage + 1)} of the division")) + ".");
        }

        if (scales.All(s => results[s].Cooperatives is not null))
        {
            report.Heading("2b. Cooperative register (count + one page of 25)");
            var columns = new List<string> { "query" };
            foreach (var scale in scales)
            {
                columns.AddRange([$"{scale.Name} p50", $"{scale.Name} p95"]);
            }

            if (growth is not null)
            {
                columns.Add("growth p50");
            }

            columns.Add("p95 ≤ 20 ms");
            var table = report.Table([.. columns]);
            var first = results[scales[0]].Cooperatives!;
            for (var i = 0; i < first.Count; i++)
            {
                var cells = new List<string> { first[i].Label };
                foreach (var scale in scales)
                {
                    var c = results[scale].Cooperatives![i];
                    cells.AddRange([Ms(c.Sample.P50), Ms(c.Sample.P95)]);
                }

                if (growth is var (small, large))
                {
                    cells.Add(Ratio(results[large].Cooperatives![i].Sample.P50 / results[small].Cooperatives![i].Sample.P50));
                }

                cells.Add(Check(scales.All(s => results[s].Cooperatives![i].Met)));
                table.Row([.. cells]);
            }
        }

        if (scales.All(s => results[s].Jobs is not null))
        {
            report.Heading("3. Jobs");
            var table = report.Table("job", "scale", "items", "first run", "first run items/s", "later runs p50", "later runs p95", "items/s (p50)", "detail");
            foreach (var scale in scales)
            {
                foreach (var j in results[scale].Jobs!)
                {
                    table.Row(j.Job, scale.Name, Number(j.Items), Ms(j.FirstRunMs), Number(j.FirstRunItemsPerSecond), Ms(j.Repeats.P50), Ms(j.Repeats.P95),
                        Number(j.ItemsPerSecond), j.Detail);
                }
            }
        }

        if (scales.All(s => results[s].LiveCheck is not null))
        {
            report.Heading("4. Live-site check (local test site, 4 hosts)");
            var table = report.Table("scale", "pages", "requests", "configured per host", "achieved per host", "busiest second at a host", "median gap at a host", "total rate", "hosts in parallel", "elapsed", "checks recorded");
            foreach (var scale in scales)
            {
                var l = results[scale].LiveCheck!;
                table.Row(scale.Name, Number(l.Pages), Number(l.Requests), Number(l.ConfiguredRate, "0.#") + "/s",
                    string.Join(" · ", l.Hosts.Select(h => Number(h.Rate, "0.0"))) + "/s",
                    Number(l.Hosts.Max(h => h.BusiestSecond)) + " requests",
                    Ms(l.Hosts.Select(h => h.MedianGapMs).Order().ElementAt(l.Hosts.Count / 2)) + $" (interval {Ms(1000 / l.ConfiguredRate)})",
                    Number(l.TotalRate, "0.0") + "/s", Number(l.Parallelism, "0.0"), Number(l.Elapsed.TotalSeconds, "0.0") + " s",
                    $"{Number(l.ChecksRecorded)} ({Number(l.Run.NotFound)} not found)");
            }

            report.Note("Rates and gaps are taken from the arrival times the test site logged, per host (port). Each page also costs its share of "
                + "robots.txt (once per host) and of the three shared navigation links (checked once per run). The pacer starts a request to a host one "
                + "interval after the previous one finished, so the achieved rate sits just under the configured one and no second holds more than it; "
                + "hosts in parallel = total rate ÷ mean per-host rate (MaxConcurrentHosts 4).");
        }

        if (scales.All(s => results[s].Memory is not null))
        {
            report.Heading("5. Memory per connected user");
            var pages = results[scales[0]].Memory!.Pages;
            var table = report.Table([
                "scale", "round", "circuits", "managed before", .. pages.Select(p => $"per {p} tab"), "per circuit", "left after all closed", "released in", "target ≤ 2 MiB per circuit, no growth"]);
            foreach (var scale in scales)
            {
                var m = results[scale].Memory!;
                for (var i = 0; i < m.Rounds.Count; i++)
                {
                    var r = m.Rounds[i];
                    table.Row([
                        scale.Name, i == 0 ? "1 (cold pools)" : $"{i + 1} (warm)", Number(r.Opened[^1].OpenCircuits), MiB(r.Before.ManagedBytes),
                        .. pages.Select((_, p) => Number(r.PageMiB(p, m.Sessions), "0.00") + " MiB"),
                        Number(r.PerCircuitMiB, "0.00") + " MiB", Number(r.GrowthMiB, "0.00") + " MiB", Number(r.ReleaseTime.TotalSeconds, "0.0") + " s",
                        i == m.Rounds.Count - 1 ? Check(m.Met) : "–"]);
                }
            }

            report.Note($"{results[scales[0]].Memory!.Sessions} sessions signed in as the office head, each with one tab per page. Managed heap after forced full "
                + $"collections, read inside the app's own process ({results[scales[0]].Browser()} drives the sessions from the harness). The first round also fills "
                + "the shared array pools that render trees and socket buffers return to, so what it leaves behind is pool capacity; the warm round is judged. "
                + "Circuits of closed tabs are kept 3 s for reconnection here (DisconnectedCircuitRetentionPeriod; three minutes by default).");
        }

        return report.Render();
    }

    private static string Browser(this ScaleResults results) => results.Memory?.Browser ?? "Chromium";

    private static string MiB(long bytes) => Number(bytes / 1024.0 / 1024.0, "0.0") + " MiB";
}
