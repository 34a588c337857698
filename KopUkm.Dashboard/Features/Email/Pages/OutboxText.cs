using KopUkm.Dashboard.Localization;
using Microsoft.Extensions.Localization;

namespace KopUkm.Dashboard.Features.Email.Pages;

/// <summary>How the outbox page words a message's purpose and state.</summary>
public static class OutboxText
{
    /// <summary>The purpose in words when the resources know it (<c>OutboxPurpose.&lt;purpose&gt;</c>), else as stored.</summary>
    public static string Purpose(string purpose, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var text = localizer[$"OutboxPurpose.{purpose}"];
        return text.ResourceNotFound ? purpose : text.Value;
    }

    public static string StatusColor(OutboxEmailStatus status) => status switch
    {
        OutboxEmailStatus.Sent => "success",
        OutboxEmailStatus.Failed => "error",
        _ => "warning",
    };

    /// <summary>When it was sent, or when it is tried next.</summary>
    public static string StatusDetail(OutboxListItem row, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(localizer);
        return row.Status switch
        {
            OutboxEmailStatus.Sent when row.SentAtUtc is { } sent => localizer["Outbox.SentAt", WibTime.FormatDateTime(sent)],
            OutboxEmailStatus.Waiting when row.NextAttemptAtUtc is { } next => localizer["Outbox.NextAttempt", WibTime.FormatDateTime(next)],
            OutboxEmailStatus.Waiting => localizer["Outbox.NextRun"],
            _ => "",
        };
    }
}
