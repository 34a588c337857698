using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace KopUkm.Dashboard.Features.Email.Delivery;

/// <summary>The outcome of one try: delivered, or why not and whether trying again could help.</summary>
public sealed record DeliveryOutcome(bool Delivered, string? Error, bool Permanent)
{
    public static readonly DeliveryOutcome Success = new(true, null, false);
}

/// <summary>
/// One conversation with the configured SMTP server, reused for a batch of messages and reopened when the server
/// dropped it. Failures become an Indonesian sentence an administrator can act on: no stack trace, no password.
/// </summary>
public sealed class SmtpConnection(EmailOptions options) : IAsyncDisposable
{
    private readonly SmtpClient client = new() { Timeout = (int)Math.Min(int.MaxValue, options.Smtp.Timeout.TotalMilliseconds) };

    public async Task<DeliveryOutcome> SendAsync(MimeMessage message, CancellationToken ct)
    {
        try
        {
            await EnsureConnectedAsync(ct);
            await client.SendAsync(message, ct);
            return DeliveryOutcome.Success;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return Describe(ex, message);
        }
    }

    private async Task EnsureConnectedAsync(CancellationToken ct)
    {
        if (client.IsConnected)
        {
            return;
        }

        var security = options.Smtp.Security switch
        {
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.None => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(options.Smtp.Host ?? "", options.Smtp.Port, security, ct);
        if (!string.IsNullOrWhiteSpace(options.Smtp.User))
        {
            await client.AuthenticateAsync(options.Smtp.User, options.Smtp.Password ?? "", ct);
        }
    }

    private DeliveryOutcome Describe(Exception ex, MimeMessage message)
    {
        var server = $"{options.Smtp.Host}:{options.Smtp.Port}";
        return ex switch
        {
            SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } command => new(
                false,
                EmailTexts.Indonesian("Email.Error.RecipientRefused", command.Mailbox?.Address ?? message.To.ToString(), (int)command.StatusCode, Clean(command.Message)),
                (int)command.StatusCode >= 500),
            SmtpCommandException command => new(
                false,
                EmailTexts.Indonesian("Email.Error.ServerRefused", (int)command.StatusCode, Clean(command.Message)),
                (int)command.StatusCode >= 500 && command.ErrorCode == SmtpErrorCode.MessageNotAccepted),
            AuthenticationException => Retry("Email.Error.Authentication", options.Smtp.User ?? ""),
            SslHandshakeException => Retry("Email.Error.Tls", server),
            NotSupportedException when options.Smtp.Security == SmtpSecurity.StartTls => Retry("Email.Error.NoStartTls", server),
            SocketException socket => Retry("Email.Error.Unreachable", server, Clean(socket.Message)),
            TimeoutException or OperationCanceledException => Retry("Email.Error.Timeout", server, (int)options.Smtp.Timeout.TotalSeconds),
            IOException io when io.InnerException is SocketException inner => Retry("Email.Error.Unreachable", server, Clean(inner.Message)),
            SmtpProtocolException or IOException or ServiceNotConnectedException => Retry("Email.Error.Dropped", server, Clean(ex.Message)),
            _ => Retry("Email.Error.Other", ex.GetType().Name, Clean(ex.Message)),
        };
    }

    private static DeliveryOutcome Retry(string key, params object?[] args) => new(false, EmailTexts.Indonesian(key, args), false);

    /// <summary>One line, bounded: server replies can be long and multi-line.</summary>
    private static string Clean(string text)
    {
        var line = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length > 300 ? line[..300] + "…" : line;
    }

    public async ValueTask DisposeAsync()
    {
        if (client.IsConnected)
        {
            try
            {
                await client.DisconnectAsync(quit: true);
            }
            catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or OperationCanceledException)
            {
                // The messages are already accounted for; a rude goodbye changes nothing.
            }
        }

        client.Dispose();
    }
}
