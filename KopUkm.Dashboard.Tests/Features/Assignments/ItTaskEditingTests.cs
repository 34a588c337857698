using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Assignments;

namespace KopUkm.Dashboard.Tests.Features.Assignments;

public sealed class ItTaskEditingTests : ItTaskScenario
{
    [Fact]
    public async Task A_new_task_gets_a_readable_code_starts_in_baru_and_records_its_creation()
    {
        var view = await CreateAsync();

        Assert.Matches(@"^TI-2026-\d{5}$", view.Task.Code);
        Assert.Equal(ItTaskStatus.Baru, view.Task.Status);
        Assert.Equal("Budi Santoso", view.Task.CreatedByName);
        var created = Assert.Single(view.History);
        Assert.Equal((ItTaskEventKind.Created, "Baru", "Budi Santoso"), (created.Kind, created.ToValue, created.ByName));
    }

    [Theory]
    [InlineData("", 3, "Title", "Validation.Required")]
    [InlineData("Cadangkan server", 0.25, "EstimateHours", "Validation.Range")]
    [InlineData("Cadangkan server", 200.5, "EstimateHours", "Validation.Range")]
    public async Task Bad_input_is_refused_field_by_field_and_nothing_is_saved(string title, double hours, string field, string key)
    {
        var (result, id) = await Editing.CreateAsync(Form(title, hours: (decimal)hours));

        Assert.Null(id);
        Assert.Contains(result.Errors, e => e.Field == field && e.MessageKey == key);
        Assert.Equal(0, (await Lists.ListAsync(new PageRequest(0, 25), new ItTaskFilter())).TotalCount);
    }

    [Fact]
    public async Task A_stale_edit_or_move_is_a_conflict_and_the_first_save_stands()
    {
        var view = await CreateAsync();
        var first = Form("Judul dari editor pertama", priority: WorkPriority.Tinggi);
        var second = Form("Judul dari editor kedua");

        Assert.True((await Editing.UpdateAsync(view.Task.Id, view.Task.Version, first)).Succeeded);
        Assert.True((await Editing.UpdateAsync(view.Task.Id, view.Task.Version, second)).IsConflict);
        Assert.True((await Moves.MoveAsync(view.Task.Id, view.Task.Version, ItTaskStatus.Menunggu, "x")).IsConflict);

        var now = (await Details.GetAsync(view.Task.Id))!;
        Assert.Equal(("Judul dari editor pertama", WorkPriority.Tinggi, ItTaskStatus.Baru), (now.Task.Title, now.Task.Priority, now.Task.Status));
    }

    [Fact]
    public async Task Edits_of_due_date_priority_and_estimate_enter_the_history_from_and_to()
    {
        var view = await CreateAsync(Form(hours: 3, due: new DateOnly(2026, 11, 30)));
        var form = Form(hours: 4.5m, due: new DateOnly(2026, 12, 4), priority: WorkPriority.Mendesak);
        form.Title = "Judul baru";

        Assert.True((await Editing.UpdateAsync(view.Task.Id, view.Task.Version, form)).Succeeded);

        var edits = (await Details.GetAsync(view.Task.Id))!.History.Where(e => e.Kind != ItTaskEventKind.Created).Select(e => (e.Kind, e.FromValue, e.ToValue));
        Assert.Equal(
            [(ItTaskEventKind.DueDateChanged, "2026-11-30", "2026-12-04"), (ItTaskEventKind.PriorityChanged, "Normal", "Mendesak"), (ItTaskEventKind.EstimateChanged, "3", "4.5")],
            edits);
    }

    [Fact]
    public async Task Every_change_is_published_for_open_boards()
    {
        var heard = new TaskCompletionSource<ChangeEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = App.Get<ChangeNotifier>().Subscribe(ChangeTopic.ItTasks, e => { heard.TrySetResult(e); return Task.CompletedTask; });

        await CreateAsync();

        var change = await heard.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(Umk.ToString(System.Globalization.CultureInfo.InvariantCulture), change.ScopeKey);
    }
}
