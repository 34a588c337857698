using Hangfire;
using KopUkm.Dashboard.Data.Auditing;

namespace KopUkm.Dashboard.Features.Email.Delivery;

/// <summary>Every minute while an SMTP server is configured: sends what is due in the outbox (<see cref="OutboxSender"/>).</summary>
public sealed class EmailOutboxJob(OutboxSender sender, JobActor actor)
{
    /// <remarks>
    /// Not retried by Hangfire: the next minute's run is the retry, and each message keeps its own backoff. One run at
    /// a time; were two to overlap anyway, the claim in <see cref="OutboxSender"/> still keeps them apart.
    /// </remarks>
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task RunAsync(CancellationToken ct)
    {
        actor.Name(nameof(EmailOutboxJob));
        await sender.SendDueAsync(ct);
    }
}
