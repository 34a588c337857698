using KopUkm.Dashboard.Features.Cooperatives.Cases;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using static KopUkm.Dashboard.Tests.Features.Cooperatives.CooperativeTestData;

namespace KopUkm.Dashboard.Tests.Features.Cooperatives.Cases;

public sealed class StageTargetServiceTests : IAsyncLifetime
{
    private TestServices app = default!;

    public async Task InitializeAsync() => app = await TestServices.CreateAsync();

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Seeded_targets_cover_the_timed_stages()
    {
        var targets = await app.Get<StageTargetService>().ListAsync();

        Assert.Equal([(CaseStage.Diajukan, 2), (CaseStage.VerifikasiDokumen, 5), (CaseStage.VerifikasiLapangan, 10)], targets.Select(t => (t.Stage, t.TargetWorkingDays ?? 0)));
    }

    [Fact]
    public async Task An_administrator_changes_a_target_and_the_next_stage_change_uses_it()
    {
        app.ActAs(AppRoles.Administrator);
        var service = app.Get<StageTargetService>();
        var documents = (await service.ListAsync()).Single(t => t.Stage == CaseStage.VerifikasiDokumen);
        Assert.True((await service.SaveAsync(documents with { TargetWorkingDays = 1 })).Succeeded);

        await ActAsKlmOfficerAsync(app);
        var cooperative = await CreateAsync(app, Form(await RegionIdAsync(app)));
        var cases = app.Get<RegistrationCaseService>();
        var (_, caseId) = await cases.OpenAsync(cooperative, CaseKind.PendaftaranBaru);
        var view = (await cases.GetAsync(caseId!.Value))!;
        await cases.MoveAsync(view.Id, view.Version, CaseStage.VerifikasiDokumen, null);

        // Monday 23 Nov 2026 09:00 WIB + 7.5 working hours (one day) = Tuesday 09:00 WIB = 02:00 UTC.
        Assert.Equal(new DateTime(2026, 11, 24, 2, 0, 0, DateTimeKind.Utc), (await cases.GetAsync(view.Id))!.StageDueAtUtc);
    }

    [Fact]
    public async Task Targets_outside_1_to_120_days_are_refused_and_only_administrators_may_set_them()
    {
        var service = app.Get<StageTargetService>();
        var target = (await service.ListAsync())[0];
        await ActAsKlmOfficerAsync(app);
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.SaveAsync(target with { TargetWorkingDays = 3 }));

        app.ActAs(AppRoles.Administrator);
        Assert.Equal("Validation.Range", (await service.SaveAsync(target with { TargetWorkingDays = 0 })).Errors.Single().MessageKey);
        Assert.True((await service.SaveAsync(target with { TargetWorkingDays = 3 })).IsConflict is false);
        Assert.True((await service.SaveAsync(target with { TargetWorkingDays = 4 })).IsConflict);
    }
}
