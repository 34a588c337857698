using System.Globalization;
using KopUkm.Benchmarks.Sections;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Host.Demo;
using static KopUkm.Benchmarks.Harness.Report;

namespace KopUkm.Benchmarks.Harness;

/// <summary>Everything measured on one scale's data set on one database.</summary>
internal sealed class ScaleResults(ScaleData data)
{
    public ScaleData Data { get; } = data;

    public DemoScale Scale => Data.Scale;

    public BenchProvider Provider => Data.Provider;

    public IReadOnlyList<DashboardResult>? Dashboard { get; set; }

    public TicketListResults? Tickets { get; set; }

    public IReadOnlyList<TicketListResult>? Cooperatives { get; set; }

    public IReadOnlyList<JobResult>? Jobs { get; set; }

    public LiveCheckResult? LiveCheck { get; set; }

    public MemoryResult? Memory { get; set; }

    public ConcurrencyResult? Concurrency { get; set; }
}

/// <summary>
/// The Markdown report: one table per measurement, a column group per scale, growth from the smaller scale. With both
/// databases, each table gains a "database" column (SQLite and PostgreSQL rows side by side) and a PostgreSQL ÷ SQLite
/// ratio; with one, the tables are as they always were.
/// </summary>
internal static class ResultsReport
{
    /// <summary>The verdict the dashboard section gives on the large data set: PostgreSQL's EF p50 at most this many times SQLite's.</summary>
    public const double PostgreSqlWithin = 2;

    public static string Render(HarnessOptions options, IReadOnlyList<ScaleResults> all, TimeSpan elapsed, string loadAtStart)
    {
        var report = new Report();
        var scales = all.Select(r => r.Scale).Distinct().OrderBy(s => s.Tickets).ToList();
        var providers = all.Select(r => r.Provider).Distinct().Order().ToList();
        var both = providers.Count > 1;
        ScaleResults Get(DemoScale scale, BenchProvider provider) => all.Single(r => r.Scale == scale && r.Provider == provider);
        var growth = scales.Count > 1 ? (scales[0], scales[^1]) : default((DemoScale, DemoScale)?);
        var postgres = all.Select(r => r.Data.ServerVersion).FirstOrDefault(v => v is not null);
        report.Note(string.Create(CultureInfo.InvariantCulture,
            $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Machine.Describe()}{(postgres is null ? "" : $" · PostgreSQL {postgres} (a throwaway cluster on the same machine: initdb, fsync off, default memory settings)")}. Seed {options.Seed}; {options.WarmUps} warm-up and {options.Runs} timed runs per query; whole harness {elapsed.TotalMinutes:0.0} min. Load average {loadAtStart} at the start, {Machine.LoadAverage()} at the end (the machine is shared: other work running shows here)."));

        string[] Db(BenchProvider provider) => both ? [HarnessOptions.Name(provider)] : [];
        string[] DbColumn() => both ? ["database"] : [];

        report.Heading("Data sets (seed-demo --scale)");
        var data = report.Table(["scale", .. DbColumn(), "tickets", "ticket events", "cooperatives", "cases", "content", "IT tasks", "database size", "seeding time"]);
        foreach (var scale in scales)
        {
            foreach (var provider in providers)
            {
                var d = Get(scale, provider).Data;
                data.Row([scale.Name, .. Db(provider), Number(d.Seeded["Tickets"]), Number(d.Seeded["TicketEvents"]), Number(d.Seeded["Cooperatives"]), Number(d.Seeded["RegistrationCases"]),
                    Number(d.Seeded["ContentItems"]), Number(d.Seeded["ItTasks"]), Number(d.DatabaseBytes / 1024.0 / 1024.0, "0") + " MiB",
                    Number(d.Seeded.Elapsed.TotalSeconds, "0.0") + " s"]);
            }
        }

        if (both)
        {
            report.Note("Both databases are seeded by the same code (`seed-demo --scale`: each feature's generators, `BulkInsert` with one prepared INSERT per table); "
                + "PostgreSQL through `Database:Provider=PostgreSQL`, so the rows are the same. Seeding time includes migrating the empty database.");
        }

        if (all.All(r => r.Dashboard is not null))
        {
            report.Heading("1. Dashboard aggregates");
            report.Note("EF = `DashboardQueries.ComputeAsync` and the task board's figures on a fresh context (what the shared feed computes, cache bypassed). "
                + (both
                    ? "Floor = the same figures as hand-written SQL, one round trip on the same database: through Microsoft.Data.Sqlite on the SQLite file, through Npgsql on the PostgreSQL database (the same statements; rows that match are counted with `SUM(condition)` on SQLite and `COUNT(*) FILTER (WHERE condition)` on PostgreSQL). "
                    : "Floor = the same figures as hand-written SQL through Microsoft.Data.Sqlite on the same file, one round trip. ")
                + "Cached = `DashboardService.GetAsync`, the path a page takes. Target, on the large data set: EF p50 ≤ 100 ms and ≤ 1.5× the floor. "
                + "The harness checks that EF and the floor give the same figures" + (both ? " on each database." : "."));
            var table = report.Table(["scope", "scale", .. DbColumn(), "EF p50", "EF p95", "floor p50", "floor p95", "EF ÷ floor", "cached p50", "cached p95", "target met"]);
            foreach (var scale in scales)
            {
                foreach (var provider in providers)
                {
                    foreach (var r in Get(scale, provider).Dashboard!)
                    {
                        // The target is set for the large data set; the medium one is there to show the growth.
                        var judged = scale == DemoScale.Large ? Check(r.Met) : "–";
                        table.Row([r.Scope, scale.Name, .. Db(provider), Ms(r.Ef.P50), Ms(r.Ef.P95), Ms(r.Floor.P50), Ms(r.Floor.P95), Ratio(r.Ratio), Ms(r.Cached.P50), Ms(r.Cached.P95),
                            judged + (r.Differences.Count > 0 ? " (figures differ: " + string.Join("; ", r.Differences) + ")" : "")]);
                    }
                }
            }

            if (growth is var (small, large))
            {
                foreach (var provider in providers)
                {
                    report.Note((both ? $"{HarnessOptions.Name(provider)}: " : "") + string.Join(" ", Get(large, provider).Dashboard!.Zip(Get(small, provider).Dashboard!, (l, s) =>
                        $"{l.Scope}: EF {Ratio(l.Ef.P50 / s.Ef.P50)} and floor {Ratio(l.Floor.P50 / s.Floor.P50)} from {small.Name} to {large.Name} ({Ratio((double)large.Tickets / small.Tickets)} the data).")));
                }
            }

            if (both)
            {
                var compare = report.Table("scope", "scale", "SQLite EF p50", "PostgreSQL EF p50", "PostgreSQL ÷ SQLite (EF)", "SQLite floor p50", "PostgreSQL floor p50", "PostgreSQL ÷ SQLite (floor)");
                foreach (var scale in scales)
                {
                    var lite = Get(scale, BenchProvider.Sqlite).Dashboard!;
                    var pg = Get(scale, BenchProvider.PostgreSql).Dashboard!;
                    foreach (var (l, p) in lite.Zip(pg))
                    {
                        compare.Row(l.Scope, scale.Name, Ms(l.Ef.P50), Ms(p.Ef.P50), Ratio(p.Ef.P50 / l.Ef.P50), Ms(l.Floor.P50), Ms(p.Floor.P50), Ratio(p.Floor.P50 / l.Floor.P50));
                    }
                }

                report.Note(Verdict(all));
            }
        }

        if (all.All(r => r.Tickets is not null))
        {
            report.Heading("2. Ticket list (count + one page of 25)");
            ListTable(report, scales, providers, Get, r => r.Tickets!.Cases, "target p95 ≤ 20 ms", targetOnLast: true);
            report.Note("Deep pages: " + string.Join("; ", scales.Select(s =>
                $"{s.Name} page {Number(Get(s, providers[0]).Tickets!.DeepPage + 1)} of all tickets and {Number(Get(s, providers[0]).Tickets!.DeepDivisionPage + 1)} of the division")) + ".");
        }

        if (all.All(r => r.Cooperatives is not null))
        {
            report.Heading("2b. Cooperative register (count + one page of 25)");
            ListTable(report, scales, providers, Get, r => r.Cooperatives!, "p95 ≤ 20 ms", targetOnLast: false);
        }

        if (all.All(r => r.Jobs is not null))
        {
            report.Heading("3. Jobs");
            var table = report.Table(["job", "scale", .. DbColumn(), "items", "first run", "first run items/s", "later runs p50", "later runs p95", "items/s (p50)", "detail"]);
            foreach (var scale in scales)
            {
                foreach (var provider in providers)
                {
                    foreach (var j in Get(scale, provider).Jobs!)
                    {
                        table.Row([j.Job, scale.Name, .. Db(provider), Number(j.Items), Ms(j.FirstRunMs), Number(j.FirstRunItemsPerSecond), Ms(j.Repeats.P50), Ms(j.Repeats.P95),
                            Number(j.ItemsPerSecond), j.Detail]);
                    }
                }
            }
        }

        if (scales.All(s => all.Any(r => r.Scale == s && r.LiveCheck is not null)))
        {
            report.Heading("4. Live-site check (local test site, 4 hosts)");
            var table = report.Table("scale", "pages", "requests", "configured per host", "achieved per host", "busiest second at a host", "median gap at a host", "total rate", "hosts in parallel", "elapsed", "checks recorded");
            foreach (var scale in scales)
            {
                var l = all.First(r => r.Scale == scale && r.LiveCheck is not null).LiveCheck!;
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
                + "hosts in parallel = total rate ÷ mean per-host rate (MaxConcurrentHosts 4)."
                + (both ? " The check records into a data folder of its own (SQLite), the same for either database, so it runs once per scale." : ""));
        }

        if (all.All(r => r.Memory is not null))
        {
            report.Heading("5. Memory per connected user");
            var first = all[0].Memory!;
            var pages = first.Pages;
            var table = report.Table([
                "scale", .. DbColumn(), "round", "circuits", "managed before", .. pages.Select(p => $"per {p} tab"), "per circuit", "left after all closed", "released in", "target ≤ 2 MiB per circuit, no growth"]);
            foreach (var scale in scales)
            {
                foreach (var provider in providers)
                {
                    var m = Get(scale, provider).Memory!;
                    for (var i = 0; i < m.Rounds.Count; i++)
                    {
                        var r = m.Rounds[i];
                        table.Row([
                            scale.Name, .. Db(provider), i == 0 ? "1 (cold pools)" : $"{i + 1} (warm)", Number(r.Opened[^1].OpenCircuits), MiB(r.Before.ManagedBytes),
                            .. pages.Select((_, p) => Number(r.PageMiB(p, m.Sessions), "0.00") + " MiB"),
                            Number(r.PerCircuitMiB, "0.00") + " MiB", Number(r.GrowthMiB, "0.00") + " MiB", Number(r.ReleaseTime.TotalSeconds, "0.0") + " s",
                            i == m.Rounds.Count - 1 ? Check(m.Met) : "–"]);
                    }
                }
            }

            report.Note($"{first.Sessions} sessions signed in as the office head, each with one tab per page. Managed heap after forced full "
                + $"collections, read inside the app's own process ({first.Browser} drives the sessions from the harness). The first round also fills "
                + "the shared array pools that render trees and socket buffers return to, so what it leaves behind is pool capacity; the warm round is judged. "
                + "Circuits of closed tabs are kept 3 s for reconnection here (DisconnectedCircuitRetentionPeriod; three minutes by default).");
        }

        if (all.FirstOrDefault(r => r.Concurrency is not null) is { } concurrent)
        {
            Concurrency(report, concurrent);
        }

        return report.Render();
    }

    /// <summary>The dashboard's verdict: PostgreSQL's EF p50 against SQLite's on the large data set (100,000 tickets).</summary>
    private static string Verdict(IReadOnlyList<ScaleResults> all)
    {
        var large = all.Where(r => r.Scale == DemoScale.Large).ToList();
        var lite = large.FirstOrDefault(r => r.Provider == BenchProvider.Sqlite)?.Dashboard;
        var pg = large.FirstOrDefault(r => r.Provider == BenchProvider.PostgreSql)?.Dashboard;
        if (lite is null || pg is null)
        {
            return $"**PostgreSQL within {PostgreSqlWithin:0}× of SQLite on the dashboard at {Number(DemoScale.Large.Tickets)} tickets: not measured in this run** (needs `--scale large --provider both`).";
        }

        var ratios = lite.Zip(pg, (l, p) => (l.Scope, Ratio: p.Ef.P50 / l.Ef.P50)).ToList();
        var worst = ratios.Max(r => r.Ratio);
        return $"**PostgreSQL within {PostgreSqlWithin:0}× of SQLite on the dashboard at {Number(DemoScale.Large.Tickets)} tickets: {(worst <= PostgreSqlWithin ? "yes" : "no")} ({Ratio(worst)})** — EF p50, PostgreSQL ÷ SQLite: "
            + string.Join(", ", ratios.Select(r => $"{r.Scope} {Ratio(r.Ratio)}")) + ".";
    }

    private static void ListTable(Report report, List<DemoScale> scales, List<BenchProvider> providers, Func<DemoScale, BenchProvider, ScaleResults> get,
        Func<ScaleResults, IReadOnlyList<TicketListResult>> cases, string targetColumn, bool targetOnLast)
    {
        var both = providers.Count > 1;
        var columns = new List<string> { "query" };
        if (both)
        {
            columns.Add("database");
        }

        foreach (var scale in scales)
        {
            columns.AddRange([$"{scale.Name} p50", $"{scale.Name} p95"]);
        }

        if (scales.Count > 1)
        {
            columns.Add("growth p50");
        }

        if (both)
        {
            columns.Add($"PostgreSQL ÷ SQLite ({scales[^1].Name} p50)");
        }

        columns.Add(targetColumn);
        var table = report.Table([.. columns]);
        var first = cases(get(scales[0], providers[0]));
        for (var i = 0; i < first.Count; i++)
        {
            foreach (var provider in providers)
            {
                var cells = new List<string> { first[i].Label };
                if (both)
                {
                    cells.Add(HarnessOptions.Name(provider));
                }

                foreach (var scale in scales)
                {
                    var c = cases(get(scale, provider))[i];
                    cells.AddRange([Ms(c.Sample.P50), Ms(c.Sample.P95)]);
                }

                if (scales.Count > 1)
                {
                    cells.Add(Ratio(cases(get(scales[^1], provider))[i].Sample.P50 / cases(get(scales[0], provider))[i].Sample.P50));
                }

                if (both)
                {
                    cells.Add(provider == BenchProvider.PostgreSql
                        ? Ratio(cases(get(scales[^1], BenchProvider.PostgreSql))[i].Sample.P50 / cases(get(scales[^1], BenchProvider.Sqlite))[i].Sample.P50)
                        : "");
                }

                var last = cases(get(scales[^1], provider))[i];
                cells.Add(!targetOnLast || last.HasTarget ? Check(scales.All(s => cases(get(s, provider))[i].Met)) : "no target");
                table.Row([.. cells]);
            }
        }
    }

    private static void Concurrency(Report report, ScaleResults results)
    {
        var c = results.Concurrency!;
        report.Heading($"6. Concurrent users clicking through list pages ({results.Scale.Name}, {c.Provider})");
        report.Note($"N simulated users, each a real Blazor circuit: one tab in its own browser context of one headless Chromium {c.Browser}, signed in through the login form as the office head, "
            + $"then {c.Cycles} rounds of: ticket list (menu) → next page → next page → cooperative register (menu) → next page → dashboard (menu), "
            + $"thinking {Number(c.ThinkSeconds, "0.#")} s on average between clicks (uniform, half to one and a half of it; each user starts at a random moment within one think time). "
            + "Latency = from the click to the updated list (or the dashboard) in the page's DOM, timed inside the page. The app runs as the end-to-end tests host it "
            + "(Development build on Kestrel, jobs off). Two instances share the PostgreSQL database, each with its own process; users are split evenly between them "
            + "(user i on instance i mod 2, as the balancer's sticky hashing does on average), talking to them directly without a balancer. "
            + "**Everything shares this one 2-core machine**: the app instance(s), PostgreSQL, Chromium rendering every user's pages and the harness; "
            + "\"app cores\" is the CPU the instance(s) used, \"machine busy\" the whole machine's, including the other work running on it.");
        var table = report.Table("instances", "users", "interactions", "p50", "p95", "max", "menu p95", "paging p95", "interactions/s", "app cores", "machine busy", "errors", $"p95 ≤ {Number(ConcurrencyBench.TargetP95Ms)} ms");
        foreach (var l in c.Levels)
        {
            table.Row(Number(l.Instances), Number(l.Users), Number(l.All.Milliseconds.Count), Ms(l.All.P50), Ms(l.All.P95), Ms(l.All.Milliseconds.DefaultIfEmpty(double.NaN).Max()),
                Ms(l.Navigation.P95), Ms(l.Paging.P95), Number(l.InteractionsPerSecond, "0.0"),
                string.Join(" + ", l.AppCores.Select(a => Number(a, "0.00"))), Number(l.MachineBusy * 100, "0") + " %",
                l.Errors.Count == 0 ? "0" : $"{l.Errors.Count} ({l.Errors[0]})", Check(l.Met));
        }

        foreach (var instances in c.Levels.Select(l => l.Instances).Distinct())
        {
            var (within, beyond) = c.Capacity(instances);
            var max = c.Levels.Where(l => l.Instances == instances).Max(l => l.Users);
            report.Note($"Capacity of {(instances == 1 ? "one instance" : $"{instances} instances")} at p95 ≤ {Number(ConcurrencyBench.TargetP95Ms)} ms: "
                + (within, beyond) switch
                {
                    (null, _) => $"below the fewest users measured ({Number(c.Levels.Where(l => l.Instances == instances).Min(l => l.Users))}).",
                    (_, null) => $"at least {Number(within!.Value)} users (the most measured; the limit was not reached).",
                    _ => $"{Number(within!.Value)} users measured within, {Number(beyond!.Value)} beyond.",
                });
            _ = max;
        }

        foreach (var note in c.Notes)
        {
            report.Note(note);
        }
    }

    private static string MiB(long bytes) => Number(bytes / 1024.0 / 1024.0, "0.0") + " MiB";
}
