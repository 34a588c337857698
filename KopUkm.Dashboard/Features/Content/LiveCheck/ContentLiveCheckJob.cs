using Hangfire;
using KopUkm.Dashboard.Data.Auditing;

namespace KopUkm.Dashboard.Features.Content.LiveCheck;

/// <summary>On its configured schedule (WIB): the live-site check (<see cref="ContentLiveCheckService"/>).</summary>
public sealed class ContentLiveCheckJob(ContentLiveCheckService liveCheck, JobActor actor)
{
    /// <summary>A full check of a large site takes hours at one request per second; no second run starts meanwhile.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken ct)
    {
        actor.Name(nameof(ContentLiveCheckJob));
        return liveCheck.RunAsync(ct);
    }
}
