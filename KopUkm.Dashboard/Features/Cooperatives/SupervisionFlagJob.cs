using Hangfire;
using KopUkm.Dashboard.Data.Auditing;

namespace KopUkm.Dashboard.Features.Cooperatives;

/// <summary>Nightly: marks supervision candidates and clears cooperatives that no longer are (see <see cref="SupervisionRules"/>).</summary>
public sealed class SupervisionFlagJob(SupervisionService supervision, JobActor actor, ILogger<SupervisionFlagJob> logger)
{
    /// <summary>Runs the flagging once; a failure throws so the job shows as failed (and retried) on /jobs.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 2)]
    public async Task RunAsync(CancellationToken ct)
    {
        actor.Name(nameof(SupervisionFlagJob));
        var result = await supervision.FlagCandidatesAsync(ct);
        logger.LogInformation(
            "Supervision flags: {Updated} cooperatives updated, {Skipped} left for the next run, {Candidates} candidates",
            result.Updated,
            result.Skipped,
            result.Candidates);
    }
}
