using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Security;

namespace KopUkm.Dashboard.Features.Cooperatives;

/// <summary>Settings of the cooperative feature (section <c>Cooperatives</c>).</summary>
public sealed class CooperativeOptions : ISettings
{
    /// <summary>
    /// Divisions whose officers and heads work on cooperative records and cases (Kelembagaan and Pengawasan
    /// Koperasi). Everyone else reads.
    /// </summary>
    public List<string> WorkingDivisionCodes { get; set; } = ["KLM", "PWS"];

    /// <summary>True when the user may create and edit cooperatives and act on their cases.</summary>
    public bool CanWork(UserContext user) =>
        user.IsInRole(AppRoles.Administrator)
        || ((user.IsInRole(AppRoles.Petugas) || user.IsInRole(AppRoles.KepalaBidang))
            && user.DivisionCode is { } code && WorkingDivisionCodes.Contains(code, StringComparer.OrdinalIgnoreCase));

    /// <summary>Assigning cases is for the working divisions' heads (and administrators).</summary>
    public bool CanAssign(UserContext user) =>
        user.IsInRole(AppRoles.Administrator)
        || (user.IsInRole(AppRoles.KepalaBidang) && user.DivisionCode is { } code && WorkingDivisionCodes.Contains(code, StringComparer.OrdinalIgnoreCase));

    public IEnumerable<SettingProblem> Check() => SettingChecks.DivisionCodes(nameof(WorkingDivisionCodes), WorkingDivisionCodes, required: true);
}
