using KopUkm.Dashboard.Features.Security;

namespace KopUkm.Dashboard.Features.Dashboard;

/// <summary>What the home page ("/") shows first for a role (docs/dashboard.md, "Each role's home").</summary>
public enum HomeKind
{
    /// <summary>Today's dashboard of the division or the office: division heads, Pimpinan, administrators.</summary>
    Dashboard = 1,

    /// <summary>"Pekerjaan saya": an officer's own tickets, registration stages, content and notifications.</summary>
    MyWork = 2,

    /// <summary>"Tugas TI saya": IT staff's own tasks, the team's workload and the unassigned queue.</summary>
    ItWork = 3,
}

/// <summary>
/// The one rule for which home a user lands on. Whoever leads or looks across divisions keeps the dashboard (a head
/// who is also an officer is a head here); IT staff get their tasks; officers their own work. Every home links to the
/// division view (<see cref="DivisionViewPath"/>), the dashboard whatever the role.
/// </summary>
public static class HomeRule
{
    /// <summary>The dashboard as a page of its own, for those whose home is their own work.</summary>
    public const string DivisionViewPath = "/ringkasan";

    public static HomeKind For(UserContext user) =>
        user.IsInRole(AppRoles.Administrator) || user.IsInRole(AppRoles.Pimpinan) || user.IsInRole(AppRoles.KepalaBidang) ? HomeKind.Dashboard
        : user.IsInRole(AppRoles.StafTI) ? HomeKind.ItWork
        : user.IsInRole(AppRoles.Petugas) ? HomeKind.MyWork
        : HomeKind.Dashboard;
}
