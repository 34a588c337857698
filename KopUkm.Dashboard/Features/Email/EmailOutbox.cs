using KopUkm.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Email;

/// <summary>One message a feature wants sent. <see cref="Key"/> makes it idempotent (e.g. "ticket:123:resolved").</summary>
public sealed record OutgoingEmail(
    string Key,
    string Purpose,
    string ToAddress,
    string? ToName,
    string Subject,
    string TextBody,
    string? HtmlBody);

/// <summary>
/// Puts e-mail in the outbox inside the caller's unit of work: the message is saved by the caller's own
/// <c>SaveChangesAsync</c>, in the same transaction as the change that causes it.
/// </summary>
public interface IEmailOutbox
{
    /// <summary>
    /// Adds the message to <paramref name="db"/> unless a message with the same key is already stored or tracked.
    /// Returns false when it was a duplicate.
    /// </summary>
    Task<bool> AddAsync(AppDbContext db, OutgoingEmail email, CancellationToken cancellationToken = default);
}

internal sealed class EmailOutbox(TimeProvider clock) : IEmailOutbox
{
    public async Task<bool> AddAsync(AppDbContext db, OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        var tracked = db.ChangeTracker.Entries<OutboxEmail>().Any(e => e.Entity.Key == email.Key);
        if (tracked || await db.Set<OutboxEmail>().AnyAsync(e => e.Key == email.Key, cancellationToken))
        {
            return false;
        }

        db.Set<OutboxEmail>().Add(new OutboxEmail
        {
            Key = email.Key,
            Purpose = email.Purpose,
            ToAddress = email.ToAddress,
            ToName = email.ToName,
            Subject = email.Subject,
            TextBody = email.TextBody,
            HtmlBody = email.HtmlBody,
            Status = OutboxEmailStatus.Waiting,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        return true;
    }
}
