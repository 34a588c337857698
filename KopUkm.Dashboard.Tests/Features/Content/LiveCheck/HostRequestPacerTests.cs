using KopUkm.Dashboard.Features.Content.LiveCheck;
using Microsoft.Extensions.Time.Testing;

namespace KopUkm.Dashboard.Tests.Features.Content.LiveCheck;

public sealed class HostRequestPacerTests
{
    private const string Host = "https://a.example:443";
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task The_next_request_to_a_host_starts_one_interval_after_the_previous_one_finished()
    {
        var clock = new FakeTimeProvider();
        var pacer = new HostRequestPacer(clock);
        var first = await pacer.WaitTurnAsync(Host, Second, CancellationToken.None);
        clock.Advance(TimeSpan.FromMilliseconds(300));
        first.Dispose();

        var second = pacer.WaitTurnAsync(Host, Second, CancellationToken.None);

        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(second.IsCompleted);
    }

    [Fact]
    public async Task A_host_gets_one_request_at_a_time()
    {
        var clock = new FakeTimeProvider();
        var pacer = new HostRequestPacer(clock);
        var first = await pacer.WaitTurnAsync(Host, TimeSpan.Zero, CancellationToken.None);

        var second = pacer.WaitTurnAsync(Host, TimeSpan.Zero, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.False(second.IsCompleted);
        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task Hosts_do_not_wait_for_each_other()
    {
        var clock = new FakeTimeProvider();
        var pacer = new HostRequestPacer(clock);
        (await pacer.WaitTurnAsync(Host, Second, CancellationToken.None)).Dispose();

        var otherHost = pacer.WaitTurnAsync("https://b.example:443", Second, CancellationToken.None);
        var otherPort = pacer.WaitTurnAsync("https://a.example:8443", Second, CancellationToken.None);

        Assert.True(otherHost.IsCompleted);
        Assert.True(otherPort.IsCompleted);
    }

    [Fact]
    public async Task A_host_idle_for_longer_than_the_interval_is_served_at_once()
    {
        var clock = new FakeTimeProvider();
        var pacer = new HostRequestPacer(clock);
        (await pacer.WaitTurnAsync(Host, Second, CancellationToken.None)).Dispose();
        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.True(pacer.WaitTurnAsync(Host, Second, CancellationToken.None).IsCompleted);
    }

    [Theory]
    [InlineData(10, 0.0)]
    [InlineData(10, 2.5)]
    [InlineData(3, 0.0)]
    [InlineData(7, 1.3)]
    [InlineData(1, 0.0)]
    public async Task No_one_second_window_at_the_server_holds_more_than_n_requests_on_millisecond_timers(int perSecond, double requestMilliseconds)
    {
        var clock = new FakeTimeProvider();
        var pacer = new HostRequestPacer(new MillisecondTimers(clock));
        var interval = new LiveCheckOptions { RequestsPerSecondPerHost = perSecond }.RequestInterval;
        var starts = new List<long>();
        var finishes = new List<long>();

        for (var i = 0; i < (3 * perSecond) + 1; i++)
        {
            var turn = pacer.WaitTurnAsync(Host, interval, CancellationToken.None);
            while (!turn.IsCompleted)
            {
                clock.Advance(TimeSpan.FromMilliseconds(0.1));
            }

            starts.Add(clock.GetTimestamp());
            clock.Advance(TimeSpan.FromMilliseconds(requestMilliseconds));
            (await turn).Dispose();
            finishes.Add(clock.GetTimestamp());
            // The checker's own work (reading the page, its links) before it asks for the next turn.
            clock.Advance(TimeSpan.FromMilliseconds(0.6));
        }

        // The server may see request k arrive as late as its finish and request k + N as early as its start:
        // even then N + 1 arrivals never fit in one second.
        for (var k = 0; k + perSecond < starts.Count; k++)
        {
            var window = clock.GetElapsedTime(finishes[k], starts[k + perSecond]);
            Assert.True(window >= Second, $"requests {k}..{k + perSecond} within {window.TotalMilliseconds} ms");
        }
    }

    [Theory]
    [InlineData(3, 3_333_334)]
    [InlineData(7, 1_428_572)]
    [InlineData(10, 1_000_000)]
    [InlineData(0.5, 20_000_000)]
    public void The_interval_is_one_nth_of_a_second_rounded_up_to_whole_ticks(double perSecond, long ticks) =>
        Assert.Equal(ticks, new LiveCheckOptions { RequestsPerSecondPerHost = perSecond }.RequestInterval.Ticks);

    [Fact]
    public async Task A_cancelled_wait_gives_the_turn_back()
    {
        var clock = new FakeTimeProvider();
        var pacer = new HostRequestPacer(clock);
        (await pacer.WaitTurnAsync(Host, Second, CancellationToken.None)).Dispose();
        using var cancel = new CancellationTokenSource();

        var waiting = pacer.WaitTurnAsync(Host, Second, cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        clock.Advance(Second);

        Assert.True(pacer.WaitTurnAsync(Host, Second, CancellationToken.None).IsCompleted);
    }

    /// <summary>
    /// The fake clock with timers as the system's: a due time is cut to whole milliseconds (as
    /// <see cref="System.Threading.Timer"/> does), so a timer can fire before the monotonic clock reaches it.
    /// </summary>
    private sealed class MillisecondTimers(FakeTimeProvider clock) : TimeProvider
    {
        public override long TimestampFrequency => clock.TimestampFrequency;

        public override long GetTimestamp() => clock.GetTimestamp();

        public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            clock.CreateTimer(callback, state, Cut(dueTime), period == Timeout.InfiniteTimeSpan ? period : Cut(period));

        private static TimeSpan Cut(TimeSpan time) => TimeSpan.FromMilliseconds(Math.Floor(time.TotalMilliseconds));
    }
}
