using KopUkm.Dashboard.Common;

namespace KopUkm.Dashboard.Features.Cooperatives;

/// <summary>Settings of the cooperative feature (section <c>Cooperatives</c>).</summary>
public sealed class CooperativeOptions : ISettings
{
    /// <summary>
    /// Divisions whose officers and heads work on cooperative records and cases (Kelembagaan and Pengawasan
    /// Koperasi). Everyone else reads; <see cref="CooperativeAccess"/> applies this.
    /// </summary>
    public List<string> WorkingDivisionCodes { get; set; } = ["KLM", "PWS"];

    public IEnumerable<SettingProblem> Check() => SettingChecks.DivisionCodes(nameof(WorkingDivisionCodes), WorkingDivisionCodes, required: true);
}
