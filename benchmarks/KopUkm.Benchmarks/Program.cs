using System.Diagnostics;
using System.Globalization;
using KopUkm.Benchmarks.Harness;
using KopUkm.Benchmarks.Sections;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Host.Demo;

namespace KopUkm.Benchmarks;

// The performance harness: seeds throwaway data sets at medium and large scale (seed-demo --scale) on SQLite and/or
// PostgreSQL (a throwaway cluster), measures the dashboard, the ticket list, the jobs, the live-site check, memory per
// connected user and concurrent users clicking through list pages, and writes a Markdown report with the machine's
// description. Not a test: numbers to compare before and after a change.
//   dotnet run -c Release --project benchmarks/KopUkm.Benchmarks [-- --scale medium,large --provider sqlite|postgresql|both
//       --only dashboard,tickets,cooperatives,jobs,livecheck,memory,concurrency --seed 2026 --runs 50 --sessions 20 --rate 20
//       --users 5,10,20,40 --instances 1,2 --think 3 --cycles 3 --out benchmarks/results/latest.md]
// A cooperative list to time import-cooperatives with (docs/performance.md):
//   dotnet run -c Release --project benchmarks/KopUkm.Benchmarks -- --write-cooperative-list FILE.csv|FILE.xlsx ROWS [SEED]
// and its import, with the managed heap every 10,000 rows:
//   dotnet run -c Release --project benchmarks/KopUkm.Benchmarks -- --import-cooperative-list FILE
internal static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 2 && args[0] == "--serve-app")
        {
            // The database settings (Database__Provider, ConnectionStrings__Default) come in the environment.
            return await ServedApp.ServeAsync(args[1]);
        }

        if (args.Length == 2 && args[0] == "--import-cooperative-list")
        {
            return await CooperativeImportRun.RunAsync(args[1]);
        }

        if (args.Length is 3 or 4 && args[0] == "--write-cooperative-list")
        {
            return CooperativeListFile.Write(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), args.Length == 4 ? int.Parse(args[3], CultureInfo.InvariantCulture) : ScaleDemoSeeder.DefaultSeed);
        }

        HarnessOptions options;
        try
        {
            options = HarnessOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var started = Stopwatch.GetTimestamp();
        var loadAtStart = Machine.LoadAverage();
        var results = new List<ScaleResults>();
        // Concurrency runs once, on the largest data set: on PostgreSQL when it is measured (one and two instances on one
        // database), otherwise on SQLite (one instance; a second cannot share the file).
        var concurrencyScale = options.Scales[^1];
        var concurrencyProvider = options.Providers[^1];
        foreach (var scale in options.Scales)
        {
            foreach (var provider in options.Providers)
            {
                var name = $"{scale.Name} on {HarnessOptions.Name(provider)}";
                Console.WriteLine($"== {name}: seeding");
                var data = await ScaleData.CreateAsync(scale, options.Seed, provider);
                Console.WriteLine($"   {data.Seeded["Tickets"]:N0} tickets, {data.Seeded["TicketEvents"]:N0} events in {data.Seeded.Elapsed.TotalSeconds:0.0} s");
                var scaleResults = new ScaleResults(data);
                try
                {
                    await using (var app = BenchApp.Create(data.Folder, data.Settings))
                    {
                        if (options.Includes("dashboard"))
                        {
                            Console.WriteLine($"== {name}: dashboard");
                            scaleResults.Dashboard = await GuardedAsync(name, "dashboard", () => DashboardBench.RunAsync(app, data, options));
                        }

                        if (options.Includes("tickets"))
                        {
                            Console.WriteLine($"== {name}: ticket list");
                            scaleResults.Tickets = await GuardedAsync(name, "ticket list", () => TicketListBench.RunAsync(app, options));
                        }

                        if (options.Includes("cooperatives"))
                        {
                            Console.WriteLine($"== {name}: cooperative list");
                            scaleResults.Cooperatives = await GuardedAsync(name, "cooperative list", () => CooperativeListBench.RunAsync(app, options));
                        }

                        if (options.Includes("jobs"))
                        {
                            Console.WriteLine($"== {name}: jobs");
                            scaleResults.Jobs = await GuardedAsync(name, "jobs", () => JobsBench.RunAsync(app));
                        }
                    }

                    // The live-site check reads pages from a local test site into a data folder of its own: the same on
                    // either database, so it runs once per scale.
                    if (options.Includes("livecheck") && provider == options.Providers[0])
                    {
                        Console.WriteLine($"== {scale.Name}: live-site check over {scale.ContentItems:N0} pages");
                        scaleResults.LiveCheck = await GuardedAsync(name, "live-site check", () => LiveCheckBench.RunAsync(scale.ContentItems, options.LiveCheckRate));
                    }

                    if (options.Includes("memory"))
                    {
                        Console.WriteLine($"== {name}: memory with {options.Sessions} browser sessions");
                        scaleResults.Memory = await GuardedAsync(name, "memory", () => MemoryBench.RunAsync(data, options.Sessions));
                    }

                    if (options.Includes("concurrency") && scale == concurrencyScale && provider == concurrencyProvider)
                    {
                        Console.WriteLine($"== {name}: concurrent users {string.Join(",", options.Users)} on {string.Join(" and ", options.Instances)} instance(s)");
                        scaleResults.Concurrency = await GuardedAsync(name, "concurrency", () => ConcurrencyBench.RunAsync(data, options));
                    }
                }
                finally
                {
                    data.Delete();
                }

                results.Add(scaleResults);

                // The report so far, so that a long run that is cut short still leaves what it measured.
                await WriteReportAsync(options, results, started, loadAtStart, final: false);
            }
        }

        if (failures.Count > 0)
        {
            Console.Error.WriteLine("Sections that failed (left out of the report): " + string.Join("; ", failures));
        }

        await WriteReportAsync(options, results, started, loadAtStart, final: true);
        return failures.Count == 0 ? 0 : 1;
    }

    private static readonly List<string> failures = [];

    private static async Task WriteReportAsync(HarnessOptions options, List<ScaleResults> results, long started, string loadAtStart, bool final)
    {
        var markdown = ResultsReport.Render(options, results, Stopwatch.GetElapsedTime(started), loadAtStart);
        var output = Path.GetFullPath(options.Output);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllTextAsync(output, markdown);
        if (final)
        {
            Console.WriteLine();
            Console.WriteLine(markdown);
            Console.WriteLine($"Written to {output}");
        }
    }

    /// <summary>
    /// Runs one section; a section that fails is reported and left out, so a long run still writes what it measured.
    /// </summary>
    private static async Task<T?> GuardedAsync<T>(string dataSet, string section, Func<Task<T>> run)
        where T : class
    {
        try
        {
            return await run();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            failures.Add($"{section} on {dataSet}: {ex.Message.Split('\n')[0]}");
            await Console.Error.WriteLineAsync($"!! {section} on {dataSet} failed: {ex}");
            return null;
        }
    }
}
