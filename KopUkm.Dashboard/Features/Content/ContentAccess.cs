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

    /// <summary>
    /// Editing an item of <paramref name="kind"/>: a service standard is the owning division's promise to the public,
    /// so only its officers and head (and administrators) write it; IT staff keep the website's other pages.
    /// </summary>
    public static bool CanEdit(UserContext user, int divisionId, ContentKind kind) =>
        kind == ContentKind.ServiceStandard
            ? user.IsInRole(AppRoles.Administrator)
              || ((user.IsInRole(AppRoles.Petugas) || user.IsInRole(AppRoles.KepalaBidang)) && user.DivisionId == divisionId)
            : CanEdit(user, divisionId);

    public static bool CanApprove(UserContext user, int divisionId) =>
        user.IsInRole(AppRoles.Administrator) || (user.IsInRole(AppRoles.KepalaBidang) && user.DivisionId == divisionId);
}
