namespace KopUkm.Dashboard.Features.Tickets.Sla;

/// <summary>Where one SLA clock (first response or resolution) stands at the moment of calculation.</summary>
/// <param name="Elapsed">Working time counted so far.</param>
/// <param name="Target">Working time allowed.</param>
/// <param name="Remaining">Target less elapsed; negative once over the target.</param>
/// <param name="DueAtUtc">
/// While running: when the target runs out — or ran out, for a breached clock (then it equals
/// <paramref name="BreachedAtUtc"/>). Null when the clock is not running: stopped, paused or not started.
/// </param>
/// <param name="State">The clock's state; see <see cref="SlaState"/>.</param>
/// <param name="BreachedAtUtc">The instant the target ran out, when the clock was still running after it; kept after the clock stops.</param>
/// <param name="IsRunning">Whether working time is being counted now.</param>
/// <param name="IsPaused">Whether the clock is paused while the ticket waits on the applicant.</param>
public sealed record SlaClock(
    TimeSpan Elapsed,
    TimeSpan Target,
    TimeSpan Remaining,
    DateTime? DueAtUtc,
    SlaState State,
    DateTime? BreachedAtUtc,
    bool IsRunning,
    bool IsPaused);

/// <summary>An SLA clock's state, ordered from best to worst so that the larger value is the one to show.</summary>
public enum SlaState
{
    /// <summary>Stopped within the target.</summary>
    Met,

    /// <summary>Not stopped, and less than the at-risk share of the target spent.</summary>
    OnTrack,

    /// <summary>Not stopped, not breached, and at least the at-risk share of the target spent.</summary>
    AtRisk,

    /// <summary>The clock ran past its due instant at some moment; permanent, even after the ticket closes.</summary>
    Breached,
}
