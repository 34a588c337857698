using KopUkm.Dashboard.Features.Security;

namespace KopUkm.Dashboard.Features.Cooperatives;

/// <summary>
/// Who may do what with cooperatives and their registration cases. Everyone with an account reads the register and
/// the cases (<see cref="Permissions.ViewCooperatives"/>). Officers and heads of the working divisions
/// (<see cref="CooperativeOptions.WorkingDivisionCodes"/>: Kelembagaan and Pengawasan Koperasi) and administrators
/// create, edit and import cooperatives and act on cases; assigning cases is for those divisions' heads and
/// administrators.
/// </summary>
public static class CooperativeAccess
{
    /// <summary>True when the user may create, edit and import cooperatives and act on their cases.</summary>
    public static bool CanWork(UserContext user, CooperativeOptions options)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(AppRoles.Administrator)
            || ((user.IsInRole(AppRoles.Petugas) || user.IsInRole(AppRoles.KepalaBidang)) && InWorkingDivision(user, options));
    }

    /// <summary>True when the user may assign cases to officers.</summary>
    public static bool CanAssign(UserContext user, CooperativeOptions options)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(AppRoles.Administrator)
            || (user.IsInRole(AppRoles.KepalaBidang) && InWorkingDivision(user, options));
    }

    private static bool InWorkingDivision(UserContext user, CooperativeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return user.DivisionCode is { } code && options.WorkingDivisionCodes.Contains(code, StringComparer.OrdinalIgnoreCase);
    }
}
