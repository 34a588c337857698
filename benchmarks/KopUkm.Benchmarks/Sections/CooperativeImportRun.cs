using System.Diagnostics;
using System.Globalization;
using KopUkm.Benchmarks.Harness;
using KopUkm.Dashboard.Features.Cooperatives.Import;

namespace KopUkm.Benchmarks.Sections;

/// <summary>
/// <c>--import-cooperative-list FILE</c>: imports a list (see <see cref="CooperativeListFile"/>) into a fresh data
/// folder through the operator's path, and prints, every 10,000 rows of each pass, the time so far and the managed
/// heap after a full collection, so that "memory stays flat" is a number per row count rather than a claim. The
/// collections cost time: for the import's own speed, time the <c>import-cooperatives</c> command instead.
/// </summary>
internal static class CooperativeImportRun
{
    public static async Task<int> RunAsync(string file)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"kopukm-import-bench-{Guid.NewGuid():N}");
        try
        {
            await using var app = BenchApp.Create(folder);
            await app.PrepareAsync();
            var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
            var watch = Stopwatch.StartNew();
            var samples = new List<string>();
            var progress = new Samples(p =>
            {
                var heap = GC.GetTotalMemory(forceFullCollection: true);
                samples.Add(string.Create(CultureInfo.InvariantCulture, $"| {p.Stage} | {p.Rows:N0} | {watch.Elapsed.TotalSeconds:0.0} s | {(heap - heapBefore) / 1024.0 / 1024.0:0.0} MiB |"));
            });
            CooperativeImportResult result;
            await using (var stream = File.OpenRead(file))
            {
                result = await app.Get<CooperativeImportService>().ImportAsOperatorAsync(stream, Path.GetFileName(file), dryRun: false, progress);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(file)}: {result.Added:N0} added, {result.BadRows:N0} bad rows, {watch.Elapsed.TotalSeconds:0.0} s with a full collection at each sample"));
            Console.WriteLine("| pass | rows | elapsed | managed heap above the idle app |");
            Console.WriteLine("|---|---:|---:|---:|");
            samples.ForEach(Console.WriteLine);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Peak working set of the process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:0} MiB"));
            return result.FileError is null ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Samples every 10,000 rows of each pass, and the last report of each.</summary>
    private sealed class Samples(Action<CooperativeImportProgress> sample) : IProgress<CooperativeImportProgress>
    {
        private CooperativeImportProgress? last;
        private int lastSampled;

        public void Report(CooperativeImportProgress value)
        {
            if (last is not null && last.Stage != value.Stage)
            {
                if (last.Rows != lastSampled)
                {
                    sample(last);
                }

                lastSampled = 0;
            }

            if (value.Rows / 10_000 > lastSampled / 10_000 || value.Rows == value.Total)
            {
                sample(value);
                lastSampled = value.Rows;
            }

            last = value;
        }
    }
}
