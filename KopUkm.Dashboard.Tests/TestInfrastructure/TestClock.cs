using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace KopUkm.Dashboard.Tests.TestInfrastructure;

/// <summary>
/// The one instant every test starts from: Monday 23 November 2026, 09:00 WIB (inside office hours). Tests never
/// read the wall clock, so they pass on any date and under a moved system clock (faketime).
/// </summary>
public static class TestClock
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    /// <summary>A clock that stands still at <see cref="Start"/> until a test advances it.</summary>
    public static FakeTimeProvider Pinned() => new(Start);
}

/// <summary>
/// A clock for a running server driven by a real browser: it reads <see cref="TestClock.Start"/> plus the time
/// elapsed since it was made, and its timers are real, so coalesced page refreshes and session re-checks fire as
/// they would in production while every date the app computes stays the pinned one.
/// </summary>
public sealed class RunningTestClock : TimeProvider
{
    private readonly long startedAt = Stopwatch.GetTimestamp();
    private long skippedTicks;

    public override DateTimeOffset GetUtcNow() =>
        TestClock.Start + Stopwatch.GetElapsedTime(startedAt) + TimeSpan.FromTicks(Interlocked.Read(ref skippedTicks));

    /// <summary>Jumps the clock forward (timers keep real time), e.g. past a session's lifetime.</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref skippedTicks, by.Ticks);

    /// <summary>
    /// Jumps to the start of the next whole minute, so a test of a per-minute limit (fixed windows aligned to the
    /// clock's minutes) has the whole window before it, however long the host took to start.
    /// </summary>
    public void AdvanceToNextMinute()
    {
        var into = GetUtcNow().UtcTicks % TimeSpan.TicksPerMinute;
        Advance(TimeSpan.FromTicks(TimeSpan.TicksPerMinute - into));
    }
}
