using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Features.Email.StaffCopies;

/// <summary>
/// Writes an e-mail copy of a new notification into the outbox, in the notification's own save, for staff who chose
/// <see cref="NotificationEmailMode.EachNotification"/> on their profile.
/// </summary>
internal sealed class NotificationEmailCopies(IEmailOutbox outbox, IOptions<AppOptions> app) : INotificationCompanion
{
    public const string Purpose = "staff-notification";

    public async Task OnAddingAsync(AppDbContext db, Notification notification, CancellationToken ct)
    {
        var recipient = await (
                from p in db.Set<StaffEmailPreference>()
                join u in db.Set<ApplicationUser>() on p.UserId equals u.Id
                where p.UserId == notification.UserId && p.Mode == NotificationEmailMode.EachNotification && u.IsActive && u.Email != null
                select new { u.Email, u.FullName })
            .FirstOrDefaultAsync(ct);
        if (recipient is null)
        {
            return;
        }

        var message = StaffEmailText.Message(notification.MessageKey, notification.ArgsJson);
        var link = app.Value.Link(notification.Link);
        var body = new EmailBody()
            .Paragraph(EmailTexts.Indonesian("StaffEmail.Greeting", recipient.FullName))
            .Paragraph(message)
            .Link(EmailTexts.Indonesian("StaffEmail.Open"), link)
            .Footer(EmailTexts.Indonesian("StaffEmail.Why", app.Value.Link("/profil")));
        var subject = EmailTexts.Indonesian("StaffEmail.Subject", StaffEmailText.Shorten(message, 150));
        await outbox.AddAsync(
            db,
            new OutgoingEmail(StaffEmailText.Key("notification", notification.UserId, notification.Key), Purpose, recipient.Email!, recipient.FullName, subject, body.Text, body.Html(subject)),
            ct);
    }
}

/// <summary>The Indonesian text of a stored notification, and outbox keys that fit their column.</summary>
internal static class StaffEmailText
{
    public static string Message(string messageKey, string argsJson)
    {
        var args = JsonSerializer.Deserialize<string[]>(argsJson) ?? [];
        try
        {
            return EmailTexts.Indonesian(messageKey, [.. args]);
        }
        catch (FormatException)
        {
            // A text whose placeholders do not match its arguments still goes out, unformatted, rather than losing the notification.
            return EmailTexts.Indonesian(messageKey);
        }
    }

    public static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    /// <summary>"prefix:user:rest", with the rest hashed when the whole would not fit the 200-character key column.</summary>
    public static string Key(string prefix, string userId, string rest)
    {
        var key = $"{prefix}:{userId}:{rest}";
        return key.Length <= 200
            ? key
            : $"{prefix}:{userId}:sha256:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(rest)))}";
    }
}
