using KopUkm.Dashboard.Features.Assignments;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.TestInfrastructure;

namespace KopUkm.Dashboard.Tests.Features.Assignments;

public sealed class ItTaskWorkflowTests
{
    /// <summary>The allowed graph, written out independently of the workflow's own table.</summary>
    private static readonly HashSet<(ItTaskStatus From, ItTaskStatus To)> Expected =
    [
        (ItTaskStatus.Baru, ItTaskStatus.Dikerjakan),
        (ItTaskStatus.Baru, ItTaskStatus.Menunggu),
        (ItTaskStatus.Dikerjakan, ItTaskStatus.Menunggu),
        (ItTaskStatus.Dikerjakan, ItTaskStatus.Selesai),
        (ItTaskStatus.Menunggu, ItTaskStatus.Dikerjakan),
        (ItTaskStatus.Menunggu, ItTaskStatus.Selesai),
        (ItTaskStatus.Selesai, ItTaskStatus.Dikerjakan),
    ];

    public static TheoryData<ItTaskStatus, ItTaskStatus> EveryPair()
    {
        var data = new TheoryData<ItTaskStatus, ItTaskStatus>();
        foreach (var from in Enum.GetValues<ItTaskStatus>())
        {
            foreach (var to in Enum.GetValues<ItTaskStatus>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_status_pair_is_allowed_or_refused_exactly_as_specified(ItTaskStatus from, ItTaskStatus to) =>
        Assert.Equal(Expected.Contains((from, to)), ItTaskWorkflow.CanMove(from, to));

    [Fact]
    public void Waiting_and_reopening_need_a_reason_starting_needs_an_assignee_and_only_selesai_is_closed()
    {
        Assert.Equal(
            [(ItTaskStatus.Baru, ItTaskStatus.Menunggu), (ItTaskStatus.Dikerjakan, ItTaskStatus.Menunggu), (ItTaskStatus.Selesai, ItTaskStatus.Dikerjakan)],
            Expected.Where(m => ItTaskWorkflow.RequiresReason(m.From, m.To)).OrderBy(m => m.From));
        Assert.Equal([ItTaskStatus.Dikerjakan], Enum.GetValues<ItTaskStatus>().Where(ItTaskWorkflow.RequiresAssignee));
        Assert.Equal([ItTaskStatus.Selesai], Enum.GetValues<ItTaskStatus>().Where(s => !ItTaskWorkflow.IsOpen(s)));
    }

    [Theory]
    [InlineData(AppRoles.Administrator, true, true, true)]
    [InlineData(AppRoles.StafTI, true, true, true)]
    [InlineData(AppRoles.KepalaBidang, false, false, true)]
    [InlineData(AppRoles.Pimpinan, false, false, false)]
    [InlineData(AppRoles.Petugas, false, false, false)]
    public void Each_role_may_move_assign_and_create_as_documented(string role, bool moveOthers, bool assign, bool create)
    {
        var user = FakeCurrentUser.As(role, 3, "me");

        Assert.Equal(moveOthers, ItTaskAccess.CanMove(user, "someone-else"));
        Assert.Equal(assign, ItTaskAccess.CanAssign(user));
        Assert.Equal(create, ItTaskAccess.CanCreate(user));
        Assert.True(ItTaskAccess.CanMove(user, "me"));
    }

    [Fact]
    public void A_division_head_raises_and_sees_their_own_divisions_tasks_only()
    {
        var head = FakeCurrentUser.As(AppRoles.KepalaBidang, 3, "head");

        Assert.True(ItTaskAccess.CanCreateFor(head, 3));
        Assert.False(ItTaskAccess.CanCreateFor(head, 4));
        Assert.True(ItTaskAccess.CanSee(head, 3, null));
        Assert.False(ItTaskAccess.CanSee(head, 4, null));
        Assert.True(ItTaskAccess.CanSee(FakeCurrentUser.As(AppRoles.Pimpinan, null, "p"), 4, null));
    }

    [Theory]
    [InlineData("2026-11-23", ItTaskStatus.Dikerjakan, "2026-11-23", false)]
    [InlineData("2026-11-22", ItTaskStatus.Dikerjakan, "2026-11-23", true)]
    [InlineData("2026-11-22", ItTaskStatus.Menunggu, "2026-11-23", true)]
    [InlineData("2026-11-22", ItTaskStatus.Selesai, "2026-11-23", false)]
    public void Overdue_means_an_open_task_whose_due_day_has_passed(string due, ItTaskStatus status, string today, bool overdue) =>
        Assert.Equal(overdue, ItTaskRules.IsOverdue(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), status, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2026-11-23T16:59:59Z", "2026-11-23")]
    [InlineData("2026-11-23T17:00:00Z", "2026-11-24")]
    public void Today_is_the_calendar_day_in_wib(string utc, string expected)
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ItTaskRules.TodayWib(clock));
    }
}
