using Hangfire;
using Hangfire.Storage;
using KopUkm.Dashboard.Features.Content.LiveCheck;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Host;
using KopUkm.Dashboard.Jobs;

namespace KopUkm.Dashboard.Features.Content;

/// <summary>The content jobs as an administrator sees them: when each last ran and will run, and "run now".</summary>
public sealed class ContentJobsService(
    AccessGuard guard,
    JobStorage storage,
    IRecurringJobManager recurring,
    ContentLiveCheckService liveCheck,
    LiveCheckProgress progress)
{
    public static IReadOnlyList<string> JobIds { get; } = [RecurringJobs.ContentReviewAge, RecurringJobs.ContentDigest, RecurringJobs.ContentLiveCheck];

    public async Task<IReadOnlyList<ContentJobState>> ListAsync()
    {
        await guard.DemandAsync(Permissions.Administer);
        using var connection = storage.GetConnection();
        var known = connection.GetRecurringJobs(JobIds.ToList()).Where(j => !j.Removed).ToDictionary(j => j.Id);
        return [.. JobIds.Select(id => known.TryGetValue(id, out var job)
            ? new ContentJobState(id, true, job.Cron, job.LastExecution, job.NextExecution, job.LastJobState)
            : new ContentJobState(id, false, null, null, null, null))];
    }

    /// <summary>Queues the job now; it runs on the job server with the same guard against overlapping runs.</summary>
    public async Task<bool> TriggerAsync(string jobId)
    {
        await guard.DemandAsync(Permissions.Administer);
        if (!JobIds.Contains(jobId) || (jobId == RecurringJobs.ContentLiveCheck && !liveCheck.IsConfigured))
        {
            return false;
        }

        recurring.Trigger(jobId);
        return true;
    }

    /// <summary>The live-site check's progress, from the database: the run may be on another instance's job server.</summary>
    public async Task<LiveCheckSnapshot> LiveCheckProgressAsync(CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.Administer);
        return await progress.CurrentAsync(ct);
    }

    public bool LiveCheckConfigured => liveCheck.IsConfigured;
}

public sealed record ContentJobState(string Id, bool Scheduled, string? Cron, DateTime? LastRunUtc, DateTime? NextRunUtc, string? LastState);
