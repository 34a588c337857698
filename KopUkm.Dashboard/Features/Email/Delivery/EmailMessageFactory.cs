using MimeKit;

namespace KopUkm.Dashboard.Features.Email.Delivery;

/// <summary>Turns an outbox row into the MIME message the SMTP server receives.</summary>
public static class EmailMessageFactory
{
    /// <summary>
    /// The Message-Id of a row's delivery: the same for every try of it, so a receiver (or an administrator reading
    /// headers) recognises a message handed over twice after a crash; a resend by an administrator is a new message.
    /// </summary>
    public static string MessageId(long outboxId, int resends, string? fromAddress)
    {
        var at = fromAddress?.LastIndexOf('@') ?? -1;
        var domain = at > 0 && at < fromAddress!.Length - 1 ? fromAddress[(at + 1)..].Trim() : "kopukm.local";
        return $"kopukm.outbox.{outboxId}.{resends}@{domain}";
    }

    public static MimeMessage Create(OutboxEmail row, EmailOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(options);
        var message = new MimeMessage
        {
            Subject = row.Subject,
            Date = now,
            MessageId = MessageId(row.Id, row.Resends, options.From),
        };
        message.From.Add(new MailboxAddress(options.FromName, options.From ?? ""));
        message.To.Add(new MailboxAddress(row.ToName ?? "", row.ToAddress));

        // An automatic message: out-of-office replies and list software should not answer it (RFC 3834).
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-KopUkm-Purpose", row.Purpose);

        var body = new BodyBuilder { TextBody = row.TextBody };
        if (!string.IsNullOrEmpty(row.HtmlBody))
        {
            body.HtmlBody = row.HtmlBody;
        }

        message.Body = body.ToMessageBody();
        return message;
    }
}
