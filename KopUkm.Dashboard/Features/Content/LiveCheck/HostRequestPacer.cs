using System.Collections.Concurrent;

namespace KopUkm.Dashboard.Features.Content.LiveCheck;

/// <summary>
/// Keeps requests to one origin polite: one at a time, and each starts at least one interval after the previous
/// one finished. Spacing from the finish (not the start) makes the limit hold as the server sees it: the previous
/// request had arrived before its answer came back, so arrivals are always more than an interval apart, and with
/// an interval of at least 1/N s (<see cref="LiveCheckOptions.RequestInterval"/> rounds up to whole ticks) no
/// one-second window ever holds more than N arrivals. Shared by all runs, so two runs at once still stay under it.
/// </summary>
/// <remarks>
/// It runs on a real clock (<see cref="TimeProvider.System"/> as registered): the limit protects real servers in
/// real time, and a test clock that stands still would stall every request. Its own tests give it a fake clock.
/// </remarks>
public sealed class HostRequestPacer(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Host> hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Waits until a request to <paramref name="origin"/> may start; dispose the returned turn when the request
    /// (body included) is finished.
    /// </summary>
    public async Task<IDisposable> WaitTurnAsync(string origin, TimeSpan interval, CancellationToken ct)
    {
        var host = hosts.GetOrAdd(origin, _ => new Host());
        await host.Gate.WaitAsync(ct);
        try
        {
            // Timers count whole milliseconds (a due time is cut to them) and may fire before the monotonic clock
            // agrees, which let 97–99 ms gaps through at 10/s: so wait in whole milliseconds, rounded up, until the
            // monotonic clock itself says the interval has passed.
            while (host.LastFinished is { } last && interval - clock.GetElapsedTime(last) is var wait && wait > TimeSpan.Zero)
            {
                await Task.Delay(WholeMilliseconds(wait), clock, ct);
            }
        }
        catch (OperationCanceledException)
        {
            host.Gate.Release();
            throw;
        }

        return new Turn(clock, host);
    }

    private static TimeSpan WholeMilliseconds(TimeSpan wait) =>
        TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds));

    private sealed class Host
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public long? LastFinished { get; set; }
    }

    private sealed class Turn(TimeProvider clock, Host host) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                host.LastFinished = clock.GetTimestamp();
                host.Gate.Release();
            }
        }
    }
}
