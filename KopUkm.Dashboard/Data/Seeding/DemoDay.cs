namespace KopUkm.Dashboard.Data.Seeding;

/// <summary>
/// The instant demo data is generated "as of": the start (00:00 WIB) of the current WIB day. Generating up to the
/// exact moment made two seedings of the same day differ — every request planned between them, and every random draw
/// after the first one rejected for lying in the future, shifted the rest of the year. From the start of the day,
/// the same seed gives the same rows all day long; what is computed live (SLA states, review freshness) still follows
/// the real clock.
/// </summary>
public static class DemoDay
{
    // WIB is UTC+7 without daylight saving; Data knows no localization helper, so the offset is spelled out here.
    private static readonly TimeSpan WibOffset = TimeSpan.FromHours(7);

    /// <summary>00:00 WIB of the day <paramref name="clock"/> is in, as a UTC instant.</summary>
    public static DateTime AsOfUtc(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var wib = clock.GetUtcNow().UtcDateTime + WibOffset;
        return DateTime.SpecifyKind(wib.Date - WibOffset, DateTimeKind.Utc);
    }
}
