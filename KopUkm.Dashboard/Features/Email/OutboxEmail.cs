using KopUkm.Dashboard.Data.Auditing;

namespace KopUkm.Dashboard.Features.Email;

/// <summary>Where an outbox message stands.</summary>
public enum OutboxEmailStatus
{
    /// <summary>Not sent yet: waiting for its first try, or for the next try after a failure.</summary>
    Waiting = 0,
    Sent = 1,
    /// <summary>Given up after the last retry; an administrator may send it again.</summary>
    Failed = 2,
}

/// <summary>
/// One e-mail to send, written in the same save as the change that causes it (the transactional outbox), so a
/// message is never sent for a change that was rolled back and never lost when the mail server is down. The sender
/// job delivers it later. Not audited: it is a delivery record, and the change that caused it is audited itself.
/// </summary>
public sealed class OutboxEmail : INotAudited
{
    public long Id { get; set; }

    /// <summary>Idempotency key, unique: e.g. "ticket:123:receipt". Writing the same key twice keeps one message.</summary>
    public required string Key { get; set; }

    /// <summary>What the message is for, e.g. "ticket-receipt"; free text so features add purposes on their own.</summary>
    public required string Purpose { get; set; }

    public required string ToAddress { get; set; }

    public string? ToName { get; set; }

    public required string Subject { get; set; }

    /// <summary>The plain-text part; always present.</summary>
    public required string TextBody { get; set; }

    /// <summary>The HTML part, or null for plain text only.</summary>
    public string? HtmlBody { get; set; }

    public OutboxEmailStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>When the sender may try next (null: as soon as it runs).</summary>
    public DateTime? NextAttemptAtUtc { get; set; }

    public DateTime? SentAtUtc { get; set; }

    /// <summary>The last failure in words an administrator can act on.</summary>
    public string? LastError { get; set; }

    /// <summary>
    /// Set while one sender run holds the message: another run leaves it alone until this passes, so a message is never
    /// handed to the server twice by racing runs. Cleared when the try ends.
    /// </summary>
    public DateTime? LeaseUntilUtc { get; set; }

    /// <summary>The run holding the lease; its updates only apply while it still holds it.</summary>
    public string? ClaimToken { get; set; }

    /// <summary>How often an administrator sent it again; part of the Message-Id, so a resend is a new message.</summary>
    public int Resends { get; set; }
}

/// <summary>An administrator's "Kirim ulang" of one outbox message: who and when (audited).</summary>
public sealed class OutboxEmailResend
{
    public long Id { get; set; }

    public long OutboxEmailId { get; set; }

    /// <summary>Where the message stood before: Sent or Failed.</summary>
    public OutboxEmailStatus PreviousStatus { get; set; }

    public required string ByUserId { get; set; }

    public required string ByName { get; set; }

    public DateTime AtUtc { get; set; }
}
