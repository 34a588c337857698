using Microsoft.Extensions.Localization;

namespace KopUkm.Dashboard.Features.Notifications;

/// <summary>Turns a stored notification into text in the reader's current language.</summary>
public static class NotificationText
{
    /// <summary>The message; an unknown key shows as the key itself rather than failing the whole list.</summary>
    public static string Message(this IStringLocalizer localizer, NotificationItem item)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(item);
        return localizer[item.MessageKey, [.. item.Args]];
    }
}
