using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Features.Calendar;
using KopUkm.Dashboard.Features.Cooperatives;
using KopUkm.Dashboard.Features.Cooperatives.Cases;
using KopUkm.Dashboard.Features.Cooperatives.Demo;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Localization;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KopUkm.Dashboard.Tests.Features.Cooperatives;

/// <summary>Seeds the demo register once (with the demo accounts) for every test of the class.</summary>
public sealed class SeededDemoRegister : IAsyncLifetime
{
    public TestServices App { get; private set; } = default!;

    public CooperativeDemoSeedResult Seeded { get; private set; } = default!;

    public List<Cooperative> Cooperatives { get; private set; } = [];

    public List<RegistrationCase> Cases { get; private set; } = [];

    public List<CaseEvent> Events { get; private set; } = [];

    public DateTime NowUtc => App.Clock.GetUtcNow().UtcDateTime;

    public DateOnly TodayWib => DateOnly.FromDateTime(WibTime.ToWib(NowUtc));

    public async Task InitializeAsync()
    {
        App = await TestServices.CreateAsync();
        await App.Get<DemoDataSeeder>().SeedDemoUsersAsync();
        Seeded = await App.Get<CooperativeDemoSeeder>().SeedAsync();
        await using var db = await App.DbAsync();
        Cooperatives = await db.Set<Cooperative>().AsNoTracking().ToListAsync();
        Cases = await db.Set<RegistrationCase>().AsNoTracking().Include(c => c.Documents).ToListAsync();
        Events = await db.Set<CaseEvent>().AsNoTracking().OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToListAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class CooperativeDemoSeederTests(SeededDemoRegister demo) : IClassFixture<SeededDemoRegister>
{
    [Fact]
    public async Task The_register_has_the_offices_proportions_over_every_region_and_type()
    {
        var cooperatives = demo.Cooperatives;
        await using var db = await demo.App.DbAsync();
        var regions = await db.Set<Region>().ToDictionaryAsync(r => r.Id, r => r.Name);
        var byRegion = cooperatives.GroupBy(c => regions[c.RegionId]).OrderByDescending(g => g.Count()).Select(g => g.Key).ToList();
        var byType = cooperatives.GroupBy(c => c.Type).OrderByDescending(g => g.Count()).Select(g => g.Key).ToList();
        int Count(ActivityStatus status) => cooperatives.Count(c => c.ActivityStatus == status);

        Assert.InRange(cooperatives.Count, 3850, 3950);
        Assert.Equal(demo.Seeded.Cooperatives, cooperatives.Count);
        Assert.Equal(11, byRegion.Count);
        Assert.Equal(["Jambi", "Muaro Jambi"], byRegion.Take(2));
        Assert.Equal(5, byType.Count);
        Assert.Equal(CooperativeType.SimpanPinjam, byType[0]);
        Assert.InRange(Count(ActivityStatus.Aktif), 2000, 2150);
        Assert.InRange(Count(ActivityStatus.TidakAktif), 1750, 1850);
        Assert.InRange(Count(ActivityStatus.Dibubarkan), 10, 99);
        Assert.Contains(cooperatives, c => c.Pattern == CooperativePattern.Syariah);
        Assert.All(cooperatives.Where(c => c.Level == CooperativeLevel.Sekunder), c => Assert.InRange(c.MemberCount, 3, 15));
        Assert.All(cooperatives.Where(c => c.Level == CooperativeLevel.Primer), c => Assert.InRange(c.MemberCount, 9, 2500));
        Assert.Contains(cooperatives, c => c.Level == CooperativeLevel.Sekunder);
        Assert.All(cooperatives, c => Assert.InRange(c.FoundedOn!.Value, new DateOnly(1970, 1, 1), demo.TodayWib));
    }

    [Fact]
    public void Every_cooperative_passes_the_rules_and_names_are_unique_within_a_region()
    {
        var broken = demo.Cooperatives
            .Select(c => (c.Name, Errors: CooperativeRules.Validate(CooperativeForm.From(c), demo.TodayWib)))
            .Where(r => r.Errors.Count > 0)
            .Select(r => $"{r.Name}: {string.Join(", ", r.Errors.Select(e => e.Field))}");

        Assert.Empty(broken);
        Assert.All(demo.Cooperatives, c => Assert.Equal(CooperativeRules.NormalizeName(c.Name), c.NormalizedName));
        Assert.Empty(demo.Cooperatives.GroupBy(c => (c.RegionId, c.NormalizedName)).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.All(demo.Cooperatives.Where(c => c.Phone.Length > 0), c => Assert.True(PhoneNumbers.IsValid(c.Phone), c.Phone));
        Assert.All(demo.Cooperatives, c => Assert.False(string.IsNullOrWhiteSpace(c.ChairName)));
    }

    [Fact]
    public void Nik_and_nib_are_unique_and_held_at_the_expected_rates()
    {
        var niks = demo.Cooperatives.Where(c => c.Nik is not null).Select(c => c.Nik).ToList();
        var nibs = demo.Cooperatives.Where(c => c.Nib is not null).Select(c => c.Nib).ToList();

        Assert.Equal(niks.Count, niks.Distinct().Count());
        Assert.Equal(nibs.Count, nibs.Distinct().Count());
        Assert.All(nibs, n => Assert.Equal(13, n!.Length));
        Assert.InRange((double)nibs.Count / demo.Cooperatives.Count, 0.55, 0.65);
        Assert.InRange((double)niks.Count / demo.Cooperatives.Count, 0.75, 0.85);
    }

    [Fact]
    public void About_two_hundred_cases_cover_every_stage_within_four_months_and_some_are_overdue()
    {
        var cases = demo.Cases;
        var open = cases.Where(c => c.StageDueAtUtc is not null).ToList();
        var overdue = open.Count(c => c.StageDueAtUtc < demo.NowUtc);

        Assert.InRange(cases.Count, 190, 210);
        Assert.Equal(Enum.GetValues<CaseStage>(), cases.Select(c => c.Stage).Distinct().Order());
        Assert.InRange(overdue, 1, open.Count / 2);
        Assert.Equal(cases.Count, cases.Select(c => c.CooperativeId).Distinct().Count());
        Assert.All(cases, c => Assert.InRange(c.SubmittedAtUtc, demo.NowUtc.AddDays(-130), c.StageEnteredAtUtc));
        Assert.All(cases, c => Assert.True(c.StageEnteredAtUtc < demo.NowUtc));
        Assert.All(cases, c => Assert.Equal(CaseWorkflow.IsClosed(c.Stage), c.ClosedAtUtc is not null));
        Assert.All(cases.Where(c => c.Stage == CaseStage.PerluPerbaikan), c => Assert.Null(c.StageDueAtUtc));
    }

    [Fact]
    public void Checklists_agree_with_the_stage_and_every_verification_is_on_the_timeline()
    {
        foreach (var registration in demo.Cases)
        {
            var required = registration.Documents.Where(d => d.IsRequired).ToList();
            Assert.Equal(Enum.GetValues<DocumentKind>().Length, registration.Documents.Count);
            Assert.All(registration.Documents, d => Assert.Equal(CaseWorkflow.IsRequired(registration.Kind, d.Kind), d.IsRequired));
            switch (registration.Stage)
            {
                case CaseStage.Disetujui or CaseStage.VerifikasiLapangan:
                    Assert.All(required, d => Assert.True(d.IsVerified));
                    break;
                case CaseStage.Diajukan:
                    Assert.All(registration.Documents, d => Assert.False(d.IsVerified));
                    break;
            }

            var verifications = demo.Events.Where(e => e.CaseId == registration.Id && e.Kind == CaseEventKind.DocumentVerified).ToList();
            Assert.Equal(registration.Documents.Where(d => d.IsVerified).Select(d => d.Kind).Order(), verifications.Select(e => e.Document!.Value).Order());
            Assert.All(registration.Documents.Where(d => d.IsVerified), d => Assert.NotNull(d.VerifiedAtUtc));
        }

        Assert.Contains(demo.Cases, c => c.Stage == CaseStage.PerluPerbaikan && c.Documents.Any(d => d.IsRequired && !d.IsVerified && d.Note.Length > 0));
    }

    [Fact]
    public async Task Timelines_follow_the_workflow_on_working_days_with_reasons_where_required_and_the_demo_staff()
    {
        var staff = new[] { "Dewi Lestari, S.H.", "Siti Aminah, S.E., M.M." };
        var calendar = await demo.App.Services.GetRequiredService<WorkingCalendarProvider>().GetAsync();
        foreach (var registration in demo.Cases)
        {
            var events = demo.Events.Where(e => e.CaseId == registration.Id).ToList();
            Assert.Equal(CaseEventKind.Submitted, events[0].Kind);
            Assert.All(events, e => Assert.InRange(e.AtUtc, registration.SubmittedAtUtc, demo.NowUtc));
            Assert.All(events, e => Assert.True(calendar.IsWorkingDay(DateOnly.FromDateTime(WibTime.ToWib(e.AtUtc))), $"{e.Kind} {e.AtUtc:O}"));
            Assert.All(events, e => Assert.Contains(e.ByName, staff));

            var stage = CaseStage.Diajukan;
            foreach (var change in events.Where(e => e.Kind == CaseEventKind.StageChanged))
            {
                Assert.Equal(stage, change.FromStage);
                Assert.True(CaseWorkflow.CanMove(stage, change.ToStage!.Value), $"{stage} → {change.ToStage}");
                Assert.Equal(CaseWorkflow.RequiresReason(change.ToStage.Value), change.Text.Length > 0);
                stage = change.ToStage.Value;
            }

            Assert.Equal(registration.Stage, stage);
            Assert.Equal(registration.AssignedUserName is not null, events.Any(e => e.Kind == CaseEventKind.Assigned));
        }

        Assert.All(demo.Cases.Where(c => c.Stage is CaseStage.PerluPerbaikan or CaseStage.Ditolak), c => Assert.False(string.IsNullOrWhiteSpace(c.LastReason)));
        Assert.Contains(demo.Cases, c => c.AssignedUserName == "Dewi Lestari, S.H.");
    }

    [Fact]
    public async Task Due_times_are_what_the_stage_clock_computes_from_each_timeline()
    {
        Assert.Equal(0, await demo.App.Get<RegistrationCaseService>().RefreshDueDatesAsync());
    }

    [Fact]
    public async Task Supervision_candidates_are_flagged_after_seeding()
    {
        var flagged = demo.Cooperatives.Count(c => c.NeedsSupervision);

        Assert.InRange((double)flagged / demo.Cooperatives.Count, 0.3, 0.8);
        Assert.DoesNotContain(demo.Cooperatives, c => c.NeedsSupervision && c.ActivityStatus == ActivityStatus.Dibubarkan);
        Assert.Equal(0, (await demo.App.Get<SupervisionService>().FlagCandidatesAsync()).Updated);
    }

    [Fact]
    public async Task A_second_run_adds_nothing()
    {
        var again = await demo.App.Get<CooperativeDemoSeeder>().SeedAsync();

        await using var db = await demo.App.DbAsync();
        Assert.Equal((0, 0), (again.Cooperatives, again.Cases));
        Assert.Equal(demo.Cooperatives.Count, await db.Set<Cooperative>().CountAsync());
        Assert.Equal(demo.Cases.Count, await db.Set<RegistrationCase>().CountAsync());
    }

    [Fact]
    public async Task The_same_seed_composes_the_same_register()
    {
        await using var db = await demo.App.DbAsync();
        var regions = await db.Set<Region>().AsNoTracking().OrderBy(r => r.Code).ToListAsync();
        string Compose() => string.Join("\n", new DemoCooperativeGenerator(new Random(7), regions, demo.TodayWib, demo.NowUtc).Generate()
            .Select(c => $"{c.Name}|{c.RegionId}|{c.Nik}|{c.Nib}|{c.LastRatYear}|{c.NikCertificateDate}|{c.Phone}"));

        Assert.Equal(Compose(), Compose());
    }

}
