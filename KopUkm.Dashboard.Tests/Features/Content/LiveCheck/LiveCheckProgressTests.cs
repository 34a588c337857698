using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data.Auditing;
using KopUkm.Dashboard.Features.Content.LiveCheck;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KopUkm.Dashboard.Tests.Features.Content.LiveCheck;

/// <summary>
/// The live-site check's progress in the database, on both providers: a run writes its start, its progress at most once
/// a second and its end; any reader (another scope, another instance) sees it; each write is published as a change.
/// </summary>
public abstract class LiveCheckProgressTests(TestProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : LiveCheckProgressTests(TestProvider.Sqlite);

    public sealed class OnPostgreSql() : LiveCheckProgressTests(TestProvider.PostgreSql);

    private TestServices app = default!;

    public async Task InitializeAsync() => app = await TestServices.CreateAsync(provider: provider);

    public async Task DisposeAsync() => await app.DisposeAsync();

    /// <summary>As a page reads it: a scope of its own, not the run's.</summary>
    private Task<LiveCheckSnapshot> ReadAsync() => app.Get<LiveCheckProgress>().CurrentAsync();

    [Fact]
    public async Task A_run_records_its_start_its_progress_at_most_once_a_second_and_its_end()
    {
        Assert.Equal(LiveCheckSnapshot.None, await ReadAsync());
        var run = app.Get<LiveCheckProgress>();
        var started = app.Clock.GetUtcNow();

        await run.StartAsync(10);
        Assert.Equal(new LiveCheckSnapshot(true, 10, 0, started, null), await ReadAsync());

        // Within the second after the last write: counted, not written.
        await run.AdvanceAsync(1);
        await run.AdvanceAsync(1);
        Assert.Equal(0, (await ReadAsync()).Checked);

        app.Clock.Advance(LiveCheckProgress.WriteEvery);
        await run.AdvanceAsync(1);
        Assert.Equal((true, 3), ((await ReadAsync()).Running, (await ReadAsync()).Checked));

        await run.AdvanceAsync(1);
        app.Clock.Advance(TimeSpan.FromMilliseconds(300));
        await run.FinishAsync();
        Assert.Equal(new LiveCheckSnapshot(false, 10, 4, started, app.Clock.GetUtcNow()), await ReadAsync());

        // The next run starts over in the same row, unaudited.
        var next = app.Get<LiveCheckProgress>();
        await next.StartAsync(2);
        Assert.Equal((true, 2, 0, (DateTimeOffset?)null), ((await ReadAsync()).Running, (await ReadAsync()).Total, (await ReadAsync()).Checked, (await ReadAsync()).FinishedAt));
        await using var db = await app.DbAsync();
        Assert.Equal(1, await db.Set<JobProgress>().CountAsync());
        Assert.False(await db.Set<AuditEntry>().AnyAsync(e => e.EntityType.Contains("JobProgress")));
    }

    [Fact]
    public async Task Every_write_is_published_as_a_progress_change_of_the_live_check()
    {
        var heard = new TaskCompletionSource<ChangeEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = app.Services.GetRequiredService<ChangeNotifier>().Subscribe(ChangeTopic.JobProgress, change =>
        {
            heard.TrySetResult(change);
            return Task.CompletedTask;
        });

        await app.Get<LiveCheckProgress>().StartAsync(3);

        Assert.Equal(LiveCheckProgress.JobId, (await heard.Task.WaitAsync(TimeSpan.FromSeconds(10))).ScopeKey);
    }

    [Fact]
    public async Task A_run_no_longer_written_is_not_shown_as_running_after_fifteen_minutes()
    {
        await app.Get<LiveCheckProgress>().StartAsync(100);

        app.Clock.Advance(LiveCheckProgress.Abandoned - TimeSpan.FromSeconds(1));
        Assert.True((await ReadAsync()).Running);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False((await ReadAsync()).Running);
    }
}
