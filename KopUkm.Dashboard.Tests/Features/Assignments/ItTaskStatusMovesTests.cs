using KopUkm.Dashboard.Features.Assignments;
using KopUkm.Dashboard.Features.Security;

namespace KopUkm.Dashboard.Tests.Features.Assignments;

public sealed class ItTaskStatusMovesTests : ItTaskScenario
{
    [Fact]
    public async Task The_server_refuses_moves_outside_the_workflow_and_asks_reasons_where_it_says()
    {
        var view = await AssignAsync(await CreateAsync(), Budi);

        var skip = await Moves.MoveAsync(view.Task.Id, view.Task.Version, ItTaskStatus.Selesai, null);
        Assert.Equal("ItTasks.TransitionNotAllowed", skip.Errors.Single().MessageKey);
        Assert.Equal([ItTaskStatus.Baru, ItTaskStatus.Selesai], skip.Errors.Single().Args.Cast<ItTaskStatus>());
        Assert.Equal("ItTasks.ReasonRequired", (await Moves.MoveAsync(view.Task.Id, view.Task.Version, ItTaskStatus.Menunggu, " ")).Errors.Single().MessageKey);

        view = await MoveAsync(view, ItTaskStatus.Menunggu, "Menunggu data dari bidang peminta.");
        Assert.Equal("Menunggu data dari bidang peminta.", view.Task.WaitingReason);
        view = await MoveAsync(view, ItTaskStatus.Dikerjakan);
        Assert.Null(view.Task.WaitingReason);
        view = await MoveAsync(view, ItTaskStatus.Selesai);
        Assert.Equal(App.Clock.GetUtcNow().UtcDateTime, view.Task.CompletedAtUtc);
        Assert.Equal([ItTaskStatus.Dikerjakan], view.AllowedMoves);

        Assert.Equal("ItTasks.TransitionNotAllowed", (await Moves.MoveAsync(view.Task.Id, view.Task.Version, ItTaskStatus.Baru, null)).Errors.Single().MessageKey);
        Assert.Equal("ItTasks.ReasonRequired", (await Moves.MoveAsync(view.Task.Id, view.Task.Version, ItTaskStatus.Dikerjakan, null)).Errors.Single().MessageKey);
        view = await MoveAsync(view, ItTaskStatus.Dikerjakan, "Masalah muncul lagi.");
        Assert.Null(view.Task.CompletedAtUtc);
        Assert.Equal(
            ["Baru→Menunggu", "Menunggu→Dikerjakan", "Dikerjakan→Selesai", "Selesai→Dikerjakan"],
            view.History.Where(e => e.Kind == ItTaskEventKind.StatusChanged).Select(e => $"{e.FromValue}→{e.ToValue}"));
        Assert.Equal("Masalah muncul lagi.", view.History[^1].Text);
    }

    [Fact]
    public async Task It_staff_starting_an_unassigned_task_take_it_but_an_administrator_must_assign_first()
    {
        var view = await CreateAsync();
        App.ActAs(AppRoles.Administrator, Ti, "admin");
        var refused = await Moves.MoveAsync(view.Task.Id, view.Task.Version, ItTaskStatus.Dikerjakan, null);
        Assert.Equal("ItTasks.AssignFirst", refused.Errors.Single().MessageKey);

        ActAsItStaff(Rizky, "Rizky Pratama");
        view = await MoveAsync(view, ItTaskStatus.Dikerjakan);

        Assert.Equal(Rizky, view.Task.AssigneeId);
        Assert.Contains(view.History, e => e.Kind == ItTaskEventKind.Assigned && e.FromValue is null && e.ToValue == "Rizky Pratama");
    }
}
