using System.Diagnostics;
using System.Globalization;

namespace KopUkm.Benchmarks.Harness;

/// <summary>Timed runs of one operation after warm-up runs, summarised as percentiles (nearest rank).</summary>
internal sealed record Sample(IReadOnlyList<double> Milliseconds)
{
    public double P50 => Percentile(0.50);

    public double P95 => Percentile(0.95);

    public double Percentile(double p)
    {
        var sorted = Milliseconds.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"p50 {P50:0.00} ms · p95 {P95:0.00} ms (n={Milliseconds.Count})");
}

internal static class Timing
{
    public static async Task<Sample> MeasureAsync(Func<Task> action, int warmUps, int runs)
    {
        for (var i = 0; i < warmUps; i++)
        {
            await action();
        }

        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await action();
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        return new Sample(times);
    }

    public static Sample Measure(Action action, int warmUps, int runs) =>
        MeasureAsync(() =>
        {
            action();
            return Task.CompletedTask;
        }, warmUps, runs).GetAwaiter().GetResult();
}
