using KopUkm.Dashboard.Features.Surveys;

namespace KopUkm.Dashboard.Tests.Features.Surveys;

/// <summary>The PermenPANRB 14/2017 arithmetic on a set of answers worked out by hand, the bands and Krejcie–Morgan.</summary>
public sealed class IkmRulesTests
{
    // Four respondents, nine elements (U1…U9).
    private static readonly int[][] Answers =
    [
        [4, 4, 3, 4, 3, 4, 4, 3, 3],
        [3, 3, 2, 4, 3, 3, 4, 3, 2],
        [4, 3, 3, 4, 4, 4, 4, 2, 3],
        [3, 2, 2, 4, 3, 3, 3, 2, 2],
    ];

    [Fact]
    public void A_hand_computed_set_gives_the_regulations_nrr_weighted_nrr_ikm_and_band()
    {
        var result = IkmRules.Compute(Answers);

        // NRR = sum ÷ 4:  U1 14/4 = 3.50, U2 12/4 = 3.00, U3 10/4 = 2.50, U4 16/4 = 4.00, U5 13/4 = 3.25,
        //                 U6 14/4 = 3.50, U7 15/4 = 3.75, U8 10/4 = 2.50, U9 10/4 = 2.50.
        decimal[] nrr = [3.50m, 3.00m, 2.50m, 4.00m, 3.25m, 3.50m, 3.75m, 2.50m, 2.50m];
        Assert.Equal(4, result.Respondents);
        Assert.Equal([14, 12, 10, 16, 13, 14, 15, 10, 10], result.Elements.Select(e => e.Sum));
        Assert.Equal(nrr, result.Elements.Select(e => Math.Round(e.Nrr, 2)));
        // NRR tertimbang = NRR × 1/9: U1 3.50/9 = 0.39, U4 4.00/9 = 0.44, U8 2.50/9 = 0.28.
        Assert.Equal(0.39m, Math.Round(result.Elements[0].WeightedNrr, 2));
        Assert.Equal(0.44m, Math.Round(result.Elements[3].WeightedNrr, 2));
        Assert.Equal(0.28m, Math.Round(result.Elements[7].WeightedNrr, 2));
        // Σ NRR = 28.50; Σ NRR tertimbang = 28.50/9 = 3.1667; IKM = 25 × 3.1667 = 79.17 → B (Baik, 76.61–88.30).
        Assert.Equal(3.17m, Math.Round(result.Elements.Sum(e => e.WeightedNrr), 2));
        Assert.Equal(79.17m, Math.Round(result.Ikm!.Value, 2));
        Assert.Equal(IkmBand.B, result.Band);
        // With 0.111 instead of one ninth it would read 25 × 28.50 × 0.111 = 79.09: the exact ninth matters.
        Assert.NotEqual(Math.Round(25m * 28.50m * 0.111m, 2), Math.Round(result.Ikm.Value, 2));
    }

    [Fact]
    public void Elements_rank_from_the_weakest_with_ties_in_the_regulations_order()
    {
        var result = IkmRules.Compute(Answers);

        Assert.Equal([3, 8, 9, 2, 5, 1, 6, 7, 4], result.WeakestFirst.Select(e => e.Element));
    }

    [Theory]
    [InlineData("100", IkmBand.A)]
    [InlineData("88.31", IkmBand.A)]
    [InlineData("88.305", IkmBand.A)]
    [InlineData("88.30", IkmBand.B)]
    [InlineData("76.61", IkmBand.B)]
    [InlineData("76.60", IkmBand.C)]
    [InlineData("65.00", IkmBand.C)]
    [InlineData("64.99", IkmBand.D)]
    [InlineData("25", IkmBand.D)]
    public void Bands_follow_the_regulations_table_at_two_decimals(string ikm, IkmBand band) =>
        Assert.Equal(band, IkmRules.BandOf(decimal.Parse(ikm, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void All_fours_give_100_and_all_ones_give_25()
    {
        Assert.Equal(100m, Math.Round(IkmRules.Compute([[4, 4, 4, 4, 4, 4, 4, 4, 4]]).Ikm!.Value, 2));
        Assert.Equal(25m, Math.Round(IkmRules.Compute([[1, 1, 1, 1, 1, 1, 1, 1, 1]]).Ikm!.Value, 2));
        Assert.Null(IkmRules.Compute([]).Ikm);
    }

    [Theory]
    // s = 3.841 × N × 0.25 / (0.0025 × (N − 1) + 3.841 × 0.25), rounded up.
    [InlineData(100, 80)]    // 96.025 / 1.20775 = 79.51
    [InlineData(1000, 278)]  // 960.25 / 3.45775 = 277.71
    [InlineData(10, 10)]     // 9.6025 / 0.98275 = 9.77
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    public void Krejcie_morgan_gives_the_tables_minimum_sample(int population, int sample) =>
        Assert.Equal(sample, IkmRules.MinimumSample(population));

    [Theory]
    [InlineData("2026-11", IkmPeriodKind.Month, "2026-11-01", "2026-10")]
    [InlineData("2026-Q4", IkmPeriodKind.Quarter, "2026-10-01", "2026-Q3")]
    [InlineData("2026-S2", IkmPeriodKind.Semester, "2026-07-01", "2026-S1")]
    [InlineData("2026-S1", IkmPeriodKind.Semester, "2026-01-01", "2025-S2")]
    [InlineData("2026", IkmPeriodKind.Year, "2026-01-01", "2025")]
    public void Periods_read_their_keys_and_know_the_one_before(string key, IkmPeriodKind kind, string start, string previous)
    {
        Assert.True(IkmPeriod.TryParse(key, out var period));
        Assert.Equal(kind, period.Kind);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(key, period.Key);
        Assert.Equal(previous, period.Previous().Key);
        Assert.False(IkmPeriod.TryParse("2026-S3", out _));
    }
}
