using System.Globalization;

namespace KopUkm.Dashboard.Localization;

/// <summary>
/// Numbers as the reader writes them: "3.909" and "75,7" in Indonesian, "3,909" and "75.7" in English. Counts get
/// thousands separators; fractions one decimal unless asked otherwise.
/// </summary>
public static class NumberText
{
    /// <summary>A count with thousands separators ("3.909").</summary>
    public static string Count(long value, CultureInfo? culture = null) =>
        value.ToString("N0", culture ?? CultureInfo.CurrentCulture);

    /// <summary>A measure with <paramref name="decimals"/> decimals and thousands separators ("75,7").</summary>
    public static string Measure(double value, int decimals = 1, CultureInfo? culture = null) =>
        value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), culture ?? CultureInfo.CurrentCulture);

    /// <summary>A chart label: whole numbers plain ("40"), others with one decimal ("75,7"); thousands separated.</summary>
    public static string ChartLabel(double value, CultureInfo? culture = null) =>
        value.ToString("#,0.#", culture ?? CultureInfo.CurrentCulture);

    /// <summary>
    /// Any value in <paramref name="culture"/>: whole numbers as counts, fractions with up to one decimal, and a
    /// number some library already wrote in invariant culture ("3,909") read back and rewritten.
    /// </summary>
    public static object Format(object? value, CultureInfo culture) => value switch
    {
        int or long or short => Count(Convert.ToInt64(value, CultureInfo.InvariantCulture), culture),
        double d when d == Math.Floor(d) && Math.Abs(d) < long.MaxValue => Count((long)d, culture),
        double d => d.ToString("#,0.#", culture),
        decimal m => m.ToString("#,0.#", culture),
        string s when long.TryParse(s, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) => Count(n, culture),
        null => "",
        _ => value,
    };
}
