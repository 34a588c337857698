using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace KopUkm.Dashboard.Tests.Common;

public sealed class ChangeNotifierTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
    private readonly ChangeNotifier notifier = new(TestClock.Pinned(), NullLogger<ChangeNotifier>.Instance);

    private static TaskCompletionSource<ChangeEvent> Signal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Fact]
    public async Task Only_subscribers_of_the_published_topic_hear_it()
    {
        var tickets = Signal();
        var content = Signal();
        using var a = notifier.Subscribe(ChangeTopic.Tickets, e => { tickets.TrySetResult(e); return Task.CompletedTask; });
        using var b = notifier.Subscribe(ChangeTopic.Content, e => { content.TrySetResult(e); return Task.CompletedTask; });

        await notifier.PublishAndWaitAsync(ChangeTopic.Tickets, "42").WaitAsync(Patience);

        var heard = await tickets.Task.WaitAsync(Patience);
        Assert.Equal((ChangeTopic.Tickets, "42"), (heard.Topic, heard.ScopeKey));
        Assert.Equal(TestClock.Start, heard.OccurredAt);
        Assert.False(content.Task.IsCompleted);
    }

    [Fact]
    public async Task A_disposed_subscription_hears_nothing_more()
    {
        var calls = 0;
        var other = Signal();
        var subscription = notifier.Subscribe(ChangeTopic.Cooperatives, _ => { Interlocked.Increment(ref calls); return Task.CompletedTask; });
        using var witness = notifier.Subscribe(ChangeTopic.Cooperatives, e => { other.TrySetResult(e); return Task.CompletedTask; });

        subscription.Dispose();
        await notifier.PublishAndWaitAsync(ChangeTopic.Cooperatives).WaitAsync(Patience);

        Assert.True(other.Task.IsCompletedSuccessfully);
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task A_throwing_handler_neither_reaches_the_publisher_nor_stops_the_others()
    {
        var healthy = Signal();
        using var broken = notifier.Subscribe(ChangeTopic.Notifications, _ => throw new InvalidOperationException("broken page"));
        using var fine = notifier.Subscribe(ChangeTopic.Notifications, e => { healthy.TrySetResult(e); return Task.CompletedTask; });

        notifier.Publish(ChangeTopic.Notifications, "u-1");

        Assert.Equal("u-1", (await healthy.Task.WaitAsync(Patience)).ScopeKey);
    }

    [Fact]
    public async Task Publishing_does_not_wait_for_slow_handlers()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slowStarted = Signal();
        var blockingStarted = Signal();
        using var slow = notifier.Subscribe(ChangeTopic.Tickets, async e => { slowStarted.TrySetResult(e); await release.Task; });
        using var blocking = notifier.Subscribe(ChangeTopic.Tickets, e => { blockingStarted.TrySetResult(e); release.Task.Wait(); return Task.CompletedTask; });
        try
        {
            // Publish runs on another thread so that, were it to wait for the handlers, the test fails on the
            // timeout instead of hanging.
            await Task.Run(() => notifier.Publish(ChangeTopic.Tickets)).WaitAsync(Patience);
            var delivered = notifier.PublishAndWaitAsync(ChangeTopic.Tickets);
            await Task.WhenAll(slowStarted.Task, blockingStarted.Task).WaitAsync(Patience);

            Assert.False(delivered.IsCompleted);
            release.SetResult();
            await delivered.WaitAsync(Patience);
        }
        finally
        {
            release.TrySetResult();
        }
    }
}

public sealed class CoalescedActionTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly FakeTimeProvider clock = TestClock.Pinned();
    private int runs;

    private CoalescedAction Create() => new(() => { Interlocked.Increment(ref runs); return Task.CompletedTask; }, Window, clock);

    [Fact]
    public void A_burst_runs_once_at_once_and_once_more_when_the_window_ends()
    {
        using var refresh = Create();

        for (var i = 0; i < 50; i++)
        {
            refresh.Trigger();
        }

        Assert.Equal(1, runs);
        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(1, runs);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, runs);
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(2, runs);
    }

    [Fact]
    public void Triggers_further_apart_than_the_window_each_run_at_once()
    {
        using var refresh = Create();

        refresh.Trigger();
        clock.Advance(TimeSpan.FromSeconds(2));
        refresh.Trigger();

        Assert.Equal(2, runs);
    }

    [Fact]
    public void Nothing_runs_after_dispose()
    {
        var refresh = Create();
        refresh.Trigger();
        refresh.Trigger();

        refresh.Dispose();
        clock.Advance(TimeSpan.FromSeconds(5));
        refresh.Trigger();

        Assert.Equal(1, runs);
    }
}
