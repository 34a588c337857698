using System.Globalization;
using Microsoft.Extensions.Localization;

namespace KopUkm.Dashboard.Features.Surveys.Components;

/// <summary>How IKM figures read: two decimals in the reader's culture, the band with its mutu pelayanan.</summary>
public static class IkmText
{
    public static string Number(decimal? value, int decimals = 2) =>
        value is { } v ? Math.Round(v, decimals, MidpointRounding.AwayFromZero).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.CurrentCulture) : "–";

    /// <summary>"A · Sangat Baik".</summary>
    public static string Band(IkmBand? band, IStringLocalizer L) => band is { } b ? $"{b} · {L[$"Ikm.Band.{b}"]}" : "–";

    public static string Period(IkmPeriod period, IStringLocalizer L) => period.Label((key, args) => L[key, args]);

    /// <summary>The sample note: "sampel cukup" or "belum cukup (min. 80)".</summary>
    public static string Sample(IkmGroupResult group, IStringLocalizer L) =>
        group.SampleEnough ? L["Ikm.Sample.Enough", group.MinimumSample] : L["Ikm.Sample.NotEnough", group.MinimumSample];
}
