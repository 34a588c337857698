using System.Globalization;
using KopUkm.Dashboard.Localization;

namespace KopUkm.Dashboard.Features.Metrics;

/// <summary>The kinds of reporting period. Weeks run Monday to Sunday (ISO 8601), as office weeks do.</summary>
public enum MetricPeriodKind
{
    Week = 1,
    Month = 2,
    Quarter = 3,
    Year = 4,
}

/// <summary>
/// A reporting period in WIB calendar terms: from 00:00 WIB on <see cref="Start"/> up to, not including, 00:00 WIB on
/// <see cref="End"/>. An instant belongs to the period when <see cref="StartUtc"/> ≤ instant &lt; <see cref="EndUtc"/>,
/// so 00:30 WIB on 1 December (17:30 UTC on 30 November) is in December.
/// </summary>
public sealed record MetricPeriod(MetricPeriodKind Kind, DateOnly Start)
{
    /// <summary>The first day after the period (exclusive end).</summary>
    public DateOnly End => Kind switch
    {
        MetricPeriodKind.Week => Start.AddDays(7),
        MetricPeriodKind.Month => Start.AddMonths(1),
        MetricPeriodKind.Quarter => Start.AddMonths(3),
        _ => Start.AddYears(1),
    };

    /// <summary>The last day in the period.</summary>
    public DateOnly LastDay => End.AddDays(-1);

    public DateTime StartUtc => WibTime.ToUtc(Start.ToDateTime(TimeOnly.MinValue));

    public DateTime EndUtc => WibTime.ToUtc(End.ToDateTime(TimeOnly.MinValue));

    /// <summary>
    /// The period as it appears in links and file names: <c>2026-W48</c>, <c>2026-11</c>, <c>2026-Q4</c>, <c>2026</c>.
    /// </summary>
    public string Key => Kind switch
    {
        MetricPeriodKind.Week => string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(Start.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(Start.ToDateTime(TimeOnly.MinValue)):D2}"),
        MetricPeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"{Start.Year}-{Start.Month:D2}"),
        MetricPeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Start.Year}-Q{Quarter}"),
        _ => Start.Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>1–4 for a quarter (and the quarter a period starts in otherwise).</summary>
    public int Quarter => ((Start.Month - 1) / 3) + 1;

    /// <summary>ISO week number of a week period.</summary>
    public int WeekNumber => ISOWeek.GetWeekOfYear(Start.ToDateTime(TimeOnly.MinValue));

    /// <summary>The period of the same kind just before this one: the trend compares against it.</summary>
    public MetricPeriod Previous() => Shift(-1);

    public MetricPeriod Next() => Shift(1);

    /// <summary>
    /// The stretch of the previous period this one is compared with at <paramref name="nowUtc"/>. A closed (or not yet
    /// started) period compares with the whole previous period. A running one compares with as long a stretch of the
    /// previous period as it has run itself, from its start (capped at its end when the previous period is shorter):
    /// ten days into December compare with the first ten days of November, not all of November.
    /// </summary>
    public MetricWindow ComparisonWindowAt(DateTime nowUtc)
    {
        var previous = Previous();
        if (!IsRunningAt(nowUtc) || nowUtc <= StartUtc)
        {
            return new(previous.StartUtc, previous.EndUtc, IsPartial: false);
        }

        var end = previous.StartUtc + (nowUtc - StartUtc);
        return end < previous.EndUtc ? new(previous.StartUtc, end, IsPartial: true) : new(previous.StartUtc, previous.EndUtc, IsPartial: false);
    }

    /// <summary>Whether the period has not ended yet at <paramref name="nowUtc"/>.</summary>
    public bool IsRunningAt(DateTime nowUtc) => nowUtc < EndUtc;

    /// <summary>The period of the given kind that holds a WIB calendar day.</summary>
    public static MetricPeriod Containing(MetricPeriodKind kind, DateOnly wibDate) => kind switch
    {
        MetricPeriodKind.Week => new(kind, wibDate.AddDays(-(((int)wibDate.DayOfWeek + 6) % 7))),
        MetricPeriodKind.Month => new(kind, new DateOnly(wibDate.Year, wibDate.Month, 1)),
        MetricPeriodKind.Quarter => new(kind, new DateOnly(wibDate.Year, (((wibDate.Month - 1) / 3) * 3) + 1, 1)),
        MetricPeriodKind.Year => new(kind, new DateOnly(wibDate.Year, 1, 1)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The period of the given kind that holds an instant, by its WIB date.</summary>
    public static MetricPeriod Containing(MetricPeriodKind kind, DateTime utc) =>
        Containing(kind, DateOnly.FromDateTime(WibTime.ToWib(utc)));

    /// <summary>Reads a <see cref="Key"/>; false for anything else (the caller falls back to the current month).</summary>
    public static bool TryParse(string? key, out MetricPeriod period)
    {
        period = default!;
        var text = key?.Trim() ?? "";
        var inv = CultureInfo.InvariantCulture;
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, inv, out var year) && IsYear(year))
        {
            period = new(MetricPeriodKind.Year, new DateOnly(year, 1, 1));
            return true;
        }

        if (text.Length < 6 || text[4] != '-' || !int.TryParse(text[..4], NumberStyles.None, inv, out year) || !IsYear(year))
        {
            return false;
        }

        var rest = text[5..];
        if (rest.Length == 2 && int.TryParse(rest, NumberStyles.None, inv, out var month) && month is >= 1 and <= 12)
        {
            period = new(MetricPeriodKind.Month, new DateOnly(year, month, 1));
            return true;
        }

        if (rest.Length == 2 && rest[0] is 'Q' or 'q' && rest[1] is >= '1' and <= '4')
        {
            period = new(MetricPeriodKind.Quarter, new DateOnly(year, ((rest[1] - '1') * 3) + 1, 1));
            return true;
        }

        if (rest.Length is 2 or 3 && rest[0] is 'W' or 'w' && int.TryParse(rest[1..], NumberStyles.None, inv, out var week)
            && week >= 1 && week <= ISOWeek.GetWeeksInYear(year))
        {
            period = new(MetricPeriodKind.Week, DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday)));
            return true;
        }

        return false;
    }

    private static bool IsYear(int year) => year is >= 2000 and <= 2100;

    private MetricPeriod Shift(int steps) => Kind switch
    {
        MetricPeriodKind.Week => new(Kind, Start.AddDays(7 * steps)),
        MetricPeriodKind.Month => new(Kind, Start.AddMonths(steps)),
        MetricPeriodKind.Quarter => new(Kind, Start.AddMonths(3 * steps)),
        _ => new(Kind, Start.AddYears(steps)),
    };
}

/// <summary>A stretch of time measured over: <see cref="StartUtc"/> ≤ instant &lt; <see cref="EndUtc"/>.</summary>
/// <param name="IsPartial">Only the first part of its period (the same elapsed stretch as a running period).</param>
public sealed record MetricWindow(DateTime StartUtc, DateTime EndUtc, bool IsPartial);
