using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.Surveys;
using KopUkm.Dashboard.Tests.TestInfrastructure;

namespace KopUkm.Dashboard.Tests.Features.Surveys;

/// <summary>Who may plan and move the IKM follow-up items, with versions.</summary>
public abstract class IkmFollowUpsTests(TestProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : IkmFollowUpsTests(TestProvider.Sqlite);

    public sealed class OnPostgreSql() : IkmFollowUpsTests(TestProvider.PostgreSql);

    private TestServices app = default!;
    private int umk;
    private int plut;

    private IkmFollowUps FollowUps => app.Get<IkmFollowUps>();

    public async Task InitializeAsync()
    {
        app = await TestServices.CreateAsync(provider: provider);
        var divisions = await app.Get<OrganizationService>().ListDivisionsAsync();
        umk = divisions.Single(d => d.Code == "UMK").Id;
        plut = divisions.Single(d => d.Code == "PLUT").Id;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private static IkmFollowUpForm Form(int division) => new()
    {
        PeriodKey = "2026-S2", Element = 3, Action = "Tambah petugas loket pada hari Senin.", OwnerDivisionId = division, DueDate = new DateOnly(2027, 1, 31),
    };

    private async Task<int> PlanAsync(int division)
    {
        app.ActAs(AppRoles.Pimpinan, 1, "pimpinan");
        var (result, id) = await FollowUps.CreateAsync(Form(division));
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.MessageKey)));
        return id!.Value;
    }

    [Fact]
    public async Task Leadership_plans_and_the_head_of_the_owner_division_moves_the_item_along()
    {
        var id = await PlanAsync(umk);
        app.ActAs(AppRoles.KepalaBidang, umk, "head-umk", divisionCode: "UMK");
        var row = Assert.Single(await FollowUps.ListAsync("2026-S2"));
        Assert.False(row.CanEdit);
        Assert.True(row.CanUpdateStatus);

        Assert.True((await FollowUps.SetStatusAsync(id, row.Version, IkmFollowUpStatus.Berjalan, "Petugas tambahan mulai bertugas.")).Succeeded);
        var stale = await FollowUps.SetStatusAsync(id, row.Version, IkmFollowUpStatus.Selesai, null);

        Assert.True(stale.IsConflict);
        Assert.Equal(IkmFollowUpStatus.Berjalan, Assert.Single(await FollowUps.ListAsync("2026-S2")).Status);
        await Assert.ThrowsAsync<AccessDeniedException>(() => FollowUps.UpdateAsync(id, row.Version + 1, Form(umk)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => FollowUps.DeleteAsync(id, row.Version + 1));
    }

    [Fact]
    public async Task A_head_of_another_division_neither_sees_nor_moves_the_item_and_an_officer_reads_nothing()
    {
        var id = await PlanAsync(umk);
        app.ActAs(AppRoles.KepalaBidang, plut, "head-plut", divisionCode: "PLUT");

        Assert.Empty(await FollowUps.ListAsync("2026-S2"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => FollowUps.SetStatusAsync(id, 1, IkmFollowUpStatus.Selesai, null));
        app.ActAs(AppRoles.Petugas, umk, "officer-umk", divisionCode: "UMK");
        await Assert.ThrowsAsync<AccessDeniedException>(() => FollowUps.ListAsync("2026-S2"));
    }

    [Fact]
    public async Task Leadership_edits_at_the_version_it_saw_and_bad_input_names_the_fields()
    {
        var id = await PlanAsync(umk);
        var row = Assert.Single(await FollowUps.ListAsync("2026-S2"));
        var changed = Form(plut);
        changed.Action = "Perbaiki papan informasi alur layanan.";

        Assert.True((await FollowUps.UpdateAsync(id, row.Version, changed)).Succeeded);
        Assert.True((await FollowUps.UpdateAsync(id, row.Version, changed)).IsConflict);
        var bad = await FollowUps.CreateAsync(new IkmFollowUpForm { PeriodKey = "2026-S2", Element = 10 });
        Assert.Equal(["Element", "Action", "OwnerDivisionId", "DueDate"], bad.Result.Errors.Select(e => e.Field));
        var saved = Assert.Single(await FollowUps.ListAsync(null));
        Assert.Equal(plut, saved.OwnerDivisionId);
        Assert.True(saved.CanEdit);
    }
}
