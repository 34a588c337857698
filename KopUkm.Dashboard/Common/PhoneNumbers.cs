using System.Text.RegularExpressions;

namespace KopUkm.Dashboard.Common;

/// <summary>Indonesian phone numbers as people write them: 08…, +628… or 628…, 9–13 digits after the prefix, with spaces or dashes.</summary>
public static partial class PhoneNumbers
{
    public static bool IsValid(string? text) =>
        text is not null && Pattern().IsMatch(text.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal));

    /// <summary>
    /// One way to write a valid number, for storing and for WhatsApp links: "+62" then the digits, without spaces or
    /// dashes ("0812-3456 7890" → "+6281234567890"). An invalid number comes back trimmed and unchanged.
    /// </summary>
    public static string Normalize(string text)
    {
        var compact = text.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!Pattern().IsMatch(compact))
        {
            return text.Trim();
        }

        return compact.StartsWith("+62", StringComparison.Ordinal) ? compact
            : compact.StartsWith("62", StringComparison.Ordinal) ? "+" + compact
            : "+62" + compact[1..];
    }

    [GeneratedRegex(@"^(\+62|62|0)[1-9][0-9]{7,12}$")]
    private static partial Regex Pattern();
}
