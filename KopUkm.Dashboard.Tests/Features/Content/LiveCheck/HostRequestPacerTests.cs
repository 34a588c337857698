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
}
