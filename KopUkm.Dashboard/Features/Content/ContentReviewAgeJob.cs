using Hangfire;
using KopUkm.Dashboard.Data.Auditing;

namespace KopUkm.Dashboard.Features.Content;

/// <summary>Daily (WIB): review dates, due-soon and overdue flags (see <see cref="ContentReviewAgeService"/>).</summary>
public sealed class ContentReviewAgeJob(ContentReviewAgeService reviewAge, JobActor actor, ILogger<ContentReviewAgeJob> logger)
{
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 2)]
    public async Task RunAsync(CancellationToken ct)
    {
        actor.Name(nameof(ContentReviewAgeJob));
        var result = await reviewAge.RunAsync(ct);
        logger.LogInformation(
            "Content review age: {Scanned} live items, {Updated} updated, {Flagged} flagged as needing an update",
            result.Scanned,
            result.Updated,
            result.FlaggedStale);
    }
}
