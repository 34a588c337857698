using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Features.Email.Pages;

/// <summary>A row of the outbox list.</summary>
public sealed record OutboxListItem(
    long Id,
    DateTime CreatedAtUtc,
    string ToAddress,
    string? ToName,
    string Subject,
    string Purpose,
    OutboxEmailStatus Status,
    int Attempts,
    DateTime? NextAttemptAtUtc,
    DateTime? SentAtUtc,
    string? LastError);

/// <summary>One message in full, for the detail panel.</summary>
public sealed record OutboxDetail(OutboxListItem Row, string TextBody, bool HasHtml, string MessageId, IReadOnlyList<OutboxResendItem> Resends);

public sealed record OutboxResendItem(string ByName, DateTime AtUtc, OutboxEmailStatus PreviousStatus);

/// <summary>How many messages stand in each state.</summary>
public sealed record OutboxCounts(int Waiting, int Sent, int Failed);

/// <summary>
/// The administrators' view of the outbox at /administrasi/kotak-keluar: the list, one message, and "Kirim ulang".
/// Recipients and bodies are personal data: every call demands <see cref="Permissions.Administer"/>.
/// </summary>
public sealed class OutboxAdmin(
    IDbContextFactory<AppDbContext> dbFactory,
    AccessGuard guard,
    IOptions<EmailOptions> settings,
    TimeProvider clock,
    ILogger<OutboxAdmin> logger)
{
    /// <summary>False while no SMTP server is set: messages wait and the page says so.</summary>
    public bool DeliveryEnabled => settings.Value.DeliveryEnabled;

    /// <summary>Newest first, optionally of one status, searched in recipient address, name and subject; paged in SQL.</summary>
    public async Task<PagedResult<OutboxListItem>> ListAsync(OutboxEmailStatus? status, string? search, PageRequest page, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        await guard.DemandAsync(Permissions.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Set<OutboxEmail>().AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(e => e.Status == s);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            query = query.WhereContains(search, e => e.ToAddress, e => e.ToName, e => e.Subject);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(e => e.CreatedAtUtc).ThenByDescending(e => e.Id)
            .Skip(page.Skip).Take(page.Take)
            .Select(e => new OutboxListItem(e.Id, e.CreatedAtUtc, e.ToAddress, e.ToName, e.Subject, e.Purpose, e.Status, e.Attempts, e.NextAttemptAtUtc, e.SentAtUtc, e.LastError))
            .ToListAsync(ct);
        return new PagedResult<OutboxListItem>(rows, total);
    }

    public async Task<OutboxCounts> CountAsync(CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await db.Set<OutboxEmail>().GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(OutboxEmailStatus s) => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0;
        return new OutboxCounts(Of(OutboxEmailStatus.Waiting), Of(OutboxEmailStatus.Sent), Of(OutboxEmailStatus.Failed));
    }

    public async Task<OutboxDetail?> GetAsync(long id, CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Set<OutboxEmail>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (row is null)
        {
            return null;
        }

        var resends = await db.Set<OutboxEmailResend>().AsNoTracking().Where(r => r.OutboxEmailId == id)
            .OrderByDescending(r => r.AtUtc).Select(r => new OutboxResendItem(r.ByName, r.AtUtc, r.PreviousStatus)).ToListAsync(ct);
        var item = new OutboxListItem(row.Id, row.CreatedAtUtc, row.ToAddress, row.ToName, row.Subject, row.Purpose, row.Status, row.Attempts, row.NextAttemptAtUtc, row.SentAtUtc, row.LastError);
        return new OutboxDetail(item, row.TextBody, row.HtmlBody is not null, Delivery.EmailMessageFactory.MessageId(row.Id, row.Resends, settings.Value.From), resends);
    }

    /// <summary>
    /// Puts a sent or failed message back in the queue as a new message (a fresh Message-Id and a full set of tries),
    /// recording who did it. A waiting message is left alone (it goes out anyway) and reported as a refusal.
    /// </summary>
    public async Task<CommandResult> ResendAsync(long id, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var row = await db.Set<OutboxEmail>().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (row is null)
        {
            return CommandResult.Fail("Outbox.NotFound");
        }

        if (row.Status == OutboxEmailStatus.Waiting)
        {
            return CommandResult.Fail("Outbox.AlreadyWaiting");
        }

        var previous = row.Status;
        var now = clock.GetUtcNow().UtcDateTime;
        row.Status = OutboxEmailStatus.Waiting;
        row.Attempts = 0;
        row.NextAttemptAtUtc = null;
        row.LastError = null;
        row.SentAtUtc = null;
        row.LeaseUntilUtc = null;
        row.ClaimToken = null;
        row.Resends++;
        db.Add(new OutboxEmailResend
        {
            OutboxEmailId = row.Id,
            PreviousStatus = previous,
            ByUserId = user.UserId ?? "",
            ByName = user.DisplayName,
            AtUtc = now,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("E-mail {OutboxId} ({Purpose}, was {Status}) queued again by {User}", row.Id, row.Purpose, previous, user.DisplayName);
        return CommandResult.Success;
    }
}
