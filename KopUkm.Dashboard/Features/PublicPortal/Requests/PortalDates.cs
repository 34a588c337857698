using System.Globalization;
using KopUkm.Dashboard.Localization;

namespace KopUkm.Dashboard.Features.PublicPortal.Requests;

/// <summary>Dates on the public pages: in WIB, short and in the reader's language ("14 Des 2026").</summary>
public static class PortalDates
{
    public static string Day(DateTime utc) => WibTime.ToWib(utc).ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    public static string WithTime(DateTime utc) => WibTime.ToWib(utc).ToString("d MMM yyyy, HH.mm", CultureInfo.CurrentCulture) + " WIB";
}
