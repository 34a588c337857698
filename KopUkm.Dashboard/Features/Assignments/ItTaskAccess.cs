using KopUkm.Dashboard.Features.Security;

namespace KopUkm.Dashboard.Features.Assignments;

/// <summary>
/// Who may do what with IT tasks. IT staff and administrators run the board: they create, edit, assign and move
/// any task. A division head raises tasks for their own division and follows them. Pimpinan reads everything. The
/// assignee may always move their own task. Officers (Petugas) have no access (<see cref="Permissions.ViewItTasks"/>).
/// </summary>
public static class ItTaskAccess
{
    public static bool Manages(UserContext user) =>
        user.IsInRole(AppRoles.Administrator) || user.IsInRole(AppRoles.StafTI);

    /// <summary>Every task, not only one division's: administrators, Pimpinan and IT staff.</summary>
    public static bool SeesAll(UserContext user) => user.SeesAllDivisions || user.IsInRole(AppRoles.StafTI);

    public static bool CanSee(UserContext user, int requestingDivisionId, string? assigneeId) =>
        SeesAll(user)
        || (user.IsInRole(AppRoles.KepalaBidang) && user.DivisionId == requestingDivisionId)
        || (assigneeId is not null && assigneeId == user.UserId);

    public static bool CanCreate(UserContext user) => Manages(user) || user.IsInRole(AppRoles.KepalaBidang);

    /// <summary>A division head only for their own division's needs.</summary>
    public static bool CanCreateFor(UserContext user, int requestingDivisionId) =>
        Manages(user) || (user.IsInRole(AppRoles.KepalaBidang) && user.DivisionId == requestingDivisionId);

    public static bool CanEdit(UserContext user) => Manages(user);

    public static bool CanAssign(UserContext user) => Manages(user);

    public static bool CanMove(UserContext user, string? assigneeId) =>
        Manages(user) || (assigneeId is not null && assigneeId == user.UserId);
}
