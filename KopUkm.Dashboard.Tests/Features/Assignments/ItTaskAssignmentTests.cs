using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Assignments;
using KopUkm.Dashboard.Features.Notifications;
using KopUkm.Dashboard.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Tests.Features.Assignments;

public sealed class ItTaskAssignmentTests : ItTaskScenario
{
    [Fact]
    public async Task Assignment_and_reassignment_enter_the_history_with_the_reason_and_notify_the_new_assignee()
    {
        var view = await CreateAsync();
        App.ActAs(AppRoles.Administrator, Ti, "admin");
        view = await AssignAsync(view, Budi);

        Assert.Equal("ItTasks.ReasonRequired", (await Assignment.AssignAsync(view.Task.Id, view.Task.Version, Rizky, "")).Errors.Single().MessageKey);
        Assert.Equal("ItTasks.AssigneeNotAllowed", (await Assignment.AssignAsync(view.Task.Id, view.Task.Version, "someone-else", "x")).Errors.Single().MessageKey);
        view = await AssignAsync(view, Rizky, "Budi cuti.");

        var assignments = view.History.Where(e => e.Kind == ItTaskEventKind.Assigned).ToList();
        Assert.Equal([(null, "Budi Santoso", ""), ("Budi Santoso", "Rizky Pratama", "Budi cuti.")], assignments.Select(e => (e.FromValue, e.ToValue, e.Text)));
        Assert.Equal(("Rizky Pratama", Rizky), (view.Task.AssigneeName, view.Task.AssigneeId));
        await using var db = await App.DbAsync();
        var notified = await db.Set<Notification>().Where(n => n.Kind == "ittask-assigned").Select(n => new { n.UserId, n.Link }).ToListAsync();
        Assert.Equal(new[] { Budi, Rizky }.Order(), notified.Select(n => n.UserId).Order());
        Assert.All(notified, n => Assert.Equal($"/tugas-ti/{view.Task.Id}", n.Link));
    }

    [Fact]
    public async Task The_suggestion_is_the_it_staff_member_with_the_fewest_open_hours_then_fewest_items_then_name()
    {
        var nurul = await App.CreateUserAsync("nurul@ti.test", "Nurul Aini", AppRoles.StafTI, Ti);
        await App.CreateUserAsync("petugas@umk.test", "Bukan Staf TI", AppRoles.Petugas, Umk);

        // Budi 10 h in 2 tasks; Rizky 6 h in 3; Nurul 6 h in 1 (plus a finished 50 h task that no longer counts).
        foreach (var (who, hours) in new[] { (Budi, 5m), (Budi, 5m), (Rizky, 2m), (Rizky, 2m), (Rizky, 2m), (nurul, 6m) })
        {
            await AssignAsync(await CreateAsync(Form(hours: hours)), who);
        }

        var done = await AssignAsync(await CreateAsync(Form(hours: 50)), nurul);
        done = await MoveAsync(done, ItTaskStatus.Dikerjakan);
        await MoveAsync(done, ItTaskStatus.Selesai);

        var ranked = await Assignment.WorkloadAsync();
        Assert.Equal(["Nurul Aini", "Rizky Pratama", "Budi Santoso"], ranked.Select(l => l.Name));
        Assert.Equal((1, 6m), (ranked[0].OpenItems, ranked[0].OpenHours));
        Assert.Equal(nurul, (await Assignment.SuggestAssigneeAsync())!.UserId);

        // Comparing people for a reassignment leaves the task itself out of its current assignee's load.
        var nurulsTask = (await Lists.ListAsync(new PageRequest(0, 25), new ItTaskFilter(AssigneeId: nurul, Status: ItTaskStatus.Baru))).Items.Single();
        var withoutIt = await Assignment.WorkloadAsync(nurulsTask.Id);
        Assert.Equal(("Nurul Aini", 0, 0m), (withoutIt[0].Name, withoutIt[0].OpenItems, withoutIt[0].OpenHours));
    }
    [Fact]
    public async Task An_overdue_task_weighs_on_its_assignee_so_the_suggestion_moves_to_the_one_on_time()
    {
        // Rizky 6 h due tomorrow; Budi 8 h due in three weeks: Rizky is lighter.
        await AssignAsync(await CreateAsync(Form(hours: 6, due: new DateOnly(2026, 11, 24))), Rizky);
        await AssignAsync(await CreateAsync(Form(hours: 8, due: new DateOnly(2026, 12, 14))), Budi);
        Assert.Equal(Rizky, (await Assignment.SuggestAssigneeAsync())!.UserId);

        // Three days on, Rizky's task is late: 6 h + half a working day outweighs Budi's 8 h.
        App.Clock.Advance(TimeSpan.FromDays(3));
        var suggestion = (await Assignment.SuggestAssigneeAsync())!;

        Assert.Equal(Budi, suggestion.UserId);
        var rizky = (await Assignment.WorkloadAsync()).Single(l => l.UserId == Rizky);
        Assert.Equal((6m, 1), (rizky.OpenHours, rizky.Overdue));
    }

    [Fact]
    public async Task The_create_dialog_may_assign_at_once_for_those_who_assign_and_the_history_records_it()
    {
        var form = Form();
        form.AssigneeId = Rizky;

        var view = await CreateAsync(form);

        Assert.Equal(Rizky, view.Task.AssigneeId);
        Assert.Equal([ItTaskEventKind.Created, ItTaskEventKind.Assigned], view.History.Select(e => e.Kind));

        // A division head raises tasks but does not assign them.
        App.ActAs(AppRoles.KepalaBidang, Umk, "head-umk", divisionCode: "UMK");
        var headsForm = Form(division: Umk);
        headsForm.AssigneeId = Rizky;
        await Assert.ThrowsAsync<KopUkm.Dashboard.Features.Security.AccessDeniedException>(() => Editing.CreateAsync(headsForm));
    }
}
