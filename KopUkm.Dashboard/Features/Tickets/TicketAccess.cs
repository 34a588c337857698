using KopUkm.Dashboard.Features.Security;

namespace KopUkm.Dashboard.Features.Tickets;

/// <summary>
/// Who may do what with tickets. Officers and heads act on their own division's tickets; IT staff run the service
/// desk across divisions; Pimpinan reads everything; administrators do everything.
/// </summary>
public static class TicketAccess
{
    public static bool SeesAll(UserContext user) =>
        user.SeesAllDivisions || user.IsInRole(AppRoles.StafTI);

    public static bool CanSee(UserContext user, int divisionId) => SeesAll(user) || user.DivisionId == divisionId;

    public static bool CanWork(UserContext user, int divisionId) =>
        user.IsInRole(AppRoles.Administrator)
        || user.IsInRole(AppRoles.StafTI)
        || ((user.IsInRole(AppRoles.Petugas) || user.IsInRole(AppRoles.KepalaBidang)) && user.DivisionId == divisionId);

    public static bool CanAssign(UserContext user, int divisionId) =>
        user.IsInRole(AppRoles.Administrator)
        || user.IsInRole(AppRoles.StafTI)
        || (user.IsInRole(AppRoles.KepalaBidang) && user.DivisionId == divisionId);

    /// <summary>Anyone who works on tickets may record a new one (walk-in, phone), whatever its division.</summary>
    public static bool CanIntake(UserContext user) =>
        user.IsInRole(AppRoles.Administrator) || user.IsInRole(AppRoles.StafTI)
        || user.IsInRole(AppRoles.Petugas) || user.IsInRole(AppRoles.KepalaBidang);
}
