using KopUkm.Dashboard.Common;
using Microsoft.Extensions.Localization;

namespace KopUkm.Dashboard.Common;

/// <summary>Turns a service's <see cref="CommandResult"/> into text in the user's language.</summary>
public static class CommandMessages
{
    public static string Text(this IStringLocalizer L, CommandError error) =>
        error.MessageKey == CommandError.RawKey && error.Args.Length > 0
            ? error.Args[0].ToString() ?? ""
            : L[error.MessageKey, error.Args];

    /// <summary>The message for one field, or null: bind to a MudBlazor input's ErrorText with Error="@(... is not null)".</summary>
    public static string? FieldError(this IStringLocalizer L, CommandResult? result, string field) =>
        result?.Errors.FirstOrDefault(e => e.Field == field) is { } error ? L.Text(error) : null;

    /// <summary>Messages that belong to no field in particular (and are not the concurrency conflict, shown on its own).</summary>
    public static IEnumerable<string> FormErrors(this IStringLocalizer L, CommandResult? result, params string[] shownFields) =>
        result?.Errors.Where(e => e.MessageKey != CommandError.ConflictKey && (e.Field is null || !shownFields.Contains(e.Field))).Select(L.Text) ?? [];
}
