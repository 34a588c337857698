namespace KopUkm.Dashboard.Features.Cooperatives;

/// <summary>Settings of the cooperative feature (section <c>Cooperatives</c>).</summary>
public sealed class CooperativeOptions
{
    /// <summary>
    /// Divisions whose officers and heads work on cooperative records and cases (Kelembagaan and Pengawasan
    /// Koperasi). Everyone else reads; <see cref="CooperativeAccess"/> applies this.
    /// </summary>
    public List<string> WorkingDivisionCodes { get; set; } = ["KLM", "PWS"];
}
