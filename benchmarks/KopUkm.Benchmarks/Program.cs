using System.Diagnostics;
using System.Globalization;
using KopUkm.Benchmarks.Harness;
using KopUkm.Benchmarks.Sections;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Host.Demo;

namespace KopUkm.Benchmarks;

// The performance harness: seeds throwaway data folders at medium and large scale (seed-demo --scale), measures the
// dashboard, the ticket list, the jobs, the live-site check and memory per connected user, and writes a Markdown
// report with the machine's description. Not a test: numbers to compare before and after a change.
//   dotnet run -c Release --project benchmarks/KopUkm.Benchmarks [-- --scale medium,large --only dashboard,tickets,cooperatives,jobs,livecheck,memory
//       --seed 2026 --runs 50 --sessions 20 --rate 20 --out benchmarks/results/latest.md]
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
        var results = new Dictionary<DemoScale, ScaleResults>();
        foreach (var scale in options.Scales)
        {
            Console.WriteLine($"== {scale.Name}: seeding");
            var data = await ScaleData.CreateAsync(scale, options.Seed);
            Console.WriteLine($"   {data.Seeded["Tickets"]:N0} tickets, {data.Seeded["TicketEvents"]:N0} events in {data.Seeded.Elapsed.TotalSeconds:0.0} s");
            var scaleResults = new ScaleResults(data);
            try
            {
                await using (var app = BenchApp.Create(data.Folder))
                {
                    if (options.Includes("dashboard"))
                    {
                        Console.WriteLine($"== {scale.Name}: dashboard");
                        scaleResults.Dashboard = await DashboardBench.RunAsync(app, options);
                    }

                    if (options.Includes("tickets"))
                    {
                        Console.WriteLine($"== {scale.Name}: ticket list");
                        scaleResults.Tickets = await TicketListBench.RunAsync(app, options);
                    }

                    if (options.Includes("cooperatives"))
                    {
                        Console.WriteLine($"== {scale.Name}: cooperative list");
                        scaleResults.Cooperatives = await CooperativeListBench.RunAsync(app, options);
                    }

                    if (options.Includes("jobs"))
                    {
                        Console.WriteLine($"== {scale.Name}: jobs");
                        scaleResults.Jobs = await JobsBench.RunAsync(app);
                    }
                }

                if (options.Includes("livecheck"))
                {
                    Console.WriteLine($"== {scale.Name}: live-site check over {scale.ContentItems:N0} pages");
                    scaleResults.LiveCheck = await LiveCheckBench.RunAsync(scale.ContentItems, options.LiveCheckRate);
                }

                if (options.Includes("memory"))
                {
                    Console.WriteLine($"== {scale.Name}: memory with {options.Sessions} browser sessions");
                    scaleResults.Memory = await MemoryBench.RunAsync(data.Folder, options.Sessions);
                }
            }
            finally
            {
                data.Delete();
            }

            results[scale] = scaleResults;
        }

        var markdown = ResultsReport.Render(options, results, Stopwatch.GetElapsedTime(started), loadAtStart);
        var output = Path.GetFullPath(options.Output);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllTextAsync(output, markdown);
        Console.WriteLine();
        Console.WriteLine(markdown);
        Console.WriteLine($"Written to {output}");
        return 0;
    }
}
