using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.PostgreSql;
using KopUkm.Dashboard.Features.Calendar;
using KopUkm.Dashboard.Features.Content.LiveCheck;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Localization;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KopUkm.Dashboard.Tests.Data;

/// <summary>
/// Two app instances on one PostgreSQL database (two service containers sharing the connection string): a change
/// published on one reaches the other's subscribers through LISTEN/NOTIFY, each instance ignores its own, and the
/// start-up lock lets only one instance run its start-up work at a time.
/// </summary>
public sealed class PostgreSqlInstancesTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private TestServices a = default!;
    private TestServices b = default!;

    public async Task InitializeAsync()
    {
        a = await TestServices.CreateAsync(provider: TestProvider.PostgreSql);
        var shared = a.Services.GetRequiredService<IConfiguration>();
        b = await TestServices.CreateAsync(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:Default"] = shared.GetConnectionString("Default"),
        });
    }

    public async Task DisposeAsync()
    {
        // b first: a owns the shared database and drops it.
        await b.DisposeAsync();
        await a.DisposeAsync();
    }

    [Fact]
    public async Task A_change_on_one_instance_reaches_the_other_once_and_is_not_heard_twice_where_it_was_made()
    {
        await StartRelayAsync(a);
        await StartRelayAsync(b);
        var heardOnA = new List<ChangeEvent>();
        var heardOnB = new TaskCompletionSource<ChangeEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        var answerOnA = new TaskCompletionSource<ChangeEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onA = a.Services.GetRequiredService<ChangeNotifier>().Subscribe(ChangeTopic.Tickets, change =>
        {
            lock (heardOnA)
            {
                heardOnA.Add(change);
            }

            return Task.CompletedTask;
        });
        using var answered = a.Services.GetRequiredService<ChangeNotifier>().Subscribe(ChangeTopic.ItTasks, change =>
        {
            answerOnA.TrySetResult(change);
            return Task.CompletedTask;
        });
        using var onB = b.Services.GetRequiredService<ChangeNotifier>().Subscribe(ChangeTopic.Tickets, change =>
        {
            heardOnB.TrySetResult(change);
            return Task.CompletedTask;
        });

        await a.Services.GetRequiredService<ChangeNotifier>().PublishAndWaitAsync(ChangeTopic.Tickets, "UMK");
        var onTheOther = await heardOnB.Task.WaitAsync(Patience);
        Assert.Equal((ChangeTopic.Tickets, "UMK"), (onTheOther.Topic, onTheOther.ScopeKey));

        // A's listener receives notifications in the order they were sent: once B's reply arrives, A's own earlier
        // notification has been received too, and was ignored.
        await b.Services.GetRequiredService<ChangeNotifier>().PublishAndWaitAsync(ChangeTopic.ItTasks);
        await answerOnA.Task.WaitAsync(Patience);
        lock (heardOnA)
        {
            Assert.Single(heardOnA);
        }
    }

    /// <summary>
    /// B has its working calendar cached and computes a one-working-day SLA from Monday 09:00 as due on Tuesday; a holiday on
    /// Tuesday saved on A moves B's due date to Wednesday within about a second (A's edit reaches B as a calendar change).
    /// </summary>
    [Fact]
    public async Task A_holiday_added_on_one_instance_changes_the_other_instances_sla_due_dates_within_a_second()
    {
        await StartRelayAsync(a);
        await StartRelayAsync(b);
        var mondayNine = WibTime.ToUtc(new DateTime(2026, 11, 23, 9, 0, 0));
        var calendarOfB = b.Services.GetRequiredService<WorkingCalendarProvider>();
        async Task<DateOnly> DueDayOnB() => DateOnly.FromDateTime(WibTime.ToWib((await calendarOfB.GetAsync()).AddWorkingDays(mondayNine, 1)));
        Assert.Equal(new DateOnly(2026, 11, 24), await DueDayOnB());

        a.ActAs(AppRoles.Administrator, null, "admin");
        var saved = await a.Get<CalendarService>().SaveHolidayAsync(new HolidayItem(0, new DateOnly(2026, 11, 24), HolidayKind.CutiBersama, "Cuti bersama", 0));
        Assert.True(saved.Succeeded);
        var waited = System.Diagnostics.Stopwatch.StartNew();

        // B is told through LISTEN/NOTIFY and drops its calendar; until then it rightly serves the one it has.
        while (await DueDayOnB() != new DateOnly(2026, 11, 25))
        {
            Assert.True(waited.Elapsed < Patience, "the other instance kept its old calendar");
            await Task.Delay(10); // the condition is B's cache, which raises no event a test can await
        }

        Assert.True(waited.Elapsed < TimeSpan.FromSeconds(2), $"the other instance followed after {waited.Elapsed}");
    }

    /// <summary>The live-site check runs on A's job server; a page on B hears each progress write and reads the run from the database.</summary>
    [Fact]
    public async Task Live_check_progress_written_on_one_instance_is_heard_and_read_on_the_other()
    {
        await StartRelayAsync(a);
        await StartRelayAsync(b);
        var heardOnB = new TaskCompletionSource<ChangeEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onB = b.Services.GetRequiredService<ChangeNotifier>().Subscribe(ChangeTopic.JobProgress, change =>
        {
            heardOnB.TrySetResult(change);
            return Task.CompletedTask;
        });

        await a.Get<LiveCheckProgress>().StartAsync(120);

        var change = await heardOnB.Task.WaitAsync(Patience);
        Assert.Equal((LiveCheckProgress.JobId, true), (change.ScopeKey, change.FromAnotherInstance));
        var seenOnB = await b.Get<LiveCheckProgress>().CurrentAsync();
        Assert.Equal((true, 120, 0), (seenOnB.Running, seenOnB.Total, seenOnB.Checked));
    }

    [Fact]
    public async Task The_start_up_lock_lets_one_instance_work_at_a_time()
    {
        var firstInside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondEntered = false;

        var first = DatabaseSetup.UnderStartupLockAsync(a.Services, async () =>
        {
            firstInside.SetResult();
            await releaseFirst.Task;
            Assert.False(Volatile.Read(ref secondEntered));
        });
        await firstInside.Task.WaitAsync(Patience);
        var second = DatabaseSetup.UnderStartupLockAsync(b.Services, () =>
        {
            Volatile.Write(ref secondEntered, true);
            return Task.CompletedTask;
        });

        // While the first holds the lock, the second is waiting in PostgreSQL: its session shows an advisory lock wait.
        await using (var db = await a.DbAsync())
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (await db.Database.SqlQueryRaw<int>(
                "SELECT COUNT(*)::int AS \"Value\" FROM pg_locks WHERE locktype = 'advisory' AND NOT granted").SingleAsync() == 0)
            {
                Assert.True(waited.Elapsed < Patience, "the second instance never waited for the lock");
                await Task.Delay(20); // polling the server's lock table: the wait itself has no event to await
            }
        }

        Assert.False(Volatile.Read(ref secondEntered));
        releaseFirst.SetResult();
        await Task.WhenAll(first, second).WaitAsync(Patience);
        Assert.True(secondEntered);
    }

    private static async Task StartRelayAsync(TestServices instance)
    {
        var relay = instance.Services.GetRequiredService<PostgreSqlChangeRelay>();
        await relay.StartAsync(CancellationToken.None);
        await relay.Listening.WaitAsync(Patience);
    }
}
