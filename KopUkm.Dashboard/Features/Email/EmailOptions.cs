using System.Net.Mail;
using KopUkm.Dashboard.Common;

namespace KopUkm.Dashboard.Features.Email;

/// <summary>How the connection to the SMTP server is secured (<c>Email:Smtp:UseTls</c>).</summary>
public enum SmtpSecurity
{
    /// <summary>Connect in plain text, then upgrade with STARTTLS, which the server must offer (port 587, the usual relay).</summary>
    StartTls,

    /// <summary>TLS from the first byte (SMTPS, port 465).</summary>
    SslOnConnect,

    /// <summary>No encryption: only for a relay on the same machine or a closed office network (port 25).</summary>
    None,
}

/// <summary>The SMTP server the outbox delivers through (<c>Email:Smtp</c>).</summary>
public sealed class SmtpOptions
{
    /// <summary>The relay's host name or address; empty turns delivery off and messages wait in the outbox.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>
    /// "StartTls" (default), "SslOnConnect" or "None" (<see cref="SmtpSecurity"/>); text, so a wrong word gets a sentence
    /// at start instead of a binding error.
    /// </summary>
    public string UseTls { get; set; } = nameof(SmtpSecurity.StartTls);

    /// <summary>The parsed <see cref="UseTls"/>; STARTTLS when it names nothing known (the check refuses that at start).</summary>
    public SmtpSecurity Security =>
        Enum.GetValues<SmtpSecurity>().FirstOrDefault(s => string.Equals(s.ToString(), UseTls?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Account name for SMTP AUTH; empty sends without signing in (a relay that trusts the office's address).</summary>
    public string? User { get; set; }

    /// <summary>Password for <see cref="User"/>; never logged nor shown.</summary>
    public string? Password { get; set; }

    /// <summary>Per connection, command and message.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>E-mail delivery settings (section <c>Email</c>); see docs/email.md.</summary>
public sealed class EmailOptions : ISettings
{
    public const string SectionName = "Email";

    /// <summary>The sender address every message carries, e.g. "layanan@dinaskopukm.jambiprov.go.id".</summary>
    public string? From { get; set; }

    /// <summary>The sender's display name.</summary>
    public string FromName { get; set; } = "Dinas Koperasi dan UKM Provinsi Jambi";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Tries per message before it is marked failed (the first try included).</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Messages one run of the sender claims and sends; the rest wait for the next minute.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>True when a relay is named: the sender job runs and messages leave the outbox.</summary>
    public bool DeliveryEnabled => !string.IsNullOrWhiteSpace(Smtp.Host);

    public IEnumerable<SettingProblem> Check()
    {
        if (DeliveryEnabled && string.IsNullOrWhiteSpace(From))
        {
            yield return new(nameof(From), "RequiredForEmail");
        }
        else if (!string.IsNullOrWhiteSpace(From) && !IsMailbox(From))
        {
            yield return new(nameof(From), "NotEmailAddress", From);
        }

        if (Smtp.Host is { Length: > 0 } host && (host.Trim() != host || host.Contains("://", StringComparison.Ordinal) || host.Contains('/', StringComparison.Ordinal) || Uri.CheckHostName(host) == UriHostNameType.Unknown))
        {
            yield return new("Smtp:Host", "NotHostName", host);
        }

        foreach (var problem in SettingChecks.Range("Smtp:Port", Smtp.Port, 1, 65535)
            .Concat(SettingChecks.Positive("Smtp:Timeout", Smtp.Timeout))
            .Concat(SettingChecks.Range(nameof(MaxAttempts), MaxAttempts, 1, 20))
            .Concat(SettingChecks.Range(nameof(BatchSize), BatchSize, 1, 200)))
        {
            yield return problem;
        }

        if (!Enum.GetNames<SmtpSecurity>().Contains(Smtp.UseTls?.Trim() ?? "", StringComparer.OrdinalIgnoreCase))
        {
            yield return new("Smtp:UseTls", "OneOf", Smtp.UseTls ?? "", string.Join(", ", Enum.GetNames<SmtpSecurity>()));
        }

        if (string.IsNullOrWhiteSpace(Smtp.User) != string.IsNullOrWhiteSpace(Smtp.Password))
        {
            yield return new(string.IsNullOrWhiteSpace(Smtp.User) ? "Smtp:User" : "Smtp:Password", "SmtpUserAndPassword");
        }
    }

    private static bool IsMailbox(string address) =>
        MailAddress.TryCreate(address, out var parsed) && parsed.Address == address.Trim() && address.Contains('.', StringComparison.Ordinal);
}
