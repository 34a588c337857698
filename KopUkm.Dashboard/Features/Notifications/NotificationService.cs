using System.Text.Json;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Notifications;

/// <summary>
/// Writes notifications for other features and jobs, and lets the signed-in user read and dismiss their own.
/// </summary>
public sealed class NotificationService(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUserAccessor currentUser,
    ChangeNotifier changes,
    TimeProvider clock,
    IEnumerable<INotificationCompanion> companions)
{
    /// <summary>The bell shows this many; the page shows the rest.</summary>
    public const int LatestCount = 8;

    /// <summary>
    /// Notifies <paramref name="userId"/> once per <paramref name="key"/>: a rerun (a job retried, two runs racing)
    /// writes nothing and returns false. The message is <paramref name="messageKey"/> from the resources, formatted
    /// with <paramref name="args"/> in the reader's language when shown.
    /// </summary>
    /// <remarks>
    /// No authorization check: callers are feature services and jobs that already decided who must be told, often
    /// running as the system with no user at all. The recipient alone can read the result.
    /// </remarks>
    /// <param name="link">A relative URL in the app, e.g. "/koperasi/permohonan/12"; anything else is refused.</param>
    public async Task<bool> NotifyAsync(
        string userId, string key, string kind, string messageKey, IReadOnlyList<string> args, string link, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(messageKey);
        ArgumentNullException.ThrowIfNull(args);
        if (!IsLocalLink(link))
        {
            throw new ArgumentException("A notification links inside the app: a path starting with a single '/'.", nameof(link));
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Set<Notification>().AnyAsync(n => n.UserId == userId && n.Key == key, ct))
        {
            return false;
        }

        var notification = new Notification
        {
            UserId = userId,
            Key = key,
            Kind = kind,
            MessageKey = messageKey,
            ArgsJson = JsonSerializer.Serialize(args),
            Link = link,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(notification);
        foreach (var companion in companions)
        {
            await companion.OnAddingAsync(db, notification, ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            // Another run inserted the same key between the check above and this save.
            return false;
        }

        changes.Publish(ChangeTopic.Notifications, userId);
        return true;
    }

    /// <summary>How many of the signed-in user's notifications are unread.</summary>
    public async Task<int> CountUnreadAsync(CancellationToken ct = default)
    {
        var me = await RecipientAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Notification>().CountAsync(n => n.UserId == me && n.ReadAtUtc == null, ct);
    }

    /// <summary>The signed-in user's notifications, newest first, one page at a time.</summary>
    public async Task<PagedResult<NotificationItem>> ListAsync(PageRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var me = await RecipientAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = db.Set<Notification>().AsNoTracking().Where(n => n.UserId == me);
        var total = await mine.CountAsync(ct);
        var rows = await mine
            .OrderByDescending(n => n.CreatedAtUtc).ThenByDescending(n => n.Id)
            .Skip(request.Skip).Take(request.Take)
            .Select(n => new { n.Id, n.Kind, n.MessageKey, n.ArgsJson, n.Link, n.CreatedAtUtc, n.ReadAtUtc })
            .ToListAsync(ct);
        var items = rows
            .Select(n => new NotificationItem(n.Id, n.Kind, n.MessageKey, ReadArgs(n.ArgsJson), n.Link, n.CreatedAtUtc, n.ReadAtUtc))
            .ToList();
        return new PagedResult<NotificationItem>(items, total);
    }

    /// <summary>Marks one of the signed-in user's notifications read; someone else's is refused.</summary>
    /// <exception cref="AccessDeniedException">The notification belongs to another user.</exception>
    public async Task MarkReadAsync(long id, CancellationToken ct = default)
    {
        var me = await RecipientAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var owner = await db.Set<Notification>().Where(n => n.Id == id).Select(n => n.UserId).FirstOrDefaultAsync(ct);
        if (owner is null)
        {
            return;
        }

        if (owner != me)
        {
            throw new AccessDeniedException($"Notification {id} belongs to another user.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Set<Notification>()
            .Where(n => n.Id == id && n.UserId == me && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), ct);
        if (changed > 0)
        {
            // The user's other tabs update their bells too.
            changes.Publish(ChangeTopic.Notifications, me);
        }
    }

    /// <summary>Marks every unread notification of the signed-in user read; returns how many changed.</summary>
    public async Task<int> MarkAllReadAsync(CancellationToken ct = default)
    {
        var me = await RecipientAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Set<Notification>()
            .Where(n => n.UserId == me && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), ct);
        if (changed > 0)
        {
            changes.Publish(ChangeTopic.Notifications, me);
        }

        return changed;
    }

    /// <summary>Only a signed-in user has notifications; the system and anonymous visitors are refused.</summary>
    private async Task<string> RecipientAsync()
    {
        var user = await currentUser.GetAsync();
        return user.UserId ?? throw new AccessDeniedException("Only a signed-in user reads notifications.");
    }

    private static bool IsLocalLink(string? link) =>
        !string.IsNullOrEmpty(link) && link[0] == '/' && !link.StartsWith("//", StringComparison.Ordinal) && !link.Contains('\\', StringComparison.Ordinal);

    private static bool IsUniqueViolation(DbUpdateException ex) => DatabaseErrors.IsUniqueViolation(ex);

    private static string[] ReadArgs(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];
}

/// <summary>One notification as its recipient sees it; the text is <see cref="MessageKey"/> formatted with <see cref="Args"/>.</summary>
public sealed record NotificationItem(
    long Id,
    string Kind,
    string MessageKey,
    IReadOnlyList<string> Args,
    string Link,
    DateTime CreatedAtUtc,
    DateTime? ReadAtUtc)
{
    public bool IsRead => ReadAtUtc is not null;
}
