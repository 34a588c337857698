using System.Globalization;

namespace KopUkm.Dashboard.Localization;

/// <summary>
/// Everything is stored in UTC and shown in WIB (Asia/Jakarta, UTC+7, no daylight saving), formatted for the
/// user's language: "27 Nov 2026 14.30 WIB" in Indonesian.
/// </summary>
public sealed class WibTime(TimeProvider clock)
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    public DateTime NowWib => ToWib(clock.GetUtcNow().UtcDateTime);

    public static DateTime ToWib(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static DateTime ToUtc(DateTime wib) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(wib, DateTimeKind.Unspecified), Zone);

    /// <summary>Date and time in WIB, e.g. "27 Nov 2026 14.30 WIB" (Indonesian writes 14.30, English 14:30).</summary>
    public static string FormatDateTime(DateTime utc)
    {
        var wib = ToWib(utc);
        var culture = CultureInfo.CurrentCulture;
        var time = wib.ToString(culture.TwoLetterISOLanguageName == "id" ? "HH.mm" : "HH:mm", CultureInfo.InvariantCulture);
        return $"{wib.ToString("d MMM yyyy", culture)} {time} WIB";
    }

    /// <summary>A calendar date in the user's language, e.g. "Jumat, 27 November 2026".</summary>
    public static string FormatDate(DateOnly date) => date.ToString("dddd, d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string FormatShortDate(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.CurrentCulture);
}
