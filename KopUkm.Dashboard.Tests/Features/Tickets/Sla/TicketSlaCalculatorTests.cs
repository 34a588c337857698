using System.Globalization;
using KopUkm.Dashboard.Features.Calendar;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using KopUkm.Dashboard.Features.Tickets.Sla;
using Microsoft.Extensions.Time.Testing;
using static KopUkm.Dashboard.Features.Tickets.Sla.SlaEventKind;

namespace KopUkm.Dashboard.Tests.Features.Tickets.Sla;

public sealed class TicketSlaCalculatorTests
{
    private static readonly TimeSpan Day = TimeSpan.FromHours(7.5);

    private readonly WorkingCalendar calendar = OfficeCalendars.Office2026();

    // One working day to the first reply, three to resolution: 7.5 h and 22.5 h.
    private readonly SlaTargets oneAndThreeDays;

    public TicketSlaCalculatorTests() => oneAndThreeDays = SlaTargets.FromWorkingDays(1, 3, calendar);

    [Fact]
    public void Targets_in_working_days_use_the_standard_day_of_seven_and_a_half_hours()
    {
        var targets = SlaTargets.FromWorkingDays(3, 10, calendar);

        Assert.Equal(TimeSpan.FromHours(22.5), targets.FirstResponse);
        Assert.Equal(TimeSpan.FromHours(75), targets.Resolution);
    }

    [Fact]
    public void A_ticket_created_at_night_starts_counting_at_half_past_seven_next_morning()
    {
        // Created Monday 23 Nov 20:00 WIB. Nothing counts until Tuesday 07:30.
        SlaEvent[] events = [new(Created, Wib(11, 23, 20, 0))];

        var atOpening = Calculate(events, oneAndThreeDays, Wib(11, 24, 7, 30));
        Assert.Equal(TimeSpan.Zero, atOpening.Resolution.Elapsed);
        Assert.Equal(SlaState.OnTrack, atOpening.Worst);

        // Tuesday 09:00: 07:30–09:00 = 1.5 h on both clocks.
        var snapshot = Calculate(events, oneAndThreeDays, Wib(11, 24, 9, 0));
        Assert.Equal(TimeSpan.FromHours(1.5), snapshot.FirstResponse.Elapsed);
        Assert.Equal(TimeSpan.FromHours(1.5), snapshot.Resolution.Elapsed);
        Assert.Equal(TimeSpan.FromHours(21), snapshot.Resolution.Remaining);
        // First response 7.5 h: Tuesday 07:30–12:00 (4.5 h) + 13:00–16:00 (3 h) → Tuesday 16:00.
        Assert.Equal(Wib(11, 24, 16, 0), snapshot.FirstResponse.DueAtUtc);
        // Resolution 22.5 h: Tuesday, Wednesday and Thursday in full → Thursday 26 Nov 16:00.
        Assert.Equal(Wib(11, 26, 16, 0), snapshot.Resolution.DueAtUtc);
        Assert.True(snapshot.Resolution.IsRunning);
    }

    [Fact]
    public void A_weekend_does_not_count()
    {
        // Created Friday 27 Nov 15:00 WIB; now Monday 30 Nov 09:00.
        // Friday 15:00–16:30 (1.5 h) + Monday 07:30–09:00 (1.5 h) = 3 h.
        var snapshot = Calculate([new(Created, Wib(11, 27, 15, 0))], oneAndThreeDays, Wib(11, 30, 9, 0));

        Assert.Equal(TimeSpan.FromHours(3), snapshot.FirstResponse.Elapsed);
        // 6 h of the first day remain after Friday's 1.5 h: Monday 07:30–12:00 (4.5 h) + 13:00–14:30 (1.5 h).
        Assert.Equal(Wib(11, 30, 14, 30), snapshot.FirstResponse.DueAtUtc);
    }

    [Fact]
    public void Friday_closes_later_and_takes_a_longer_break()
    {
        // Thursday 26 Nov 13:00 → reply 16:20: only 13:00–16:00 counts, 3 h.
        var thursday = Calculate([new(Created, Wib(11, 26, 13, 0)), new(FirstResponse, Wib(11, 26, 16, 20))], oneAndThreeDays, Wib(11, 26, 17, 0));
        Assert.Equal(TimeSpan.FromHours(3), thursday.FirstResponse.Elapsed);

        // Friday 27 Nov 13:00 → reply 16:20: Friday runs to 16:30, so 3 h 20 min.
        var friday = Calculate([new(Created, Wib(11, 27, 13, 0)), new(FirstResponse, Wib(11, 27, 16, 20))], oneAndThreeDays, Wib(11, 27, 17, 0));
        Assert.Equal(new TimeSpan(3, 20, 0), friday.FirstResponse.Elapsed);
        Assert.Equal(SlaState.Met, friday.FirstResponse.State);
        Assert.Null(friday.FirstResponse.DueAtUtc);

        // Friday 11:00 → reply 13:30: 11:00–11:30 + 13:00–13:30 = 1 h; the Friday-prayer break 11:30–13:00 is skipped.
        var overPrayers = Calculate([new(Created, Wib(11, 27, 11, 0)), new(FirstResponse, Wib(11, 27, 13, 30))], oneAndThreeDays, Wib(11, 27, 17, 0));
        Assert.Equal(TimeSpan.FromHours(1), overPrayers.FirstResponse.Elapsed);
    }

    [Fact]
    public void The_idul_fitri_block_does_not_count()
    {
        // Created Tuesday 17 March 13:00 WIB, still Ramadan (08:00–14:30): 13:00–14:30 = 1.5 h.
        // 18–24 March are Nyepi, Idul Fitri and cuti bersama: nothing. Now Wednesday 25 March 09:00 (regular hours
        // again): 07:30–09:00 = 1.5 h. Total 3 h.
        var snapshot = Calculate([new(Created, Wib(3, 17, 13, 0))], oneAndThreeDays, Wib(3, 25, 9, 0));

        Assert.Equal(TimeSpan.FromHours(3), snapshot.FirstResponse.Elapsed);
        Assert.Equal(TimeSpan.FromHours(3), snapshot.Resolution.Elapsed);
        // First response: 7.5 − 1.5 = 6 h from 25 March 07:30: 07:30–12:00 (4.5 h) + 13:00–14:30 (1.5 h).
        Assert.Equal(Wib(3, 25, 14, 30), snapshot.FirstResponse.DueAtUtc);
        Assert.Equal(SlaState.OnTrack, snapshot.FirstResponse.State);
    }

    [Fact]
    public void A_pause_spanning_the_holiday_block_is_not_counted_twice()
    {
        // Created Monday 16 March 09:00 WIB (Ramadan hours 08:00–14:30). Paused Tuesday 17 March 10:00, resumed
        // Wednesday 25 March 10:00, now 25 March 11:00.
        // Running: Mon 09:00–14:30 (5.5 h) + Tue 08:00–10:00 (2 h) + Wed 10:00–11:00 (1 h) = 8.5 h.
        // Check: all working time 16 Mar 09:00 → 25 Mar 11:00 is 5.5 + 6.5 + 0 (18–24) + 3.5 = 15.5 h; the pause
        // removes Tue 10:00–14:30 (4.5 h) and Wed 07:30–10:00 (2.5 h), 7 h; the holidays in between are not
        // subtracted a second time.
        SlaEvent[] events =
        [
            new(Created, Wib(3, 16, 9, 0)),
            new(Paused, Wib(3, 17, 10, 0)),
            new(Resumed, Wib(3, 25, 10, 0)),
        ];

        var snapshot = Calculate(events, oneAndThreeDays, Wib(3, 25, 11, 0));

        Assert.Equal(TimeSpan.FromHours(8.5), snapshot.Resolution.Elapsed);
        Assert.Equal(TimeSpan.FromHours(14), snapshot.Resolution.Remaining);
        // 14 h from Wed 11:00: Wed 11:00–12:00 + 13:00–16:00 (4 h), Thu 26 (7.5 h), Fri 27 07:30–10:00 (2.5 h).
        Assert.Equal(Wib(3, 27, 10, 0), snapshot.Resolution.DueAtUtc);
        Assert.Equal(SlaState.OnTrack, snapshot.Resolution.State);

        // The first-response clock does not pause: 15.5 h so far, its 7.5 h ran out Tue 17 March 10:00
        // (Mon 5.5 h + Tue 08:00–10:00).
        Assert.Equal(TimeSpan.FromHours(15.5), snapshot.FirstResponse.Elapsed);
        Assert.Equal(SlaState.Breached, snapshot.FirstResponse.State);
        Assert.Equal(Wib(3, 17, 10, 0), snapshot.FirstResponse.BreachedAtUtc);
        Assert.Equal(SlaState.Breached, snapshot.Worst);
    }

    [Fact]
    public void While_paused_the_resolution_clock_stands_still_and_has_no_due_time()
    {
        // Created Monday 23 Nov 08:00, paused 10:00: 2 h. Three days later nothing more has counted.
        SlaEvent[] events = [new(Created, Wib(11, 23, 8, 0)), new(FirstResponse, Wib(11, 23, 9, 0)), new(Paused, Wib(11, 23, 10, 0))];

        var snapshot = Calculate(events, oneAndThreeDays, Wib(11, 26, 15, 0));

        Assert.Equal(TimeSpan.FromHours(2), snapshot.Resolution.Elapsed);
        Assert.True(snapshot.Resolution.IsPaused);
        Assert.False(snapshot.Resolution.IsRunning);
        Assert.Null(snapshot.Resolution.DueAtUtc);
        Assert.Equal(SlaState.OnTrack, snapshot.Resolution.State);
    }

    [Fact]
    public void A_pause_while_paused_and_a_resume_while_running_are_ignored()
    {
        // Created Monday 23 Nov 08:00; paused 10:00; paused again 11:00 (ignored: the pause began at 10:00);
        // resumed 13:00; resumed again 14:00 (ignored: nothing to resume). Now 15:00.
        // Running: 08:00–10:00 (2 h) + 13:00–15:00 (2 h) = 4 h.
        SlaEvent[] events =
        [
            new(Created, Wib(11, 23, 8, 0)),
            new(Paused, Wib(11, 23, 10, 0)),
            new(Paused, Wib(11, 23, 11, 0)),
            new(Resumed, Wib(11, 23, 13, 0)),
            new(Resumed, Wib(11, 23, 14, 0)),
        ];

        var snapshot = Calculate(events, oneAndThreeDays, Wib(11, 23, 15, 0));

        Assert.Equal(TimeSpan.FromHours(4), snapshot.Resolution.Elapsed);
        Assert.False(snapshot.Resolution.IsPaused);

        // A resume before any pause changes nothing either: 08:00–15:00 less the break = 6 h.
        var resumeFirst = Calculate([new(Created, Wib(11, 23, 8, 0)), new(Resumed, Wib(11, 23, 9, 0))], oneAndThreeDays, Wib(11, 23, 15, 0));
        Assert.Equal(TimeSpan.FromHours(6), resumeFirst.Resolution.Elapsed);
    }

    [Fact]
    public void Resolving_while_paused_ends_the_pause_and_stops_the_clock()
    {
        // Created Monday 23 Nov 08:00, replied 08:30, paused 10:00 (2 h), resolved Tuesday 09:00 while paused.
        SlaEvent[] events =
        [
            new(Created, Wib(11, 23, 8, 0)),
            new(FirstResponse, Wib(11, 23, 8, 30)),
            new(Paused, Wib(11, 23, 10, 0)),
            new(Resolved, Wib(11, 24, 9, 0)),
        ];

        var snapshot = Calculate(events, oneAndThreeDays, Wib(11, 25, 9, 0));

        Assert.Equal(TimeSpan.FromHours(2), snapshot.Resolution.Elapsed);
        Assert.Equal(SlaState.Met, snapshot.Resolution.State);
        Assert.False(snapshot.Resolution.IsPaused);
        Assert.False(snapshot.Resolution.IsRunning);
        Assert.Null(snapshot.Resolution.DueAtUtc);
        Assert.Equal(TimeSpan.FromMinutes(30), snapshot.FirstResponse.Elapsed);
        Assert.Equal(SlaState.Met, snapshot.Worst);
    }

    [Fact]
    public void A_reopened_ticket_continues_from_the_time_already_spent()
    {
        // Created Monday 23 Nov 08:00, replied 09:00, resolved 10:00 (2 h). Reopened Wednesday 25 Nov 13:00;
        // now 15:00: 2 h + 13:00–15:00 (2 h) = 4 h.
        SlaEvent[] events =
        [
            new(Created, Wib(11, 23, 8, 0)),
            new(FirstResponse, Wib(11, 23, 9, 0)),
            new(Resolved, Wib(11, 23, 10, 0)),
            new(Reopened, Wib(11, 25, 13, 0)),
        ];

        var snapshot = Calculate(events, oneAndThreeDays, Wib(11, 25, 15, 0));

        Assert.Equal(TimeSpan.FromHours(4), snapshot.Resolution.Elapsed);
        Assert.True(snapshot.Resolution.IsRunning);
        // 18.5 h left from Wed 15:00: Wed 15:00–16:00 (1 h), Thu 26 (7.5 h), Fri 27 (7.5 h), Mon 30 07:30–10:00 (2.5 h).
        Assert.Equal(Wib(11, 30, 10, 0), snapshot.Resolution.DueAtUtc);
        // Reopening does not restart the first-response clock: the reply stands.
        Assert.Equal(SlaState.Met, snapshot.FirstResponse.State);
        Assert.Equal(TimeSpan.FromHours(1), snapshot.FirstResponse.Elapsed);
    }

    [Fact]
    public void A_breach_stays_after_the_ticket_is_resolved_and_reopened()
    {
        // Resolution target one day (7.5 h). Created Monday 23 Nov 08:00: Monday 08:00–16:00 gives 7 h, so the
        // target runs out Tuesday 07:30 + 0.5 h = 08:00. Resolved Tuesday 10:00: 7 h + 2.5 h = 9.5 h.
        var targets = SlaTargets.FromWorkingDays(1, 1, calendar);
        List<SlaEvent> events =
        [
            new(Created, Wib(11, 23, 8, 0)),
            new(FirstResponse, Wib(11, 23, 9, 0)),
            new(Resolved, Wib(11, 24, 10, 0)),
        ];

        // Tuesday 08:00 exactly: elapsed equals the target and the due instant is now, not past — at risk.
        var atDue = Calculate(events, targets, Wib(11, 24, 8, 0));
        Assert.Equal(SlaState.AtRisk, atDue.Resolution.State);
        Assert.Equal(Wib(11, 24, 8, 0), atDue.Resolution.DueAtUtc);

        var closed = Calculate(events, targets, Wib(11, 25, 9, 0));
        Assert.Equal(SlaState.Breached, closed.Resolution.State);
        Assert.Equal(Wib(11, 24, 8, 0), closed.Resolution.BreachedAtUtc);
        Assert.Equal(TimeSpan.FromHours(9.5), closed.Resolution.Elapsed);
        Assert.Equal(TimeSpan.FromHours(-2), closed.Resolution.Remaining);
        Assert.Null(closed.Resolution.DueAtUtc);

        // Reopened and resolved again: still the same breach.
        events.Add(new(Reopened, Wib(11, 26, 8, 0)));
        events.Add(new(Resolved, Wib(11, 26, 8, 30)));
        var again = Calculate(events, targets, Wib(11, 27, 9, 0));
        Assert.Equal(SlaState.Breached, again.Resolution.State);
        Assert.Equal(Wib(11, 24, 8, 0), again.Resolution.BreachedAtUtc);
        Assert.Equal(TimeSpan.FromHours(10), again.Resolution.Elapsed);
    }

    [Fact]
    public void A_clock_still_open_after_its_due_time_is_breached_even_with_no_working_time_since()
    {
        // Target 7 h from Monday 23 Nov 08:00 runs out at closing, 16:00.
        var targets = new SlaTargets(TimeSpan.FromHours(7), TimeSpan.FromHours(7));
        SlaEvent[] created = [new(Created, Wib(11, 23, 8, 0))];

        // Still open at 19:00: no working time since 16:00, but the due time has gone by.
        var evening = Calculate(created, targets, Wib(11, 23, 19, 0));
        Assert.Equal(SlaState.Breached, evening.Resolution.State);
        Assert.Equal(TimeSpan.Zero, evening.Resolution.Remaining);
        Assert.Equal(Wib(11, 23, 16, 0), evening.Resolution.BreachedAtUtc);
        Assert.Equal(Wib(11, 23, 16, 0), evening.Resolution.DueAtUtc);

        // Resolved at 16:00 sharp: met.
        var onTime = Calculate([.. created, new(Resolved, Wib(11, 23, 16, 0))], targets, Wib(11, 23, 19, 0));
        Assert.Equal(SlaState.Met, onTime.Resolution.State);
        Assert.Null(onTime.Resolution.BreachedAtUtc);
    }

    [Fact]
    public void At_risk_starts_at_exactly_eighty_percent()
    {
        // Target 7.5 h from Monday 23 Nov 07:30; 80% is 6 h, reached at 14:30 (07:30–12:00 4.5 h + 13:00–14:30 1.5 h).
        SlaEvent[] events = [new(Created, Wib(11, 23, 7, 30))];

        Assert.Equal(SlaState.OnTrack, Calculate(events, oneAndThreeDays, Wib(11, 23, 14, 29)).FirstResponse.State);
        var atEighty = Calculate(events, oneAndThreeDays, Wib(11, 23, 14, 30));
        Assert.Equal(TimeSpan.FromHours(6), atEighty.FirstResponse.Elapsed);
        Assert.Equal(SlaState.AtRisk, atEighty.FirstResponse.State);
        Assert.Equal(SlaState.OnTrack, atEighty.Resolution.State);
        Assert.Equal(SlaState.AtRisk, atEighty.Worst);

        // The threshold is a parameter: at half, 3.75 h (reached at 11:15) is the edge.
        Assert.Equal(SlaState.OnTrack, Calculate(events, oneAndThreeDays, Wib(11, 23, 11, 14), 0.5).FirstResponse.State);
        Assert.Equal(SlaState.AtRisk, Calculate(events, oneAndThreeDays, Wib(11, 23, 11, 15), 0.5).FirstResponse.State);
    }

    [Fact]
    public void A_paused_clock_near_its_target_is_shown_at_risk()
    {
        // Created Monday 23 Nov 07:30, paused 15:00: 6.5 h of 7.5 h spent (87%).
        SlaEvent[] events = [new(Created, Wib(11, 23, 7, 30)), new(Paused, Wib(11, 23, 15, 0))];

        var snapshot = Calculate(events, SlaTargets.FromWorkingDays(1, 1, calendar), Wib(11, 26, 9, 0));

        Assert.Equal(SlaState.AtRisk, snapshot.Resolution.State);
        Assert.True(snapshot.Resolution.IsPaused);
    }

    [Fact]
    public void A_resolution_before_any_reply_stops_the_first_response_clock_and_a_later_reply_changes_nothing()
    {
        // Created Monday 23 Nov 08:00, resolved 11:00 (3 h) without a reply; the reply comes Tuesday 09:00.
        SlaEvent[] events =
        [
            new(Created, Wib(11, 23, 8, 0)),
            new(Resolved, Wib(11, 23, 11, 0)),
            new(FirstResponse, Wib(11, 24, 9, 0)),
        ];

        var snapshot = Calculate(events, oneAndThreeDays, Wib(11, 25, 9, 0));

        Assert.Equal(TimeSpan.FromHours(3), snapshot.FirstResponse.Elapsed);
        Assert.Equal(SlaState.Met, snapshot.FirstResponse.State);
        Assert.Equal(TimeSpan.FromHours(3), snapshot.Resolution.Elapsed);
    }

    [Fact]
    public void Seventeen_hundred_utc_is_midnight_wib_of_the_next_day()
    {
        // 2026-11-23T17:00Z is Tuesday 24 Nov 00:00 WIB; 2026-11-24T17:00Z is Wednesday 00:00 WIB. In between lies all
        // of Tuesday, 7.5 h, and nothing of Monday.
        var created = new DateTime(2026, 11, 23, 17, 0, 0, DateTimeKind.Utc);
        var snapshot = Calculate([new(Created, created)], oneAndThreeDays, new DateTime(2026, 11, 24, 17, 0, 0, DateTimeKind.Utc));

        Assert.Equal(Day, snapshot.FirstResponse.Elapsed);
        // The first day ran out at Tuesday 16:00 WIB = 09:00Z, and the ticket was still open after it.
        Assert.Equal(new DateTime(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc), snapshot.FirstResponse.BreachedAtUtc);
        Assert.Equal(SlaState.Breached, snapshot.FirstResponse.State);

        // Friday 2026-11-27T17:00Z is Saturday 00:00 WIB: nothing counts until Monday 07:30.
        var saturday = Calculate([new(Created, new DateTime(2026, 11, 27, 17, 0, 0, DateTimeKind.Utc))], oneAndThreeDays, Wib(11, 30, 7, 30));
        Assert.Equal(TimeSpan.Zero, saturday.Resolution.Elapsed);
        Assert.Equal(Wib(11, 30, 16, 0), saturday.FirstResponse.DueAtUtc);
    }

    [Fact]
    public void Events_in_any_order_give_the_same_result()
    {
        SlaEvent[] inOrder =
        [
            new(Created, Wib(11, 23, 8, 0)),
            new(FirstResponse, Wib(11, 23, 9, 0)),
            new(Paused, Wib(11, 23, 10, 0)),
            new(Resumed, Wib(11, 24, 10, 0)),
            new(Resolved, Wib(11, 24, 11, 0)),
            new(Reopened, Wib(11, 25, 13, 0)),
        ];
        SlaEvent[] shuffled = [inOrder[4], inOrder[1], inOrder[5], inOrder[0], inOrder[3], inOrder[2]];

        var expected = Calculate(inOrder, oneAndThreeDays, Wib(11, 25, 15, 0));
        var actual = Calculate(shuffled, oneAndThreeDays, Wib(11, 25, 15, 0));

        // 08:00–10:00 (2 h) + Tue 10:00–11:00 (1 h) + Wed 13:00–15:00 (2 h) = 5 h.
        Assert.Equal(TimeSpan.FromHours(5), actual.Resolution.Elapsed);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Events_at_the_same_instant_keep_their_given_order()
    {
        // A pause and a resume stamped in the same minute: paused then resumed leaves the clock running;
        // resumed then paused ignores the resume and leaves it paused.
        var created = new SlaEvent(Created, Wib(11, 23, 8, 0));
        var pause = new SlaEvent(Paused, Wib(11, 23, 10, 0));
        var resume = new SlaEvent(Resumed, Wib(11, 23, 10, 0));

        Assert.True(Calculate([resume, pause, created], oneAndThreeDays, Wib(11, 23, 11, 0)).Resolution.IsPaused);
        Assert.True(Calculate([created, pause, resume], oneAndThreeDays, Wib(11, 23, 11, 0)).Resolution.IsRunning);
    }

    [Fact]
    public void Events_stamped_at_the_creation_instant_count_in_every_order()
    {
        // A walk-in answered and put on hold in the same minute it was recorded (and recorded twice): every order of
        // the four gives the same clocks. First response met at once; resolution paused 08:00–10:00, running since.
        var at = Wib(11, 23, 8, 0);
        SlaEvent[] sameInstant = [new(Created, at), new(FirstResponse, at), new(Paused, at), new(Created, at)];
        var resumed = new SlaEvent(Resumed, Wib(11, 23, 10, 0));

        var results = Permutations(sameInstant)
            .Select(order => Calculate([.. order, resumed], oneAndThreeDays, Wib(11, 23, 11, 0)))
            .ToList();

        Assert.Equal(24, results.Count);
        Assert.All(results, r => Assert.Equal(results[0], r));
        Assert.Equal((SlaState.Met, TimeSpan.Zero), (results[0].FirstResponse.State, results[0].FirstResponse.Elapsed));
        Assert.Equal(TimeSpan.FromHours(1), results[0].Resolution.Elapsed);
        Assert.True(results[0].Resolution.IsRunning);
    }

    [Fact]
    public void A_clock_paused_with_little_time_left_is_stored_as_paused_at_risk()
    {
        // Resolution target 1 day (7.5 h). Paused at 14:30 after 6 h (80%, at risk) or at 13:30 after 5 h (on track).
        var targets = SlaTargets.FromWorkingDays(1, 1, calendar);
        SlaClock PausedAt(int hour) => Calculate(
            [new(Created, Wib(11, 23, 7, 30)), new(FirstResponse, Wib(11, 23, 8, 0)), new(Paused, Wib(11, 23, hour, 30))], targets, Wib(11, 25, 9, 0)).Resolution;

        Assert.Equal(KopUkm.Dashboard.Features.Tickets.SlaStatus.PausedRisk, KopUkm.Dashboard.Features.Tickets.TicketSlaProjector.Map(PausedAt(14)));
        Assert.Equal(KopUkm.Dashboard.Features.Tickets.SlaStatus.Paused, KopUkm.Dashboard.Features.Tickets.TicketSlaProjector.Map(PausedAt(13)));
        Assert.True("PausedRisk".Length <= 10, "the status column holds 10 characters");
    }

    private static IEnumerable<T[]> Permutations<T>(T[] items) => items.Length <= 1
        ? [items]
        : items.SelectMany((item, i) => Permutations([.. items[..i], .. items[(i + 1)..]]).Select(rest => (T[])[item, .. rest]));

    [Fact]
    public void Events_after_now_are_not_counted_yet()
    {
        // A resolution stamped after "now" (clock skew, or looking back at history) leaves the clock running.
        SlaEvent[] events = [new(Created, Wib(11, 23, 8, 0)), new(Resolved, Wib(11, 23, 14, 0))];

        var before = Calculate(events, oneAndThreeDays, Wib(11, 23, 10, 0));

        Assert.True(before.Resolution.IsRunning);
        Assert.Equal(TimeSpan.FromHours(2), before.Resolution.Elapsed);
    }

    [Fact]
    public void A_ticket_without_a_creation_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Calculate([new(FirstResponse, Wib(11, 23, 8, 0))], oneAndThreeDays, Wib(11, 23, 9, 0)));
    }

    [Fact]
    public void Random_histories_keep_the_clock_invariants()
    {
        var random = new Random(20260101);
        var yearStart = Wib(1, 1, 0, 0);
        for (var sequence = 0; sequence < 400; sequence++)
        {
            var created = yearStart.AddMinutes(random.Next(0, 330 * 24 * 60));
            var events = RandomHistory(random, created);
            var targets = new SlaTargets(TimeSpan.FromMinutes(random.Next(0, 3 * 450)), TimeSpan.FromMinutes(random.Next(0, 10 * 450)));
            var lastEvent = events.Max(e => e.AtUtc);
            var nows = Enumerable.Range(0, 12)
                .Select(_ => created.AddMinutes(random.Next(0, (int)(lastEvent - created).TotalMinutes + (5 * 24 * 60))))
                .Append(created)
                .Append(lastEvent)
                .Order()
                .ToList();

            SlaSnapshot? previous = null;
            foreach (var now in nows)
            {
                var snapshot = Calculate(events, targets, now);
                var context = $"sequence {sequence}, now {now:O}";
                AssertMatchesModel(snapshot, events, targets, now, context);

                if (previous is not null)
                {
                    // Elapsed never decreases as now advances, and a breach never disappears or moves.
                    Assert.True(snapshot.Resolution.Elapsed >= previous.Resolution.Elapsed, context);
                    Assert.True(snapshot.FirstResponse.Elapsed >= previous.FirstResponse.Elapsed, context);
                    AssertBreachKept(previous.Resolution, snapshot.Resolution, context);
                    AssertBreachKept(previous.FirstResponse, snapshot.FirstResponse, context);
                }

                // Appending more events later in time keeps a breach reported now.
                var later = RandomHistory(random, now).Where(e => e.AtUtc > now).ToList();
                if (later.Count > 0)
                {
                    var laterNow = later.Max(e => e.AtUtc).AddMinutes(random.Next(0, 3 * 24 * 60));
                    var extended = Calculate([.. events.Where(e => e.AtUtc <= now), .. later], targets, laterNow);
                    AssertBreachKept(snapshot.Resolution, extended.Resolution, context + " (extended)");
                    AssertBreachKept(snapshot.FirstResponse, extended.FirstResponse, context + " (extended)");
                }

                previous = snapshot;
            }
        }
    }

    private static void AssertBreachKept(SlaClock before, SlaClock after, string context)
    {
        if (before.BreachedAtUtc is { } breachedAt)
        {
            Assert.Equal(SlaState.Breached, after.State);
            Assert.Equal(breachedAt, after.BreachedAtUtc);
        }
    }

    /// <summary>
    /// Checks a snapshot against a plain restatement of the rules: the running stretches of each clock, their working
    /// time, and the breach instant as the point where exactly the target has been spent.
    /// </summary>
    private void AssertMatchesModel(SlaSnapshot snapshot, IReadOnlyList<SlaEvent> events, SlaTargets targets, DateTime now, string context)
    {
        var created = events.Where(e => e.Kind == Created).Min(e => e.AtUtc);
        var (firstResponseStretches, resolutionStretches) = ModelStretches(events, now);
        var allWorkingTime = calendar.WorkingTimeBetween(created, now);

        foreach (var (clock, stretches, target) in new[]
        {
            (snapshot.FirstResponse, firstResponseStretches, targets.FirstResponse),
            (snapshot.Resolution, resolutionStretches, targets.Resolution),
        })
        {
            var elapsed = stretches.Aggregate(TimeSpan.Zero, (sum, s) => sum + calendar.WorkingTimeBetween(s.Start, s.End));
            Assert.Equal(elapsed, clock.Elapsed);
            Assert.True(clock.Elapsed <= allWorkingTime, context);
            Assert.Equal(target - clock.Elapsed, clock.Remaining);
            Assert.Equal(clock.IsRunning, clock.DueAtUtc is not null);

            if (clock.BreachedAtUtc is { } breachedAt)
            {
                // Exactly the target has been spent by the breach instant, and the clock ran on past it.
                var spent = stretches.Aggregate(TimeSpan.Zero, (sum, s) => sum + calendar.WorkingTimeBetween(s.Start, s.End < breachedAt ? s.End : breachedAt));
                Assert.True(spent == target, $"{context}: {spent} spent by the breach, target {target}");
                Assert.Contains(stretches, s => s.Start <= breachedAt && breachedAt < s.End);
                Assert.Equal(SlaState.Breached, clock.State);
                Assert.True(clock.Remaining <= TimeSpan.Zero, context);
            }
            else
            {
                // Not breached: no stretch ran past the instant its share of the target ran out.
                Assert.NotEqual(SlaState.Breached, clock.State);
                Assert.True(clock.Elapsed <= target, context);
            }
        }
    }

    /// <summary>The rules restated stretch by stretch, for the model check.</summary>
    private static (List<(DateTime Start, DateTime End)> FirstResponse, List<(DateTime Start, DateTime End)> Resolution) ModelStretches(IReadOnlyList<SlaEvent> events, DateTime now)
    {
        var sorted = events.OrderBy(e => e.AtUtc).Where(e => e.AtUtc <= now).ToList();
        var created = sorted.First(e => e.Kind == Created).AtUtc;
        var answeredAt = sorted.FirstOrDefault(e => e.AtUtc >= created && e.Kind is FirstResponse or Resolved)?.AtUtc ?? now;

        var resolution = new List<(DateTime, DateTime)>();
        DateTime? runningSince = created;
        var paused = false;
        foreach (var e in sorted.Where(e => e.Kind != Created && e.AtUtc >= created))
        {
            if (runningSince is { } since && e.Kind is Paused or Resolved)
            {
                resolution.Add((since, e.AtUtc));
                runningSince = null;
                paused = e.Kind == Paused;
            }
            else if (paused && e.Kind is Resolved)
            {
                paused = false;
            }
            else if ((paused && e.Kind is Resumed) || (runningSince is null && !paused && e.Kind is Reopened))
            {
                runningSince = e.AtUtc;
                paused = false;
            }
        }

        if (runningSince is { } open)
        {
            resolution.Add((open, now));
        }

        return ([(created, answeredAt)], resolution);
    }

    /// <summary>A creation followed by up to ten events in random order, some at the same instant, over a few weeks.</summary>
    private static List<SlaEvent> RandomHistory(Random random, DateTime created)
    {
        SlaEventKind[] kinds = [FirstResponse, Paused, Resumed, Resolved, Reopened, Paused, Resumed, Resolved, Reopened, Created];
        var events = new List<SlaEvent> { new(Created, created) };
        var at = created;
        for (var i = random.Next(0, 11); i > 0; i--)
        {
            at = random.Next(8) == 0 ? at : at.AddMinutes(random.Next(1, 4 * 24 * 60));
            events.Add(new SlaEvent(kinds[random.Next(kinds.Length)], at));
        }

        return [.. events.OrderBy(_ => random.Next())];
    }

    private SlaSnapshot Calculate(IReadOnlyList<SlaEvent> events, SlaTargets targets, DateTime nowUtc, double atRiskThreshold = 0.8) =>
        TicketSlaCalculator.Calculate(events, targets, calendar, new FakeTimeProvider(new DateTimeOffset(nowUtc, TimeSpan.Zero)), atRiskThreshold);

    private static DateTime Wib(int month, int day, int hour, int minute) =>
        new DateTime(2026, month, day, hour, minute, 0, DateTimeKind.Utc).AddHours(-7);

    private static TimeOnly T(int hour, int minute) => new(hour, minute);
}
