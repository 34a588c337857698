using KopUkm.Dashboard.Features.Cooperatives;

namespace KopUkm.Dashboard.Tests.Features.Cooperatives;

/// <summary>
/// The supervision rule on cooperatives in memory, on 23 Nov 2026 (WIB). SupervisionServiceTests proves the same rule
/// as the database evaluates it during the nightly run.
/// </summary>
public sealed class SupervisionRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static SupervisionReason ReasonsFor(Action<Cooperative> configure)
    {
        var cooperative = new Cooperative { Name = "Koperasi Uji", LastRatYear = 2026 };
        configure(cooperative);
        return SupervisionRules.ReasonsDue(Today)(cooperative);
    }

    [Theory]
    [InlineData(2026, SupervisionReason.None)]
    [InlineData(2024, SupervisionReason.None)]
    [InlineData(2023, SupervisionReason.NoRecentRat)]
    [InlineData(null, SupervisionReason.NoRecentRat)]
    public void A_rat_counts_as_recent_back_to_two_years_before_the_current_year(int? lastRat, SupervisionReason expected) =>
        Assert.Equal(expected, ReasonsFor(c => c.LastRatYear = lastRat));

    [Theory]
    [InlineData("2024-11-24", SupervisionReason.None)]
    [InlineData("2024-11-23", SupervisionReason.None)]
    [InlineData("2024-11-22", SupervisionReason.NikCertificateExpired)]
    [InlineData(null, SupervisionReason.NikCertificateExpired)]
    public void An_nik_certificate_is_current_up_to_exactly_two_years_old(string? certificate, SupervisionReason expected) =>
        Assert.Equal(expected, ReasonsFor(c => (c.Nik, c.NikCertificateDate) = ("1571000000000001", certificate is null ? null : DateOnly.Parse(certificate, System.Globalization.CultureInfo.InvariantCulture))));

    [Fact]
    public void Without_an_nik_the_certificate_rule_does_not_apply() =>
        Assert.Equal(SupervisionReason.None, ReasonsFor(c => c.NikCertificateDate = new DateOnly(2020, 1, 1)));

    [Fact]
    public void Both_reasons_can_hold_at_once() =>
        Assert.Equal(
            SupervisionReason.NoRecentRat | SupervisionReason.NikCertificateExpired,
            ReasonsFor(c => (c.LastRatYear, c.Nik, c.NikCertificateDate) = (2020, "1571000000000005", new DateOnly(2021, 5, 1))));

    [Fact]
    public void A_dissolved_cooperative_is_never_a_candidate() =>
        Assert.Equal(SupervisionReason.None, ReasonsFor(c => (c.ActivityStatus, c.LastRatYear, c.Nik) = (ActivityStatus.Dibubarkan, null, "1571000000000006")));
}
