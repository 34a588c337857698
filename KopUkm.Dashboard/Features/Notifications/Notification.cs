using KopUkm.Dashboard.Data.Auditing;

namespace KopUkm.Dashboard.Features.Notifications;

/// <summary>
/// One message to one user. Appended once per (recipient, <see cref="Key"/>) and afterwards only marked read, so it
/// carries no version. The text is stored as a resource key and its arguments and translated when shown, in the
/// reader's language rather than the language of whoever (or whichever job) caused it.
/// </summary>
public sealed class Notification : INotAudited
{
    public long Id { get; set; }

    /// <summary>The recipient's account id.</summary>
    public required string UserId { get; set; }

    /// <summary>Idempotency key, unique per recipient, e.g. "ticket:123:at-risk:resolution".</summary>
    public required string Key { get; set; }

    /// <summary>What kind of event this is, e.g. "case-assigned"; free text so features add kinds without editing this one.</summary>
    public required string Kind { get; set; }

    /// <summary>Resource key of the message, e.g. "Notification.CaseAssigned".</summary>
    public required string MessageKey { get; set; }

    /// <summary>The message's format arguments as a JSON array of strings.</summary>
    public string ArgsJson { get; set; } = "[]";

    /// <summary>Where clicking the notification leads: a relative URL inside the app.</summary>
    public required string Link { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? ReadAtUtc { get; set; }
}
