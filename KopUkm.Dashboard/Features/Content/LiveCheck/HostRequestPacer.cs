using System.Collections.Concurrent;

namespace KopUkm.Dashboard.Features.Content.LiveCheck;

/// <summary>
/// Keeps requests to one origin polite: one at a time, and each starts at least one interval after the previous
/// one finished. Spacing from the finish (not the start) makes the limit hold as the server sees it: the previous
/// request had arrived before its answer came back, so arrivals are always more than an interval apart.
/// Shared by all runs, so two runs at once still stay under the limit.
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
            if (host.LastFinished is { } last && interval - clock.GetElapsedTime(last) is var wait && wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, ct);
            }
        }
        catch (OperationCanceledException)
        {
            host.Gate.Release();
            throw;
        }

        return new Turn(clock, host);
    }

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
