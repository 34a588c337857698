using Hangfire;
using KopUkm.Dashboard.Data.Auditing;

namespace KopUkm.Dashboard.Features.Content;

/// <summary>Daily 07:00 WIB, before the office opens: editors' digests and escalations (<see cref="ContentDigestService"/>).</summary>
public sealed class ContentDigestJob(ContentDigestService digests, JobActor actor, ILogger<ContentDigestJob> logger)
{
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 2)]
    public async Task RunAsync(CancellationToken ct)
    {
        actor.Name(nameof(ContentDigestJob));
        var result = await digests.SendAsync(ct);
        logger.LogInformation(
            "Content digests sent: {Editors} editors, {Heads} division heads, {Leaders} leadership summaries",
            result.Editors,
            result.DivisionHeads,
            result.Leaders);
    }
}
