using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Assignments;

namespace KopUkm.Dashboard.Tests.Features.Assignments;

public sealed class ItTaskListsTests : ItTaskScenario
{
    [Fact]
    public async Task A_task_is_overdue_from_the_first_moment_of_the_day_after_its_due_date_in_wib()
    {
        var open = await AssignAsync(await CreateAsync(Form("Masih dikerjakan", due: new DateOnly(2026, 11, 23))), Budi);
        var done = await AssignAsync(await CreateAsync(Form("Sudah selesai", due: new DateOnly(2026, 11, 23))), Budi);
        done = await MoveAsync(done, ItTaskStatus.Dikerjakan);
        await MoveAsync(done, ItTaskStatus.Selesai);

        // 23:59:59 WIB on the due day: still on time.
        App.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 16, 59, 59, TimeSpan.Zero));
        Assert.False((await Details.GetAsync(open.Task.Id))!.IsOverdue);
        Assert.Equal(0, (await Lists.ListAsync(new PageRequest(0, 25), new ItTaskFilter(OverdueOnly: true))).TotalCount);
        Assert.Equal(0, (await Assignment.WorkloadAsync()).Single(l => l.UserId == Budi).Overdue);

        // 00:00 WIB the next day (17:00 UTC): overdue, but finished work never is.
        App.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 17, 0, 0, TimeSpan.Zero));
        Assert.True((await Details.GetAsync(open.Task.Id))!.IsOverdue);
        Assert.False((await Details.GetAsync(done.Task.Id))!.IsOverdue);
        Assert.Equal([open.Task.Id], (await Lists.ListAsync(new PageRequest(0, 25), new ItTaskFilter(OverdueOnly: true))).Items.Select(t => t.Id));
        Assert.Equal(1, (await Assignment.WorkloadAsync()).Single(l => l.UserId == Budi).Overdue);
    }

    [Fact]
    public async Task The_board_caps_each_column_counts_the_rest_and_keeps_only_the_last_two_weeks_of_finished_work()
    {
        for (var i = 0; i < 23; i++)
        {
            await CreateAsync(Form($"Tugas baru {i}"));
        }

        var old = await AssignAsync(await CreateAsync(Form("Selesai lama")), Budi);
        old = await MoveAsync(old, ItTaskStatus.Dikerjakan);
        await MoveAsync(old, ItTaskStatus.Selesai);
        App.Clock.Advance(TimeSpan.FromDays(15));
        var recent = await AssignAsync(await CreateAsync(Form("Selesai baru")), Budi);
        recent = await MoveAsync(recent, ItTaskStatus.Dikerjakan);
        await MoveAsync(recent, ItTaskStatus.Selesai);

        var board = await Lists.BoardAsync(new ItTaskFilter());
        var baru = board.Columns.Single(c => c.Status == ItTaskStatus.Baru);
        var selesai = board.Columns.Single(c => c.Status == ItTaskStatus.Selesai);
        Assert.Equal((ItTaskLists.BoardColumnSize, 23), (baru.Cards.Count, baru.TotalCount));
        Assert.Equal(["Selesai baru"], selesai.Cards.Select(c => c.Title));
        Assert.Equal((1, 1), (selesai.TotalCount, selesai.OlderCount));

        var more = await Lists.BoardAsync(new ItTaskFilter(), new Dictionary<ItTaskStatus, int> { [ItTaskStatus.Baru] = 40 });
        Assert.Equal(23, more.Columns.Single(c => c.Status == ItTaskStatus.Baru).Cards.Count);
    }

    [Fact]
    public async Task Filters_narrow_the_board_by_assignee_division_priority_and_search()
    {
        await AssignAsync(await CreateAsync(Form("Cadangkan server website", division: Klm, priority: WorkPriority.Mendesak)), Rizky);
        await CreateAsync(Form("Pasang printer jaringan", division: Umk));
        var coded = await CreateAsync(Form("Perbaiki formulir pengaduan", division: Umk));

        static int Count(ItTaskBoardView board) => board.Columns.Sum(c => c.TotalCount);
        Assert.Equal(1, Count(await Lists.BoardAsync(new ItTaskFilter(AssigneeId: Rizky))));
        Assert.Equal(2, Count(await Lists.BoardAsync(new ItTaskFilter(Unassigned: true))));
        Assert.Equal(2, Count(await Lists.BoardAsync(new ItTaskFilter(DivisionId: Umk))));
        Assert.Equal(1, Count(await Lists.BoardAsync(new ItTaskFilter(Priority: WorkPriority.Mendesak))));
        Assert.Equal(1, Count(await Lists.BoardAsync(new ItTaskFilter(Search: "printer"))));
        Assert.Equal(1, Count(await Lists.BoardAsync(new ItTaskFilter(Search: coded.Task.Code.ToLowerInvariant()))));
    }
}
