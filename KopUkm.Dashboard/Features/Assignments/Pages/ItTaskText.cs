using System.Globalization;
using Microsoft.Extensions.Localization;

namespace KopUkm.Dashboard.Features.Assignments.Pages;

/// <summary>Small formatting shared by the IT task pages.</summary>
public static class ItTaskText
{
    /// <summary>"4,5 jam" / "4.5 h".</summary>
    public static string Hours(IStringLocalizer L, decimal hours) =>
        L["ItTasks.Hours", hours.ToString("0.#", CultureInfo.CurrentCulture)];

    /// <summary>
    /// One person's load with its units, as every suggestion and picker says it: "6,5 jam terbuka · 3 tugas · 2
    /// terlambat" (the overdue part only when there is one).
    /// </summary>
    public static string Load(IStringLocalizer L, ItStaffLoad load) =>
        L["ItTasks.LoadText", load.OpenHours.ToString("#,0.#", CultureInfo.CurrentCulture), load.OpenItems]
        + (load.Overdue > 0 ? " · " + L["ItTasks.OverdueCount", load.Overdue] : "");
}
