using KopUkm.Dashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Features.Email.Delivery;

/// <summary>What one run of the sender did.</summary>
public sealed record OutboxRunResult(int Claimed, int Sent, int Retrying, int Failed)
{
    public static readonly OutboxRunResult Nothing = new(0, 0, 0, 0);
}

/// <summary>
/// Delivers due outbox messages. A run claims a small batch with one conditional update (status Waiting, due, and no
/// live lease), so two runs — or two app instances — never hold the same message; it sends each over one SMTP
/// connection and records Sent, a retry with backoff, or Failed after the last attempt.
/// </summary>
public sealed class OutboxSender(
    IDbContextFactory<AppDbContext> dbFactory,
    IOptions<EmailOptions> settings,
    TimeProvider clock,
    ILogger<OutboxSender> logger)
{
    /// <summary>Longer than a batch can take (every message timing out), so a live run never loses its claim.</summary>
    internal static readonly TimeSpan Lease = TimeSpan.FromMinutes(15);

    /// <summary>Sends what is due now; does nothing while no SMTP server is configured.</summary>
    public async Task<OutboxRunResult> SendDueAsync(CancellationToken ct = default)
    {
        var options = settings.Value;
        if (!options.DeliveryEnabled)
        {
            return OutboxRunResult.Nothing;
        }

        var token = Guid.NewGuid().ToString("N");
        var claimed = await ClaimAsync(token, options.BatchSize, ct);
        if (claimed.Count == 0)
        {
            return OutboxRunResult.Nothing;
        }

        int sent = 0, retrying = 0, failed = 0;
        await using (var connection = new SmtpConnection(options))
        {
            foreach (var row in claimed)
            {
                var message = EmailMessageFactory.Create(row, options, clock.GetUtcNow());
                var outcome = await connection.SendAsync(message, ct);
                var status = await RecordAsync(row, token, outcome, options.MaxAttempts, ct);
                _ = status switch
                {
                    OutboxEmailStatus.Sent => sent++,
                    OutboxEmailStatus.Failed => failed++,
                    _ => retrying++,
                };
            }
        }

        logger.LogInformation("E-mail outbox run: {Claimed} claimed, {Sent} sent, {Retrying} to retry, {Failed} failed", claimed.Count, sent, retrying, failed);
        return new OutboxRunResult(claimed.Count, sent, retrying, failed);
    }

    private async Task<List<OutboxEmail>> ClaimAsync(string token, int batchSize, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var leaseUntil = now + Lease;
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        // One write transaction (BEGIN IMMEDIATE on SQLite): the read of due ids and the claim see the same rows.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var due = await Due(db, now).OrderBy(e => e.Id).Select(e => e.Id).Take(batchSize).ToListAsync(ct);
        if (due.Count == 0)
        {
            return [];
        }

        // The condition is checked again by the update itself, row by row, so of two runs that read the same ids
        // only one takes each row.
        await Due(db, now).Where(e => due.Contains(e.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClaimToken, token).SetProperty(e => e.LeaseUntilUtc, leaseUntil), ct);
        var claimed = await db.Set<OutboxEmail>().AsNoTracking().Where(e => e.ClaimToken == token).OrderBy(e => e.Id).ToListAsync(ct);
        await transaction.CommitAsync(ct);
        return claimed;
    }

    private static IQueryable<OutboxEmail> Due(AppDbContext db, DateTime now) =>
        db.Set<OutboxEmail>().Where(e => e.Status == OutboxEmailStatus.Waiting
            && (e.NextAttemptAtUtc == null || e.NextAttemptAtUtc <= now)
            && (e.LeaseUntilUtc == null || e.LeaseUntilUtc < now));

    private async Task<OutboxEmailStatus> RecordAsync(OutboxEmail row, string token, DeliveryOutcome outcome, int maxAttempts, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var attempts = row.Attempts + 1;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = db.Set<OutboxEmail>().Where(e => e.Id == row.Id && e.ClaimToken == token);
        if (outcome.Delivered)
        {
            await mine.ExecuteUpdateAsync(
                s => s.SetProperty(e => e.Status, OutboxEmailStatus.Sent)
                    .SetProperty(e => e.SentAtUtc, now)
                    .SetProperty(e => e.Attempts, attempts)
                    .SetProperty(e => e.LastError, (string?)null)
                    .SetProperty(e => e.NextAttemptAtUtc, (DateTime?)null)
                    .SetProperty(e => e.LeaseUntilUtc, (DateTime?)null)
                    .SetProperty(e => e.ClaimToken, (string?)null),
                CancellationToken.None);
            return OutboxEmailStatus.Sent;
        }

        var giveUp = outcome.Permanent || attempts >= maxAttempts;
        var error = outcome.Error ?? "";
        if (giveUp && !outcome.Permanent)
        {
            error = EmailTexts.Indonesian("Email.Error.GaveUp", attempts, error);
        }

        error = error.Length > 1000 ? error[..999] + "…" : error;
        DateTime? next = giveUp ? null : now + EmailRetryPolicy.DelayAfter(attempts);
        await mine.ExecuteUpdateAsync(
            s => s.SetProperty(e => e.Status, giveUp ? OutboxEmailStatus.Failed : OutboxEmailStatus.Waiting)
                .SetProperty(e => e.Attempts, attempts)
                .SetProperty(e => e.LastError, error)
                .SetProperty(e => e.NextAttemptAtUtc, next)
                .SetProperty(e => e.LeaseUntilUtc, (DateTime?)null)
                .SetProperty(e => e.ClaimToken, (string?)null),
            CancellationToken.None);
        logger.LogWarning("E-mail {OutboxId} ({Purpose}) not delivered, attempt {Attempt}: {Error}", row.Id, row.Purpose, attempts, error);
        return giveUp ? OutboxEmailStatus.Failed : OutboxEmailStatus.Waiting;
    }
}
