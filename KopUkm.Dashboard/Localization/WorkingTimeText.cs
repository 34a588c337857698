using System.Globalization;
using Microsoft.Extensions.Localization;

namespace KopUkm.Dashboard.Localization;

/// <summary>
/// The one way an amount of working time reads, wherever it is shown (SLA chips, "Perlu perhatian", the home pages):
/// under one working day in working hours ("6,5 jam kerja"), from one working day on in working days with one decimal
/// ("2,4 hari kerja"), in the reader's number format. So the same overdue item reads in the same unit everywhere.
/// </summary>
public static class WorkingTimeText
{
    /// <summary>The office's standard working day (37,5 h over five days) where no calendar is at hand.</summary>
    public static readonly TimeSpan DefaultStandardDay = TimeSpan.FromHours(7.5);

    /// <summary>"6,5 jam kerja" / "2,4 hari kerja": the magnitude of <paramref name="amount"/>, sign ignored.</summary>
    public static string Amount(IStringLocalizer L, TimeSpan amount, TimeSpan? standardDay = null)
    {
        var day = standardDay is { Ticks: > 0 } d ? d : DefaultStandardDay;
        var magnitude = amount.Duration();
        if (magnitude < day)
        {
            // Never "0 jam" for a real amount: anything under six minutes reads as 0,1 hours.
            var hours = magnitude == TimeSpan.Zero ? 0 : Math.Max(0.1, Math.Round(magnitude.TotalHours, 1, MidpointRounding.AwayFromZero));
            return L["WorkingTime.Hours", hours.ToString("0.#", CultureInfo.CurrentCulture)];
        }

        var days = Math.Round(magnitude / day, 1, MidpointRounding.AwayFromZero);
        return L["WorkingTime.Days", days.ToString("#,0.#", CultureInfo.CurrentCulture)];
    }

    /// <summary>Minutes (as the SLA snapshot stores them) read the same way.</summary>
    public static string Minutes(IStringLocalizer L, int minutes, TimeSpan? standardDay = null) =>
        Amount(L, TimeSpan.FromMinutes(minutes), standardDay);

    /// <summary>"lewat 2,4 hari kerja" when <paramref name="left"/> is negative, otherwise "sisa 6,5 jam kerja".</summary>
    public static string LeftOrLate(IStringLocalizer L, TimeSpan left, TimeSpan? standardDay = null) =>
        left < TimeSpan.Zero ? L["WorkingTime.LateBy", Amount(L, left, standardDay)] : L["WorkingTime.Left", Amount(L, left, standardDay)];
}
