using Hangfire;
using KopUkm.Dashboard.Data.Auditing;

namespace KopUkm.Dashboard.Features.Cooperatives.Cases;

/// <summary>
/// Nightly: recomputes the due time of every open case, so due dates follow edits to the holidays, office hours and
/// stage targets. A job of its own rather than a step of <see cref="SupervisionFlagJob"/>: the two share no data, and
/// one failing should neither hide nor block the other.
/// </summary>
public sealed class CaseDueDateRefreshJob(RegistrationCaseService cases, JobActor actor, ILogger<CaseDueDateRefreshJob> logger)
{
    /// <summary>Runs the refresh once; a failure throws so the job shows as failed (and retried) on /jobs.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 2)]
    public async Task RunAsync(CancellationToken ct)
    {
        actor.Name(nameof(CaseDueDateRefreshJob));
        var changed = await cases.RefreshDueDatesAsync(ct);
        logger.LogInformation("Case due dates refreshed: {Changed} open cases changed", changed);
    }
}
