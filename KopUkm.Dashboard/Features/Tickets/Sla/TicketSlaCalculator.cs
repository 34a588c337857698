using KopUkm.Dashboard.Features.Calendar;

namespace KopUkm.Dashboard.Features.Tickets.Sla;

/// <summary>
/// Computes a ticket's first-response and resolution clocks from its event log on the office's working calendar.
/// The result depends only on the events and "now", never on stored state, so an edited history or a reopened ticket
/// is always measured afresh. The rules, with worked examples, are in docs/sla.md.
/// </summary>
public static class TicketSlaCalculator
{
    /// <summary>The share of a target after which an open clock is shown as at risk (the office warns at 80%).</summary>
    public const double DefaultAtRiskThreshold = 0.8;

    /// <summary>
    /// Measures both clocks as of <paramref name="clock"/>'s current time. Events may come in any order; they are
    /// sorted by time, keeping the given order for equal times. Events before the creation or after "now" are not
    /// counted.
    /// </summary>
    /// <param name="events">The ticket's events; must hold at least one <see cref="SlaEventKind.Created"/>.</param>
    /// <param name="targets">The service's targets in working time.</param>
    /// <param name="calendar">The office's working calendar.</param>
    /// <param name="clock">Supplies "now" for clocks still running.</param>
    /// <param name="atRiskThreshold">The share of a target, from 0 to 1, from which an open clock is at risk.</param>
    /// <exception cref="ArgumentException">There is no creation event, or an instant is in local time.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A target is negative or the threshold is outside 0–1.</exception>
    public static SlaSnapshot Calculate(
        IReadOnlyList<SlaEvent> events,
        SlaTargets targets,
        WorkingCalendar calendar,
        TimeProvider clock,
        double atRiskThreshold = DefaultAtRiskThreshold)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfLessThan(targets.FirstResponse, TimeSpan.Zero, nameof(targets));
        ArgumentOutOfRangeException.ThrowIfLessThan(targets.Resolution, TimeSpan.Zero, nameof(targets));
        if (!(atRiskThreshold is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(atRiskThreshold), atRiskThreshold, "The threshold is a share of the target, from 0 to 1.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (events.Any(e => e is null))
        {
            throw new ArgumentException("The events must not contain null.", nameof(events));
        }

        // OrderBy is a stable sort, so events recorded at the same instant keep the order they were given in.
        var ordered = events.OrderBy(e => e.AtUtc).ToList();
        var createdIndex = ordered.FindIndex(e => e.Kind == SlaEventKind.Created);
        if (createdIndex < 0)
        {
            throw new ArgumentException("A ticket's events must include its creation.", nameof(events));
        }

        var created = ordered[createdIndex].AtUtc;
        if (created > now)
        {
            return new SlaSnapshot(NotStarted(targets.FirstResponse), NotStarted(targets.Resolution), now);
        }

        DateTime? firstResponseAt = null;
        var resolution = new List<Segment>();
        var phase = Phase.Running;
        var runningSince = created;
        for (var i = 0; i < ordered.Count; i++)
        {
            var e = ordered[i];
            if (e.AtUtc > now)
            {
                break;
            }

            if (i == createdIndex || e.AtUtc < created)
            {
                continue;
            }

            switch (e.Kind)
            {
                case SlaEventKind.FirstResponse:
                    firstResponseAt ??= e.AtUtc;
                    break;
                case SlaEventKind.Paused when phase == Phase.Running:
                    resolution.Add(new Segment(runningSince, e.AtUtc));
                    phase = Phase.Paused;
                    break;
                case SlaEventKind.Resumed when phase == Phase.Paused:
                    runningSince = e.AtUtc;
                    phase = Phase.Running;
                    break;
                case SlaEventKind.Resolved when phase != Phase.Stopped:
                    // Resolving is itself an answer to the applicant, so it also stops a first-response clock.
                    firstResponseAt ??= e.AtUtc;
                    if (phase == Phase.Running)
                    {
                        resolution.Add(new Segment(runningSince, e.AtUtc));
                    }

                    phase = Phase.Stopped;
                    break;
                case SlaEventKind.Reopened when phase == Phase.Stopped:
                    runningSince = e.AtUtc;
                    phase = Phase.Running;
                    break;
                default:
                    // A second creation, a pause while paused, a resume or reopen with nothing to undo, a second
                    // resolution: none of them changes a clock.
                    break;
            }
        }

        if (phase == Phase.Running)
        {
            resolution.Add(new Segment(runningSince, now));
        }

        // The first-response clock never pauses: the office must acknowledge a ticket even while it waits on the applicant.
        var firstResponse = Measure(
            [new Segment(created, firstResponseAt ?? now)],
            firstResponseAt is null ? Phase.Running : Phase.Stopped,
            targets.FirstResponse,
            calendar,
            atRiskThreshold);
        return new SlaSnapshot(firstResponse, Measure(resolution, phase, targets.Resolution, calendar, atRiskThreshold), now);
    }

    private static SlaClock NotStarted(TimeSpan target) =>
        new(TimeSpan.Zero, target, target, DueAtUtc: null, SlaState.OnTrack, BreachedAtUtc: null, IsRunning: false, IsPaused: false);

    /// <param name="segments">The stretches the clock ran, in order; when running, the last one ends now.</param>
    private static SlaClock Measure(List<Segment> segments, Phase phase, TimeSpan target, WorkingCalendar calendar, double atRiskThreshold)
    {
        var elapsed = TimeSpan.Zero;
        DateTime? breachedAt = null;
        DateTime? dueAt = null;
        for (var i = 0; i < segments.Count; i++)
        {
            var (start, end) = segments[i];
            if (breachedAt is null)
            {
                // Until the breach, elapsed never exceeds the target, so what is left is never negative. A clock
                // still running after its due instant is breached even when no working time has passed since
                // (due 16:00, still open at 19:00): the due time is what people see, and it has gone by.
                var due = calendar.AddWorkingTime(start, target - elapsed);
                if (end > due)
                {
                    breachedAt = due;
                }
                else if (phase == Phase.Running && i == segments.Count - 1)
                {
                    dueAt = due;
                }
            }

            elapsed += calendar.WorkingTimeBetween(start, end);
        }

        var running = phase == Phase.Running;
        var state = breachedAt is not null ? SlaState.Breached
            : phase == Phase.Stopped ? SlaState.Met
            : IsAtRisk(elapsed, target, atRiskThreshold) ? SlaState.AtRisk
            : SlaState.OnTrack;
        return new SlaClock(
            elapsed,
            target,
            target - elapsed,
            running ? dueAt ?? breachedAt : null,
            state,
            breachedAt,
            running,
            phase == Phase.Paused);
    }

    // A ratio of exact tick counts rounds to the same double as the threshold literal when the share is exactly
    // that (6 h of 7.5 h is 0.8), where multiplying the target by 0.8 could land a tick either side.
    private static bool IsAtRisk(TimeSpan elapsed, TimeSpan target, double threshold) =>
        target == TimeSpan.Zero || (double)elapsed.Ticks / target.Ticks >= threshold;

    private enum Phase
    {
        Running,
        Paused,
        Stopped,
    }

    private readonly record struct Segment(DateTime Start, DateTime End);
}
