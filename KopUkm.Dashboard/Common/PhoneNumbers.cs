using System.Text.RegularExpressions;

namespace KopUkm.Dashboard.Common;

/// <summary>Indonesian phone numbers as people write them: 08…, +628… or 628…, 9–13 digits after the prefix, with spaces or dashes.</summary>
public static partial class PhoneNumbers
{
    public static bool IsValid(string? text) =>
        text is not null && Pattern().IsMatch(text.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal));

    [GeneratedRegex(@"^(\+62|62|0)[1-9][0-9]{7,12}$")]
    private static partial Regex Pattern();
}
