using KopUkm.Dashboard.Features.Content;
using KopUkm.Dashboard.Features.Cooperatives;
using KopUkm.Dashboard.Features.Cooperatives.Cases;
using KopUkm.Dashboard.Features.Metrics;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Tests.Features.Cooperatives;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using static KopUkm.Dashboard.Features.Metrics.CoordinationMetric;
using static KopUkm.Dashboard.Tests.Features.Metrics.MetricsTestData;

namespace KopUkm.Dashboard.Tests.Features.Metrics;

/// <summary>
/// Each metric on a small hand-built dataset on a real SQLite file, with the expected figures worked out beside it.
/// The clock stands at Monday 23 November 2026 09:00 WIB, so November is the running month and October the one before.
/// </summary>
public abstract class CoordinationMetricsServiceTests(TestProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : CoordinationMetricsServiceTests(TestProvider.Sqlite);

    public sealed class OnPostgreSql() : CoordinationMetricsServiceTests(TestProvider.PostgreSql);

    private TestServices app = default!;
    private MetricsTestData data = default!;

    public async Task InitializeAsync()
    {
        app = await TestServices.CreateAsync(provider: provider);
        data = await MetricsTestData.CreateAsync(app);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Sla_compliance_and_throughput_count_the_resolutions_of_the_wib_month_and_the_office_is_not_an_average()
    {
        // KLM, November: met, breached, met, and one of a service without a resolution target.
        await data.TicketAsync(data.Klm, Wib(11, 2), resolved: Wib(11, 10), resolution: SlaStatus.Met, resolutionMinutes: 600);
        await data.TicketAsync(data.Klm, Wib(11, 2), resolved: Wib(11, 12), resolution: SlaStatus.Breached, resolutionMinutes: 1500);
        await data.TicketAsync(data.Klm, Wib(11, 3), resolved: Wib(11, 20), resolution: SlaStatus.Met, resolutionMinutes: 300);
        await data.TicketAsync(data.Klm, Wib(11, 3), resolved: Wib(11, 21), resolution: SlaStatus.Met, resolutionMinutes: 60, service: data.ServiceWithoutTarget);
        // UMK: one in November; one at 00:30 WIB on 1 November (17:30 UTC on 31 October): November;
        // one at 23:30 WIB on 31 October (16:30 UTC the same day): October.
        await data.TicketAsync(data.Umk, Wib(11, 4), resolved: Wib(11, 5), resolution: SlaStatus.Met, resolutionMinutes: 120);
        await data.TicketAsync(data.Umk, Wib(10, 30), resolved: Wib(11, 1, 0, 30), resolution: SlaStatus.Met, resolutionMinutes: 240);
        await data.TicketAsync(data.Umk, Wib(10, 20), resolved: Wib(10, 31, 23, 30), resolution: SlaStatus.Breached, resolutionMinutes: 900);
        // UMK, 10 October: inside the stretch of October that running November is compared with (to 23 October 09:00 WIB).
        await data.TicketAsync(data.Umk, Wib(10, 6), resolved: Wib(10, 10), resolution: SlaStatus.Breached, resolutionMinutes: 800);
        // Still open: in no throughput.
        await data.TicketAsync(data.Umk, Wib(11, 5));
        Assert.Equal(new DateTime(2026, 10, 31, 17, 30, 0), Wib(11, 1, 0, 30));

        var report = await data.ReportAsync(November);

        var klm = report.Row(data.Klm);
        Assert.Equal(4, klm.Now(Throughput));
        // Met ÷ with a target = 2 ÷ 3 (the target-less one is left out of both) = 66.7%.
        Assert.Equal(200.0 / 3, klm.Now(SlaCompliance)!.Value, 6);
        Assert.Equal((2, (int?)3), (klm[SlaCompliance].Current.Count, klm[SlaCompliance].Current.Of));
        var umk = report.Row(data.Umk);
        Assert.Equal(2, umk.Now(Throughput));
        Assert.Equal(100, umk.Now(SlaCompliance));
        // The trend: November is still running, so it is compared with October up to 23 October 09:00 WIB, which held
        // only the breached one of 10 October for UMK (31 October is past that stretch): 1 resolved, 0 ÷ 1 met.
        Assert.Equal(1, umk.Before(Throughput));
        Assert.Equal(0, umk.Before(SlaCompliance));
        Assert.Equal(100, umk[SlaCompliance].Delta);
        Assert.Equal(0, klm.Before(Throughput));
        Assert.Null(klm.Before(SlaCompliance));
        Assert.Null(klm[SlaCompliance].Delta);
        // The office counts its own tickets: 4 met of 5 with a target = 80%, not the mean of 66.7% and 100% (83.3%).
        Assert.Equal(6, report.Office.Now(Throughput));
        Assert.Equal(80, report.Office.Now(SlaCompliance)!.Value, 6);
    }

    [Fact]
    public async Task Resolution_time_percentiles_are_nearest_rank_over_the_stored_working_minutes()
    {
        foreach (var (division, minutes) in new[] { (data.Klm, 600), (data.Klm, 1500), (data.Klm, 300), (data.Klm, 60), (data.Umk, 120), (data.Umk, 240) })
        {
            await data.TicketAsync(division, Wib(11, 2), resolved: Wib(11, 10), resolutionMinutes: minutes);
        }

        var report = await data.ReportAsync(November);

        // KLM sorted: 60, 300, 600, 1500 (n = 4). Median rank ⌈0.5·4⌉ = 2 → 300 min = 5.0 h; P90 rank ⌈3.6⌉ = 4 → 1500 min = 25.0 h.
        var klm = report.Row(data.Klm);
        Assert.Equal(5.0, klm.Now(ResolutionMedian));
        Assert.Equal(25.0, klm.Now(ResolutionP90));
        Assert.Equal(4, klm[ResolutionMedian].Current.Count);
        // UMK: 120, 240. Median rank ⌈1⌉ = 1 → 2.0 h; P90 rank ⌈1.8⌉ = 2 → 4.0 h.
        Assert.Equal(2.0, report.Row(data.Umk).Now(ResolutionMedian));
        Assert.Equal(4.0, report.Row(data.Umk).Now(ResolutionP90));
        // Office over all six: 60, 120, 240, 300, 600, 1500. Median rank 3 → 240 min = 4.0 h; P90 rank ⌈5.4⌉ = 6 → 25.0 h.
        Assert.Equal(4.0, report.Office.Now(ResolutionMedian));
        Assert.Equal(25.0, report.Office.Now(ResolutionP90));
        // Nothing resolved in October: no value, and never NaN.
        Assert.Null(report.Office.Before(ResolutionMedian));
        Assert.Equal(0, report.Office[ResolutionMedian].Previous!.Count);
    }

    [Fact]
    public async Task First_response_time_counts_at_the_first_reply_or_a_resolution_without_one_in_the_division_holding_the_ticket_then()
    {
        await data.TicketAsync(data.Klm, Wib(11, 9, 8), firstResponded: Wib(11, 9, 8, 30), firstResponseMinutes: 30);
        await data.TicketAsync(data.Klm, Wib(11, 11, 8), firstResponded: Wib(11, 11, 9, 30), firstResponseMinutes: 90);
        // Resolved without a reply: the resolution was the first response.
        await data.TicketAsync(data.Klm, Wib(11, 19, 8), resolved: Wib(11, 20, 8), resolutionMinutes: 300, firstResponseMinutes: 300);
        // Answered in October, within the stretch running November is compared with (to 23 October 09:00 WIB): not November's.
        await data.TicketAsync(data.Klm, Wib(10, 14, 8), firstResponded: Wib(10, 14, 8, 20), firstResponseMinutes: 20);
        // Created in UMK, handed to KLM on the 19th, answered by KLM on the 20th: KLM's answer.
        var handedToKlm = await data.TicketAsync(data.Klm, Wib(11, 18, 8), firstResponded: Wib(11, 20, 8), firstResponseMinutes: 45);
        await data.HandoffAsync(handedToKlm, data.Umk, data.Klm, Wib(11, 19, 9), Wib(11, 20, 8), 360);
        // Answered by KLM on the 16th, then handed to UMK on the 18th: still KLM's answer, though UMK holds it now.
        var handedToUmk = await data.TicketAsync(data.Umk, Wib(11, 16, 8), firstResponded: Wib(11, 16, 10), firstResponseMinutes: 120);
        await data.HandoffAsync(handedToUmk, data.Klm, data.Umk, Wib(11, 18, 9));
        // UMK's own, one of them at 00:10 WIB on 1 November (17:10 UTC on 31 October).
        await data.TicketAsync(data.Umk, Wib(11, 4, 8), firstResponded: Wib(11, 4, 9), firstResponseMinutes: 60);
        await data.TicketAsync(data.Umk, Wib(10, 31, 15), firstResponded: Wib(11, 1, 0, 10), firstResponseMinutes: 10);

        var report = await data.ReportAsync(November);

        // KLM: 30, 45, 90, 120, 300 (n = 5). Median rank ⌈2.5⌉ = 3 → 90 min = 1.5 h; P90 rank ⌈4.5⌉ = 5 → 300 min = 5.0 h.
        var klm = report.Row(data.Klm);
        Assert.Equal(5, klm[FirstResponseMedian].Current.Count);
        Assert.Equal(1.5, klm.Now(FirstResponseMedian));
        Assert.Equal(5.0, klm.Now(FirstResponseP90));
        // UMK: 10, 60. Median rank 1 → 10 min = 0.17 h; P90 rank 2 → 60 min = 1.0 h.
        var umk = report.Row(data.Umk);
        Assert.Equal(10 / 60.0, umk.Now(FirstResponseMedian)!.Value, 6);
        Assert.Equal(1.0, umk.Now(FirstResponseP90));
        // Office: 10, 30, 45, 60, 90, 120, 300 (n = 7). Median rank ⌈3.5⌉ = 4 → 60 min = 1.0 h; P90 rank ⌈6.3⌉ = 7 → 5.0 h.
        Assert.Equal(1.0, report.Office.Now(FirstResponseMedian));
        Assert.Equal(5.0, report.Office.Now(FirstResponseP90));
        // October: KLM's 20 minutes.
        Assert.Equal(20 / 60.0, klm.Before(FirstResponseMedian)!.Value, 6);
    }

    [Fact]
    public async Task Backlog_age_is_measured_at_the_period_end_over_the_tickets_open_then()
    {
        // October ends 00:00 WIB on 1 November (17:00 UTC on 31 October).
        var end = October.EndUtc;
        // Open, 10 days old at the end.
        await data.TicketAsync(data.Klm, end.AddDays(-10));
        // Resolved only on 5 November: open at the end, 2.5 days old.
        await data.TicketAsync(data.Klm, end.AddDays(-2.5), resolved: Wib(11, 5), resolutionMinutes: 100);
        // Resolved on 20 October, reopened on 3 November, resolved again on 10 November: closed at the end.
        var reopenedLater = await data.TicketAsync(data.Klm, end.AddDays(-20), resolved: Wib(11, 10), resolutionMinutes: 200, reopenCount: 1);
        await data.EventsAsync(reopenedLater, (TicketEventKind.Resolved, Wib(10, 20)), (TicketEventKind.Reopened, Wib(11, 3)), (TicketEventKind.Resolved, Wib(11, 10)));
        // Resolved on 5 October, reopened on 25 October, still open: open at the end, 30 days old.
        var reopenedBefore = await data.TicketAsync(data.Klm, end.AddDays(-30), reopenCount: 1);
        await data.EventsAsync(reopenedBefore, (TicketEventKind.Resolved, Wib(10, 5)), (TicketEventKind.Reopened, Wib(10, 25)));
        // Resolved in October and never reopened: closed.
        await data.TicketAsync(data.Klm, Wib(10, 15), resolved: Wib(10, 16), resolutionMinutes: 300);
        // Created after the end: not yet there.
        await data.TicketAsync(data.Klm, Wib(11, 2));
        // Created in UMK 5 days before the end, handed to KLM on 3 November: UMK's backlog at the end.
        var handedLater = await data.TicketAsync(data.Klm, end.AddDays(-5));
        await data.HandoffAsync(handedLater, data.Umk, data.Klm, Wib(11, 3));

        var report = await data.ReportAsync(October);

        Assert.Equal(end, report.BacklogAsOfUtc);
        // KLM ages 2.5, 10, 30 (n = 3): median rank 2 → 10 days; P90 rank ⌈2.7⌉ = 3 → 30 days.
        var klm = report.Row(data.Klm);
        Assert.Equal(3, klm[BacklogAgeMedian].Current.Count);
        Assert.Equal(10.0, klm.Now(BacklogAgeMedian)!.Value, 6);
        Assert.Equal(30.0, klm.Now(BacklogAgeP90)!.Value, 6);
        // UMK: the handed-over one, 5 days.
        Assert.Equal(5.0, report.Row(data.Umk).Now(BacklogAgeMedian)!.Value, 6);
        // Office 2.5, 5, 10, 30 (n = 4): median rank 2 → 5 days; P90 rank 4 → 30 days.
        Assert.Equal(4, report.Office[BacklogAgeMedian].Current.Count);
        Assert.Equal(5.0, report.Office.Now(BacklogAgeMedian)!.Value, 6);
        Assert.Equal(30.0, report.Office.Now(BacklogAgeP90)!.Value, 6);
    }

    [Fact]
    public async Task The_backlog_of_the_running_period_is_as_of_now()
    {
        await data.TicketAsync(data.Klm, app.Clock.GetUtcNow().UtcDateTime.AddDays(-4));

        var report = await data.ReportAsync(November);

        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, report.BacklogAsOfUtc);
        Assert.Equal(4.0, report.Row(data.Klm).Now(BacklogAgeMedian)!.Value, 6);
    }

    [Fact]
    public async Task The_reopen_rate_divides_reopenings_in_the_period_by_resolutions_in_the_period()
    {
        // KLM: two resolved in November, one of them after a reopening on 6 November.
        var again = await data.TicketAsync(data.Klm, Wib(11, 2), resolved: Wib(11, 10), resolutionMinutes: 100, reopenCount: 1);
        await data.EventsAsync(again, (TicketEventKind.Resolved, Wib(11, 3)), (TicketEventKind.Reopened, Wib(11, 6)), (TicketEventKind.Resolved, Wib(11, 10)));
        await data.TicketAsync(data.Klm, Wib(11, 2), resolved: Wib(11, 12), resolutionMinutes: 100);
        // Resolved by KLM in October, reopened on 5 November, handed to UMK on 8 November: KLM's reopening.
        var moved = await data.TicketAsync(data.Umk, Wib(10, 1), reopenCount: 1);
        await data.EventsAsync(moved, (TicketEventKind.Resolved, Wib(10, 20)), (TicketEventKind.Reopened, Wib(11, 5)));
        await data.HandoffAsync(moved, data.Klm, data.Umk, Wib(11, 8));
        // UMK: four resolved in November and one reopening.
        for (var day = 8; day <= 11; day++)
        {
            await data.TicketAsync(data.Umk, Wib(11, 2), resolved: Wib(11, day), resolutionMinutes: 100);
        }

        var open = await data.TicketAsync(data.Umk, Wib(10, 1), reopenCount: 1);
        await data.EventsAsync(open, (TicketEventKind.Resolved, Wib(10, 3)), (TicketEventKind.Reopened, Wib(11, 7)));

        var report = await data.ReportAsync(November);

        // KLM: 2 reopenings ÷ 2 resolved = 100%. UMK: 1 ÷ 4 = 25%.
        Assert.Equal(100, report.Row(data.Klm).Now(ReopenRate));
        Assert.Equal(25, report.Row(data.Umk).Now(ReopenRate));
        // Office: 3 ÷ 6 = 50%, not the mean of the divisions (62.5%).
        Assert.Equal(50, report.Office.Now(ReopenRate));
        // October: KLM's only event was a resolution and nothing was reopened; UMK resolved none there, so no rate.
        Assert.Null(report.Row(data.Umk).Before(ReopenRate));
    }

    [Fact]
    public async Task Handoffs_count_in_and_out_and_the_median_time_to_acceptance_leaves_pending_ones_out()
    {
        var ticket = await data.TicketAsync(data.Klm, Wib(10, 1));
        await data.HandoffAsync(ticket, data.Umk, data.Klm, Wib(11, 19, 9), Wib(11, 19, 12), acceptanceMinutes: 180);
        await data.HandoffAsync(ticket, data.Klm, data.Umk, Wib(11, 18, 10), Wib(11, 20, 10), acceptanceMinutes: 600);
        // Pending: counted as made, left out of the median until it is accepted.
        await data.HandoffAsync(ticket, data.Klm, data.Umk, Wib(11, 21, 10));
        // Made in October, accepted in November: October's count, November's median.
        await data.HandoffAsync(ticket, data.Umk, data.Klm, Wib(10, 20, 10), Wib(11, 2, 10), acceptanceMinutes: 900);

        var report = await data.ReportAsync(November);

        var klm = report.Row(data.Klm);
        var umk = report.Row(data.Umk);
        Assert.Equal((1.0, 2.0), (klm.Now(HandoffsIn)!.Value, klm.Now(HandoffsOut)!.Value));
        Assert.Equal((2.0, 1.0), (umk.Now(HandoffsIn)!.Value, umk.Now(HandoffsOut)!.Value));
        // The office: every handoff is one in and one out, 3 made in November.
        Assert.Equal((3.0, 3.0), (report.Office.Now(HandoffsIn)!.Value, report.Office.Now(HandoffsOut)!.Value));
        // KLM accepted 180 and 900 minutes: median rank 1 → 3.0 h. UMK accepted one, 600 minutes = 10.0 h.
        Assert.Equal(3.0, klm.Now(HandoffAcceptanceMedian));
        Assert.Equal(10.0, umk.Now(HandoffAcceptanceMedian));
        // Office 180, 600, 900: median rank 2 → 10.0 h.
        Assert.Equal(10.0, report.Office.Now(HandoffAcceptanceMedian));
        // October: the one made then, into KLM.
        Assert.Equal((1.0, 0.0), (klm.Before(HandoffsIn)!.Value, klm.Before(HandoffsOut)!.Value));
        Assert.Null(klm.Before(HandoffAcceptanceMedian));
    }

    [Fact]
    public async Task Content_freshness_and_editor_coverage_are_measured_as_of_now_without_a_previous_value()
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        // KLM: reviewed 60 days ago (due in 30), 95 days ago (overdue by 5), 80 days ago and flagged (due in 10).
        await ContentAsync(data.Klm, ContentState.Terbit, reviewedDaysAgo: 60, editor: "editor-1");
        await ContentAsync(data.Klm, ContentState.Terbit, reviewedDaysAgo: 95, editor: null);
        await ContentAsync(data.Klm, ContentState.PerluPembaruan, reviewedDaysAgo: 80, editor: "editor-1");
        // News is never reviewed; archived and draft items are not live.
        await ContentAsync(data.Klm, ContentState.Terbit, reviewedDaysAgo: 10, editor: null, kind: ContentKind.News);
        await ContentAsync(data.Klm, ContentState.Diarsipkan, reviewedDaysAgo: 400, editor: "editor-1");
        await ContentAsync(data.Klm, ContentState.Draf, reviewedDaysAgo: 0, editor: "editor-1");
        await ContentAsync(data.Umk, ContentState.Terbit, reviewedDaysAgo: 1, editor: "editor-2");

        var report = await data.ReportAsync(October);

        // KLM freshness: in scope 3 (the two published pages and the flagged one), not overdue 2 → 66.7%.
        var klm = report.Row(data.Klm);
        Assert.Equal(200.0 / 3, klm.Now(CoordinationMetric.ContentFreshness)!.Value, 6);
        // Coverage: not archived 5, with an editor 3 (two pages and the draft) → 60%.
        Assert.Equal(60, klm.Now(OwnerCoverage)!.Value, 6);
        Assert.Null(klm[CoordinationMetric.ContentFreshness].Previous);
        Assert.Equal(100, report.Row(data.Umk).Now(CoordinationMetric.ContentFreshness));
        // Office: 3 of 4 fresh = 75%; 4 of 6 with an editor = 66.7%.
        Assert.Equal(75, report.Office.Now(CoordinationMetric.ContentFreshness)!.Value, 6);
        Assert.Equal(200.0 / 3, report.Office.Now(OwnerCoverage)!.Value, 6);

        async Task ContentAsync(int division, ContentState state, int reviewedDaysAgo, string? editor, ContentKind kind = ContentKind.WebsitePage)
        {
            var item = new ContentItem
            {
                Title = $"Halaman {Guid.NewGuid():N}",
                Url = $"https://dinaskopukm.jambiprov.go.id/{Guid.NewGuid():N}",
                OwnerDivisionId = division,
                Kind = kind,
                Channel = ContentChannel.Website,
                Category = InformationCategory.SetiapSaat,
                State = state,
                EditorUserId = editor,
                CreatedAtUtc = now.AddDays(-500),
                StateChangedAtUtc = now.AddDays(-500),
                PublishedAtUtc = now.AddDays(-500),
                LastReviewedAtUtc = now.AddDays(-reviewedDaysAgo),
            };
            ContentFreshnessRules.Refresh(item, now);
            await using var db = await app.DbAsync();
            db.Add(item);
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task Registration_cycle_time_is_the_median_working_days_of_the_stage_visits_that_ended_in_the_period()
    {
        await CooperativeTestData.ActAsKlmOfficerAsync(app);
        var regionId = await CooperativeTestData.RegionIdAsync(app);
        var cases = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            var cooperative = await CooperativeTestData.CreateAsync(app, CooperativeTestData.Form(regionId, $"Koperasi Uji Siklus {i}"));
            await using var db = await app.DbAsync();
            var registration = new RegistrationCase { CooperativeId = cooperative, Kind = CaseKind.PendaftaranBaru, SubmittedAtUtc = Wib(10, 1), StageEnteredAtUtc = Wib(10, 1) };
            db.Add(registration);
            await db.SaveChangesAsync();
            cases.Add(registration.Id);
        }

        // A working day is 7.5 h = 450 min.
        await StageChangeAsync(cases[0], CaseStage.Diajukan, CaseStage.VerifikasiDokumen, Wib(11, 3), 450);
        await StageChangeAsync(cases[0], CaseStage.VerifikasiDokumen, CaseStage.VerifikasiLapangan, Wib(11, 10), 1350);
        await StageChangeAsync(cases[1], CaseStage.Diajukan, CaseStage.VerifikasiDokumen, Wib(11, 4), 900);
        await StageChangeAsync(cases[1], CaseStage.VerifikasiDokumen, CaseStage.PerluPerbaikan, Wib(11, 6), 225);
        // 00:30 WIB on 1 November: November's.
        await StageChangeAsync(cases[2], CaseStage.Diajukan, CaseStage.VerifikasiDokumen, Wib(11, 1, 0, 30), 2250);
        await StageChangeAsync(cases[3], CaseStage.Diajukan, CaseStage.VerifikasiDokumen, Wib(10, 20), 675);
        app.ActAs(AppRoles.Administrator, null, "admin");

        var report = await data.ReportAsync(November);

        StageCycleRow Stage(CaseStage stage) => report.Stages.Single(s => s.Stage == stage);
        // Diajukan: 450, 900, 2250 → median rank 2 → 900 min = 2.0 working days; October: 675 min = 1.5.
        Assert.Equal(2.0, Stage(CaseStage.Diajukan).MedianWorkingDays.Current.Value);
        Assert.Equal(3, Stage(CaseStage.Diajukan).MedianWorkingDays.Current.Count);
        Assert.Equal(1.5, Stage(CaseStage.Diajukan).MedianWorkingDays.Previous!.Value);
        // Verifikasi Dokumen: 225, 1350 → median rank 1 → 225 min = 0.5 days.
        Assert.Equal(0.5, Stage(CaseStage.VerifikasiDokumen).MedianWorkingDays.Current.Value);
        // No case left the other stages: no value.
        Assert.Null(Stage(CaseStage.PerluPerbaikan).MedianWorkingDays.Current.Value);
        Assert.Null(Stage(CaseStage.VerifikasiLapangan).MedianWorkingDays.Current.Value);
        Assert.DoesNotContain(report.Stages, s => CaseWorkflow.IsClosed(s.Stage));

        async Task StageChangeAsync(int caseId, CaseStage from, CaseStage to, DateTime at, int minutes)
        {
            await using var db = await app.DbAsync();
            db.Add(new CaseEvent { CaseId = caseId, Kind = CaseEventKind.StageChanged, FromStage = from, ToStage = to, AtUtc = at, ByName = "Penguji", StageWorkingMinutes = minutes });
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task A_running_month_is_compared_with_the_same_stretch_of_the_month_before_and_says_so()
    {
        // November runs until now (23 November 09:00 WIB): October counts up to 23 October 09:00 WIB.
        await data.TicketAsync(data.Klm, Wib(11, 2), resolved: Wib(11, 20), resolution: SlaStatus.Met, resolutionMinutes: 100);
        await data.TicketAsync(data.Klm, Wib(10, 2), resolved: Wib(10, 23, 8, 59), resolution: SlaStatus.Met, resolutionMinutes: 100);
        await data.TicketAsync(data.Klm, Wib(10, 2), resolved: Wib(10, 23, 9, 0), resolution: SlaStatus.Met, resolutionMinutes: 100);
        await data.TicketAsync(data.Klm, Wib(10, 2), resolved: Wib(10, 30), resolution: SlaStatus.Met, resolutionMinutes: 100);

        var running = await data.ReportAsync(November);
        var closed = await data.ReportAsync(October);

        Assert.Equal(1, running.Row(data.Klm).Before(Throughput));
        Assert.Equal(new MetricWindow(October.StartUtc, Wib(10, 23, 9, 0), IsPartial: true), running.Comparison);
        // A closed month compares whole months: October's three against all of September.
        Assert.Equal(3, closed.Row(data.Klm).Now(Throughput));
        Assert.False(closed.Comparison!.IsPartial);
    }

    [Fact]
    public async Task A_division_with_nothing_to_measure_shows_no_value_rather_than_zero_or_nan()
    {
        var report = await data.ReportAsync(November);

        var klm = report.Row(data.Klm);
        Assert.All(CoordinationMetrics.All.Where(d => d.Unit != MetricUnit.Count), d => Assert.Null(klm.Now(d.Metric)));
        Assert.All(CoordinationMetrics.All.Where(d => d.Unit == MetricUnit.Count), d => Assert.Equal(0, klm.Now(d.Metric)));
        Assert.Equal(MetricText.NoValue, MetricText.Format(MetricUnit.Percent, klm.Now(SlaCompliance)));
        Assert.Equal(MetricText.NoValue, MetricText.Format(MetricUnit.Percent, double.NaN));
        // Every active division has a row, and the office row comes last.
        Assert.Equal(7, report.Divisions.Count);
        Assert.True(report.AllRows.Last().IsOffice);
    }

    [Theory]
    [InlineData(AppRoles.KepalaBidang)]
    [InlineData(AppRoles.StafTI)]
    [InlineData(AppRoles.Petugas)]
    public async Task Only_leadership_and_administrators_may_read_the_metrics(string role)
    {
        app.ActAs(role, data.Klm, "someone");

        await Assert.ThrowsAsync<AccessDeniedException>(() => data.ReportAsync(November));

        app.ActAs(AppRoles.Pimpinan, null, "pimpinan");
        Assert.NotNull(await data.ReportAsync(November));
        app.ActAs(AppRoles.Administrator, null, "admin");
        Assert.NotNull(await data.ReportAsync(November));
    }
}
