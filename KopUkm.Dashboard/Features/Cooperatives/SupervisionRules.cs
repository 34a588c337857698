using System.Linq.Expressions;

namespace KopUkm.Dashboard.Features.Cooperatives;

/// <summary>
/// When a cooperative is a supervision candidate: two years without an annual members' meeting (RAT), or an NIK
/// certificate not renewed within its two years. Dissolved (<see cref="ActivityStatus.Dibubarkan"/>) cooperatives
/// never are.
/// </summary>
public static class SupervisionRules
{
    /// <summary>
    /// The oldest RAT year that still counts as recent: the current WIB year minus two. In 2026 a last RAT held in
    /// 2024 or later is fine; 2023 or earlier, or no RAT recorded at all, gives <see cref="SupervisionReason.NoRecentRat"/>.
    /// </summary>
    public static int OldestRecentRatYear(DateOnly todayWib) => todayWib.Year - 2;

    /// <summary>
    /// The oldest NIK certificate date still current: today (WIB) minus two years, itself included. On 23 Nov 2026 a
    /// certificate of 23 Nov 2024 is current and one of 22 Nov 2024 is not. A cooperative with an NIK whose certificate
    /// is older or not recorded gives <see cref="SupervisionReason.NikCertificateExpired"/>; without an NIK this rule
    /// does not apply.
    /// </summary>
    public static DateOnly OldestCurrentCertificate(DateOnly todayWib) => todayWib.AddYears(-2);

    /// <summary>
    /// The rule for cooperatives in memory (the demo seeder flags its rows before inserting them): the same expression
    /// as <see cref="Check"/>, compiled once for the day.
    /// </summary>
    public static Func<Cooperative, SupervisionReason> ReasonsDue(DateOnly todayWib)
    {
        var check = Check(todayWib).Compile();
        return cooperative => check(cooperative).Due;
    }

    /// <summary>
    /// The rule as an expression, so the database evaluates it over every row at once: each cooperative's current
    /// flags beside the reasons that are due today.
    /// </summary>
    internal static Expression<Func<Cooperative, SupervisionCheck>> Check(DateOnly todayWib)
    {
        var oldestRat = OldestRecentRatYear(todayWib);
        var oldestCertificate = OldestCurrentCertificate(todayWib);
        return c => new SupervisionCheck
        {
            Id = c.Id,
            Version = c.Version,
            Flagged = c.NeedsSupervision,
            Current = c.SupervisionReasons,
            Due = c.ActivityStatus == ActivityStatus.Dibubarkan
                ? SupervisionReason.None
                : ((c.LastRatYear == null || c.LastRatYear < oldestRat) ? SupervisionReason.NoRecentRat : SupervisionReason.None)
                  | ((c.Nik != null && (c.NikCertificateDate == null || c.NikCertificateDate < oldestCertificate))
                      ? SupervisionReason.NikCertificateExpired
                      : SupervisionReason.None),
        };
    }
}

/// <summary>A cooperative's stored supervision flags and the reasons the rule finds due.</summary>
internal sealed class SupervisionCheck
{
    public int Id { get; init; }

    public long Version { get; init; }

    public bool Flagged { get; init; }

    public SupervisionReason Current { get; init; }

    public SupervisionReason Due { get; init; }
}
