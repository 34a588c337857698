using Hangfire;

namespace KopUkm.Dashboard.Features.Tickets;

/// <summary>Every five minutes: refresh open tickets' SLA states and send the notifications they call for.</summary>
public sealed class TicketSlaRefreshJob(TicketSlaMonitor monitor)
{
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken ct) => monitor.RefreshOpenTicketsAsync(ct);
}
