using KopUkm.Dashboard.Features.Security;

namespace KopUkm.Dashboard.Features.Content;

/// <summary>
/// Who may do what with content. Each division's officers and head keep their own division's items; IT staff run
/// the website for every division; division heads (and administrators) approve; Pimpinan reads everything.
/// </summary>
public static class ContentAccess
{
    public static bool SeesAll(UserContext user) => user.SeesAllDivisions || user.IsInRole(AppRoles.StafTI);

    public static bool CanSee(UserContext user, int divisionId) => SeesAll(user) || user.DivisionId == divisionId;

    public static bool CanEdit(UserContext user, int divisionId) =>
        user.IsInRole(AppRoles.Administrator)
        || user.IsInRole(AppRoles.StafTI)
        || ((user.IsInRole(AppRoles.Petugas) || user.IsInRole(AppRoles.KepalaBidang)) && user.DivisionId == divisionId);

    public static bool CanApprove(UserContext user, int divisionId) =>
        user.IsInRole(AppRoles.Administrator) || (user.IsInRole(AppRoles.KepalaBidang) && user.DivisionId == divisionId);
}
