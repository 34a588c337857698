using System.Globalization;
using KopUkm.Dashboard.Localization;

namespace KopUkm.Dashboard.Features.Surveys;

/// <summary>The IKM reporting periods: month, quarter, semester (the regulation's usual cycle) and year.</summary>
public enum IkmPeriodKind
{
    Month = 1,
    Quarter = 2,
    Semester = 3,
    Year = 4,
}

/// <summary>A period in WIB calendar terms, from 00:00 WIB on <see cref="Start"/> to 00:00 WIB on <see cref="End"/> (exclusive).</summary>
public sealed record IkmPeriod(IkmPeriodKind Kind, DateOnly Start)
{
    public DateOnly End => Start.AddMonths(Months);

    public DateOnly LastDay => End.AddDays(-1);

    public DateTime StartUtc => WibTime.ToUtc(Start.ToDateTime(TimeOnly.MinValue));

    public DateTime EndUtc => WibTime.ToUtc(End.ToDateTime(TimeOnly.MinValue));

    private int Months => Kind switch
    {
        IkmPeriodKind.Month => 1,
        IkmPeriodKind.Quarter => 3,
        IkmPeriodKind.Semester => 6,
        _ => 12,
    };

    /// <summary><c>2026-11</c>, <c>2026-Q4</c>, <c>2026-S2</c>, <c>2026</c>.</summary>
    public string Key => Kind switch
    {
        IkmPeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"{Start.Year}-{Start.Month:D2}"),
        IkmPeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Start.Year}-Q{((Start.Month - 1) / 3) + 1}"),
        IkmPeriodKind.Semester => string.Create(CultureInfo.InvariantCulture, $"{Start.Year}-S{((Start.Month - 1) / 6) + 1}"),
        _ => Start.Year.ToString(CultureInfo.InvariantCulture),
    };

    public IkmPeriod Previous() => new(Kind, Start.AddMonths(-Months));

    public IkmPeriod Next() => new(Kind, Start.AddMonths(Months));

    /// <summary>The period of a kind that holds a WIB day.</summary>
    public static IkmPeriod Containing(IkmPeriodKind kind, DateOnly day)
    {
        var months = kind switch { IkmPeriodKind.Month => 1, IkmPeriodKind.Quarter => 3, IkmPeriodKind.Semester => 6, _ => 12 };
        var firstMonth = (((day.Month - 1) / months) * months) + 1;
        return new(kind, new DateOnly(day.Year, firstMonth, 1));
    }

    /// <summary>Reads a <see cref="Key"/>; false for anything else.</summary>
    public static bool TryParse(string? key, out IkmPeriod period)
    {
        period = default!;
        var text = key?.Trim() ?? "";
        var inv = CultureInfo.InvariantCulture;
        if (text.Length < 4 || !int.TryParse(text[..4], NumberStyles.None, inv, out var year) || year is < 2000 or > 2100)
        {
            return false;
        }

        if (text.Length == 4)
        {
            period = new(IkmPeriodKind.Year, new DateOnly(year, 1, 1));
            return true;
        }

        if (text.Length != 7 || text[4] != '-')
        {
            return false;
        }

        var rest = text[5..];
        if (int.TryParse(rest, NumberStyles.None, inv, out var month) && month is >= 1 and <= 12)
        {
            period = new(IkmPeriodKind.Month, new DateOnly(year, month, 1));
            return true;
        }

        if (rest[0] is 'Q' or 'q' && rest[1] is >= '1' and <= '4')
        {
            period = new(IkmPeriodKind.Quarter, new DateOnly(year, ((rest[1] - '1') * 3) + 1, 1));
            return true;
        }

        if (rest[0] is 'S' or 's' && rest[1] is '1' or '2')
        {
            period = new(IkmPeriodKind.Semester, new DateOnly(year, ((rest[1] - '1') * 6) + 1, 1));
            return true;
        }

        return false;
    }

    /// <summary>The period in a link, or the current semester (WIB) when the link has none or a bad one.</summary>
    public static IkmPeriod ParseOrCurrent(string? key, DateOnly today) =>
        TryParse(key, out var p) ? p : Containing(IkmPeriodKind.Semester, today);

    /// <summary>"November 2026", "Triwulan IV 2026", "Semester II 2026", "2026" in the reader's language.</summary>
    public string Label(Func<string, object[], string> text) => Kind switch
    {
        IkmPeriodKind.Month => Start.ToString("MMMM yyyy", CultureInfo.CurrentCulture),
        IkmPeriodKind.Quarter => text("Ikm.Period.QuarterLabel", [Roman(((Start.Month - 1) / 3) + 1), Start.Year]),
        IkmPeriodKind.Semester => text("Ikm.Period.SemesterLabel", [Roman(((Start.Month - 1) / 6) + 1), Start.Year]),
        _ => Start.Year.ToString(CultureInfo.InvariantCulture),
    };

    private static string Roman(int n) => n switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" };
}
