using System.Diagnostics;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Host.Demo;
using Microsoft.Data.Sqlite;

namespace KopUkm.Benchmarks.Harness;

/// <summary>A throwaway data folder seeded at one scale by <see cref="ScaleDemoSeeder"/> (what <c>seed-demo --scale</c> runs).</summary>
internal sealed record ScaleData(DemoScale Scale, string Folder, string DatabaseFile, ScaleDemoSeedResult Seeded, long DatabaseBytes)
{
    public static async Task<ScaleData> CreateAsync(DemoScale scale, int seed)
    {
        var folder = Directory.CreateTempSubdirectory($"kopukm-bench-{scale.Name}-").FullName;
        await using var app = BenchApp.Create(folder);
        var started = Stopwatch.GetTimestamp();
        await app.PrepareAsync();
        var seeded = await app.Get<ScaleDemoSeeder>().SeedAsync(scale, seed);
        seeded = seeded with { Elapsed = Stopwatch.GetElapsedTime(started) };
        var file = app.DatabaseFile;
        SqliteConnection.ClearAllPools();
        return new ScaleData(scale, folder, file, seeded, new FileInfo(file).Length);
    }

    public void Delete()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing host; the temp folder is cleaned by the system.
        }
    }
}
