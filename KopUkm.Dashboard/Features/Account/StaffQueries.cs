using KopUkm.Dashboard.Data;

namespace KopUkm.Dashboard.Features.Account;

/// <summary>The one query that finds staff by role, for pickers, notification recipients and demo data.</summary>
public static class StaffQueries
{
    /// <summary>
    /// Active accounts holding at least one of <paramref name="roles"/>, one row per account however many of the
    /// roles it holds. Callers narrow (division), order and project it; it runs in SQL.
    /// </summary>
    public static IQueryable<ApplicationUser> ActiveStaffInRoles(this AppDbContext db, params string[] roles) =>
        db.Users.Where(u => u.IsActive
                            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))));
}
