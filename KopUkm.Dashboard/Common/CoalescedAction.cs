namespace KopUkm.Dashboard.Common;

/// <summary>
/// Runs an action at most once per window however often it is triggered: the first trigger runs at once, a burst
/// after it collapses into one more run when the window ends. A page subscribed to busy topics thus re-queries
/// once a second at most instead of once per event.
/// </summary>
public sealed class CoalescedAction : IDisposable
{
    private readonly Func<Task> action;
    private readonly TimeSpan window;
    private readonly TimeProvider clock;
    private readonly ILogger? logger;
    private readonly Lock gate = new();
    private DateTimeOffset? lastStart;
    private bool scheduled;
    private bool disposed;
    private ITimer? timer;

    /// <param name="action">The refresh, e.g. <c>() =&gt; InvokeAsync(ReloadAsync)</c> in a component.</param>
    /// <param name="window">The shortest time between two runs; about a second suits pages.</param>
    public CoalescedAction(Func<Task> action, TimeSpan window, TimeProvider clock, ILogger? logger = null)
    {
        this.action = action;
        this.window = window;
        this.clock = clock;
        this.logger = logger;
    }

    /// <summary>Asks for a run; returns without waiting for it.</summary>
    public void Trigger()
    {
        TimeSpan delay;
        lock (gate)
        {
            if (scheduled || disposed)
            {
                return;
            }

            scheduled = true;
            var now = clock.GetUtcNow();
            delay = lastStart is { } last && last + window > now ? last + window - now : TimeSpan.Zero;
            if (delay > TimeSpan.Zero)
            {
                timer?.Dispose();
                timer = clock.CreateTimer(_ => _ = RunAsync(), null, delay, Timeout.InfiniteTimeSpan);
            }
        }

        if (delay == TimeSpan.Zero)
        {
            _ = RunAsync();
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            timer?.Dispose();
            timer = null;
        }
    }

    private async Task RunAsync()
    {
        lock (gate)
        {
            // Cleared before running, so a change that arrives during the run schedules one more.
            scheduled = false;
            lastStart = clock.GetUtcNow();
            if (disposed)
            {
                return;
            }
        }

        try
        {
            await action();
        }
#pragma warning disable CA1031 // Runs detached from any caller: an escaping exception would go unobserved.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger?.LogError(ex, "A coalesced refresh failed.");
        }
    }
}
