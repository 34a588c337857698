using System.Globalization;

namespace KopUkm.Dashboard.Common;

/// <summary>
/// The date formats every import accepts (the cooperative list, the content inventory CSV, the holiday CSV): ISO
/// (2026-08-17) and the day-first form the office types (17/08/2026, also 17/8/2026). Month-first dates are never
/// guessed.
/// </summary>
public static class ImportDates
{
    public static IReadOnlyList<string> Formats { get; } = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];

    private static readonly string[] FormatArray = [.. Formats];

    /// <summary>Reads a date written in one of <see cref="Formats"/>; false for anything else (blank included).</summary>
    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, FormatArray, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
