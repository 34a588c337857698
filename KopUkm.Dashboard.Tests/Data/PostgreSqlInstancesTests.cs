using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.PostgreSql;
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
