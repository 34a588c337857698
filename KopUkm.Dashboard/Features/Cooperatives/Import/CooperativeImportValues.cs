using System.Globalization;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Organization;

namespace KopUkm.Dashboard.Features.Cooperatives.Import;

/// <summary>
/// Turns one cell of an imported list into a value. A CSV cell is text; a spreadsheet cell may also be a number,
/// a date or a boolean, because the office's lists are typed into Excel, which stores "15.71" and "1234567890123"
/// as numbers and "17/08/2020" as a date.
/// </summary>
internal static class CooperativeImportValues
{
    /// <summary>Spreadsheet serial dates run from 1900 to 9999; anything else in a date column is not a date.</summary>
    private const double MaxSerialDate = 2_958_465;

    public static string Text(object? cell) => cell switch
    {
        null => "",
        string s => s.Trim(),
        double d => Number(d),
        DateTime dt => dt.TimeOfDay == TimeSpan.Zero
            ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : dt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => cell.ToString()?.Trim() ?? "",
    };

    /// <summary>A date cell: empty is null; text in either accepted format; a spreadsheet date or serial number.</summary>
    public static bool TryDate(object? cell, out DateOnly? date)
    {
        date = null;
        switch (cell)
        {
            case DateTime dt:
                date = DateOnly.FromDateTime(dt);
                return true;
            case double serial when serial >= 1 && serial <= MaxSerialDate && serial == Math.Floor(serial):
                date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
                return true;
            default:
                var text = Text(cell);
                if (text.Length == 0)
                {
                    return true;
                }

                if (ImportDates.TryParse(text, out var parsed))
                {
                    date = parsed;
                    return true;
                }

                return false;
        }
    }

    /// <summary>A whole number: digits only (no thousands separators, which would be ambiguous with decimals).</summary>
    public static bool TryWholeNumber(object? cell, out int value)
    {
        value = 0;
        if (cell is double d)
        {
            if (d != Math.Floor(d) || d < int.MinValue || d > int.MaxValue)
            {
                return false;
            }

            value = (int)d;
            return true;
        }

        return int.TryParse(Text(cell), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Finds a Jenis/Pola/Jenjang/Status by its Indonesian name, ignoring case, spaces and hyphens.</summary>
    public static bool TryName<TEnum>(string text, IReadOnlyDictionary<TEnum, string> names, out TEnum value)
        where TEnum : struct, Enum
    {
        var key = Squash(text);
        foreach (var (candidate, name) in names)
        {
            if (Squash(name) == key || Squash(candidate.ToString()) == key)
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>
    /// Regions by BPS code ("15.71", or 15.71 as a spreadsheet number) or by name, with or without "Kota",
    /// "Kabupaten" or "Kab." in front. A prefix must agree with the region's kind, so "Kabupaten Jambi" is not the city.
    /// </summary>
    public static RegionItem? FindRegion(string text, IReadOnlyList<RegionItem> regions)
    {
        var value = string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (value.Length == 0)
        {
            return null;
        }

        var byCode = regions.FirstOrDefault(r => r.Code == value)
            ?? (decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                ? regions.FirstOrDefault(r => decimal.TryParse(r.Code, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var code) && code == number)
                : null);
        if (byCode is not null)
        {
            return byCode;
        }

        RegionKind? kind = null;
        foreach (var (prefix, prefixKind) in RegionPrefixes)
        {
            if (value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                value = value[prefix.Length..].TrimStart();
                kind = prefixKind;
                break;
            }
        }

        return regions.FirstOrDefault(r => string.Equals(r.Name, value, StringComparison.OrdinalIgnoreCase) && (kind is null || r.Kind == kind));
    }

    private static readonly (string Prefix, RegionKind Kind)[] RegionPrefixes =
    [
        ("Kabupaten ", RegionKind.Kabupaten),
        ("Kab. ", RegionKind.Kabupaten),
        ("Kab ", RegionKind.Kabupaten),
        ("Kota ", RegionKind.Kota),
    ];

    /// <summary>
    /// Whole numbers are written without exponent or decimals, so a 13-digit NIB typed into Excel reads back as
    /// typed; other numbers use the invariant culture ("15.71", never "15,71").
    /// </summary>
    private static string Number(double d) =>
        d == Math.Floor(d) && Math.Abs(d) < 1e15
            ? ((decimal)d).ToString(CultureInfo.InvariantCulture)
            : d.ToString(CultureInfo.InvariantCulture);

    private static string Squash(string text) =>
        new([.. text.Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '_')).Select(char.ToLowerInvariant)]);
}
