using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Host;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Content.LiveCheck;

/// <summary>
/// How far the running live-site check is, for the page that shows it: a check over thousands of pages at one
/// request per second takes hours. Kept in the database (<see cref="JobProgress"/>), not in the memory of the
/// instance running the job, because on PostgreSQL the page may be open on another instance: the run writes its
/// start, its progress at most once a second and its end, and each write is published as a
/// <see cref="ChangeTopic.JobProgress"/> change (relayed to the other instances) so open pages re-read it.
/// Scoped: one instance per job run; readers use <see cref="CurrentAsync"/>.
/// </summary>
public sealed class LiveCheckProgress(IDbContextFactory<AppDbContext> dbFactory, ChangeNotifier changes, TimeProvider clock)
{
    /// <summary>The live-site check's recurring job id, the key of its row.</summary>
    public const string JobId = RecurringJobs.ContentLiveCheck;

    /// <summary>The least time between two progress writes of one run.</summary>
    public static readonly TimeSpan WriteEvery = TimeSpan.FromSeconds(1);

    /// <summary>A run whose row was not written for this long is shown as no longer running (its process stopped).</summary>
    public static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(15);

    private int total;
    private int done;
    private DateTime startedAtUtc;
    private DateTime lastWriteUtc;

    /// <summary>The latest state of the check, whichever instance runs or ran it.</summary>
    public async Task<LiveCheckSnapshot> CurrentAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Set<JobProgress>().AsNoTracking().SingleOrDefaultAsync(p => p.JobId == JobId, ct);
        if (row is null)
        {
            return LiveCheckSnapshot.None;
        }

        var running = row.Running && clock.GetUtcNow().UtcDateTime - row.UpdatedAtUtc < Abandoned;
        return new LiveCheckSnapshot(running, row.Total, row.Done, Utc(row.StartedAtUtc), Utc(row.FinishedAtUtc));
    }

    /// <summary>A run over <paramref name="pages"/> pages starts.</summary>
    public Task StartAsync(int pages, CancellationToken ct = default)
    {
        total = pages;
        done = 0;
        startedAtUtc = clock.GetUtcNow().UtcDateTime;
        return WriteAsync(running: true, finishedAtUtc: null, ct);
    }

    /// <summary><paramref name="pages"/> more pages were checked; written when a second has passed since the last write.</summary>
    public Task AdvanceAsync(int pages, CancellationToken ct = default)
    {
        done = Math.Min(total, done + pages);
        return clock.GetUtcNow().UtcDateTime - lastWriteUtc >= WriteEvery ? WriteAsync(running: true, finishedAtUtc: null, ct) : Task.CompletedTask;
    }

    /// <summary>The run ended (also when it failed or was cancelled): written whatever the time since the last write.</summary>
    public Task FinishAsync() => WriteAsync(running: false, clock.GetUtcNow().UtcDateTime, CancellationToken.None);

    private async Task WriteAsync(bool running, DateTime? finishedAtUtc, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        lastWriteUtc = now;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // A set-based update: no tracking, no audit row, the same statement on SQLite and PostgreSQL.
        var updated = await db.Set<JobProgress>().Where(p => p.JobId == JobId).ExecuteUpdateAsync(
            s => s.SetProperty(p => p.Running, running)
                .SetProperty(p => p.Total, total)
                .SetProperty(p => p.Done, done)
                .SetProperty(p => p.StartedAtUtc, startedAtUtc)
                .SetProperty(p => p.FinishedAtUtc, finishedAtUtc)
                .SetProperty(p => p.UpdatedAtUtc, now),
            ct);
        if (updated == 0)
        {
            // The job's first run on this database: its row does not exist yet.
            db.Add(new JobProgress
            {
                JobId = JobId, Running = running, Total = total, Done = done, StartedAtUtc = startedAtUtc, FinishedAtUtc = finishedAtUtc, UpdatedAtUtc = now,
            });
            await db.SaveChangesAsync(ct);
        }

        changes.Publish(ChangeTopic.JobProgress, JobId);
    }

    private static DateTimeOffset? Utc(DateTime? value) =>
        value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
}

public sealed record LiveCheckSnapshot(bool Running, int Total, int Checked, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt)
{
    /// <summary>No run recorded yet.</summary>
    public static LiveCheckSnapshot None { get; } = new(false, 0, 0, null, null);
}
