using System.Globalization;
using Microsoft.Extensions.Localization;

namespace KopUkm.Dashboard.Localization;

/// <summary>
/// The pager line for MudBlazor's table pager, which writes its own "1-25 of 3909" with a hyphen, in English and
/// without separators: here it reads as the data grid's does ("1–25 dari 3.909", "1–25 of 3,909").
/// </summary>
public static class PagerText
{
    /// <param name="page">The zero-based page shown.</param>
    public static string Info(IStringLocalizer L, int page, int rowsPerPage, int total)
    {
        var culture = CultureInfo.CurrentCulture;
        var first = total == 0 ? 0 : (page * rowsPerPage) + 1;
        var last = Math.Min(total, (page + 1) * rowsPerPage);
        return string.Format(culture, L["Mud.MudDataGridPager_InfoFormat"].Value, NumberText.Count(first, culture), NumberText.Count(last, culture), NumberText.Count(total, culture));
    }
}
