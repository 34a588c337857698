using System.Globalization;
using Microsoft.Extensions.Localization;

namespace KopUkm.Dashboard.Features.Assignments.Pages;

/// <summary>Small formatting shared by the IT task pages.</summary>
public static class ItTaskText
{
    /// <summary>"4,5 jam" / "4.5 h".</summary>
    public static string Hours(IStringLocalizer L, decimal hours) =>
        L["ItTasks.Hours", hours.ToString("0.#", CultureInfo.CurrentCulture)];
}
