using Hangfire;
using KopUkm.Dashboard.Data.Auditing;

namespace KopUkm.Dashboard.Features.Tickets;

/// <summary>Every five minutes: refresh open tickets' SLA states and send the notifications they call for.</summary>
public sealed class TicketSlaRefreshJob(TicketSlaMonitor monitor, JobActor actor)
{
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken ct)
    {
        actor.Name(nameof(TicketSlaRefreshJob));
        return monitor.RefreshOpenTicketsAsync(ct);
    }
}
