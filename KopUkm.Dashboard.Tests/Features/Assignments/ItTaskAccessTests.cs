using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Assignments;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.TestInfrastructure;

namespace KopUkm.Dashboard.Tests.Features.Assignments;

public sealed class ItTaskAccessTests : ItTaskScenario
{
    [Fact]
    public async Task A_division_head_raises_tasks_for_their_own_division_only_and_sees_only_those()
    {
        var other = await CreateAsync(Form("Migrasi arsip RAT", division: Klm));
        ActAsHead(Umk, "UMK");

        var own = await CreateAsync(Form("Publikasikan pengumuman pendamping UMKM", division: Umk));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Editing.CreateAsync(Form("Untuk bidang lain", division: Klm)));

        Assert.Equal([own.Task.Id], (await Lists.ListAsync(new PageRequest(0, 25), new ItTaskFilter())).Items.Select(t => t.Id));
        Assert.Null(await Details.GetAsync(other.Task.Id));
        Assert.Empty(own.AllowedMoves);
        Assert.False(own.CanEdit || own.CanAssign);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Moves.MoveAsync(own.Task.Id, own.Task.Version, ItTaskStatus.Menunggu, "x"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Assignment.AssignAsync(own.Task.Id, own.Task.Version, Budi, null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Editing.UpdateAsync(own.Task.Id, own.Task.Version, Form(division: Umk)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Assignment.WorkloadAsync());
    }

    [Fact]
    public async Task Pimpinan_reads_every_task_but_changes_none_and_an_officer_is_refused_outright()
    {
        var first = await CreateAsync(Form(division: Klm));
        await CreateAsync(Form(division: Umk));
        App.ActAs(AppRoles.Pimpinan, null, "pimpinan");

        Assert.Equal(2, (await Lists.ListAsync(new PageRequest(0, 25), new ItTaskFilter())).TotalCount);
        Assert.Equal(2, (await Assignment.WorkloadAsync()).Count);
        var view = (await Details.GetAsync(first.Task.Id))!;
        Assert.Empty(view.AllowedMoves);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Editing.CreateAsync(Form()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Moves.MoveAsync(view.Task.Id, view.Task.Version, ItTaskStatus.Menunggu, "x"));

        App.ActAs(AppRoles.Petugas, Umk, "petugas");
        await Assert.ThrowsAsync<AccessDeniedException>(() => Lists.ListAsync(new PageRequest(0, 25), new ItTaskFilter()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Details.GetAsync(first.Task.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Lists.ListForSourceAsync(WorkItemKind.Ticket, 1));
    }

    private void ActAsHead(int division, string code) => App.User.Current = FakeCurrentUser.As(AppRoles.KepalaBidang, division, "head-" + code, "Kepala " + code, code);
}
