namespace KopUkm.Dashboard.Features.Surveys;

/// <summary>The nine service elements of PermenPANRB 14/2017 (U1–U9); their names and four wordings are resources.</summary>
public static class IkmElements
{
    public const int Count = 9;

    /// <summary>1–9, in the regulation's order.</summary>
    public static IReadOnlyList<int> All { get; } = [1, 2, 3, 4, 5, 6, 7, 8, 9];

    /// <summary>Resource key of an element's name (<c>Ikm.Element.3</c>).</summary>
    public static string NameKey(int element) => $"Ikm.Element.{element}";

    /// <summary>Resource key of the wording for score 1–4 of an element (<c>Ikm.Element.3.Score.4</c>).</summary>
    public static string WordingKey(int element, int score) => $"Ikm.Element.{element}.Score.{score}";
}

/// <summary>The mutu pelayanan bands of PermenPANRB 14/2017 on the converted IKM (25–100).</summary>
public enum IkmBand
{
    A = 1,
    B = 2,
    C = 3,
    D = 4,
}

/// <summary>One element's result: NRR (sum ÷ answers) and NRR tertimbang (NRR × 1/9).</summary>
public sealed record IkmElementResult(int Element, int Answers, int Sum, decimal Nrr, decimal WeightedNrr);

/// <summary>A set of answers' result: per element, the converted IKM and its band.</summary>
public sealed record IkmResult(int Respondents, IReadOnlyList<IkmElementResult> Elements, decimal? Ikm, IkmBand? Band)
{
    public static IkmResult Empty { get; } = new(0, [], null, null);

    /// <summary>Elements from the weakest NRR (ties in the regulation's order).</summary>
    public IReadOnlyList<IkmElementResult> WeakestFirst => [.. Elements.OrderBy(e => e.Nrr).ThenBy(e => e.Element)];
}

/// <summary>
/// The arithmetic of PermenPANRB 14/2017, in decimal: NRR per element = sum of scores ÷ number of answers;
/// NRR tertimbang = NRR ÷ 9 (exactly one ninth, never 0.111); IKM = 25 × Σ NRR tertimbang; the band by the IKM rounded
/// to two decimals: A 88.31–100 (Sangat Baik), B 76.61–88.30 (Baik), C 65.00–76.60 (Kurang Baik), D 25.00–64.99 (Tidak Baik).
/// </summary>
public static class IkmRules
{
    /// <summary>How long a survey link stays open after the invitation.</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(30);

    /// <summary>The result of complete answers (nine scores 1–4 each).</summary>
    public static IkmResult Compute(IEnumerable<IReadOnlyList<int>> answers)
    {
        var list = answers.ToList();
        if (list.Count == 0)
        {
            return IkmResult.Empty;
        }

        var elements = new List<IkmElementResult>(IkmElements.Count);
        foreach (var element in IkmElements.All)
        {
            var sum = list.Sum(a => a[element - 1]);
            var nrr = (decimal)sum / list.Count;
            elements.Add(new IkmElementResult(element, list.Count, sum, nrr, nrr / 9m));
        }

        // 25 × Σ (NRR ÷ 9) written as 25 × Σ NRR ÷ 9: the same number, without adding up nine rounded ninths.
        var ikm = 25m * elements.Sum(e => e.Nrr) / 9m;
        return new IkmResult(list.Count, elements, ikm, BandOf(ikm));
    }

    /// <summary>The band of a converted IKM value, read at two decimals as the regulation's table is.</summary>
    public static IkmBand BandOf(decimal ikm)
    {
        var value = Math.Round(ikm, 2, MidpointRounding.AwayFromZero);
        return value >= 88.31m ? IkmBand.A
            : value >= 76.61m ? IkmBand.B
            : value >= 65.00m ? IkmBand.C
            : IkmBand.D;
    }

    /// <summary>
    /// Krejcie and Morgan's minimum sample for a population of <paramref name="population"/>:
    /// s = X²NP(1−P) / (d²(N−1) + X²P(1−P)) with X² = 3.841, P = 0.5, d = 0.05, rounded up.
    /// </summary>
    public static int MinimumSample(int population)
    {
        if (population <= 0)
        {
            return 0;
        }

        const decimal chiSquare = 3.841m;
        const decimal p = 0.5m;
        const decimal d = 0.05m;
        var n = (decimal)population;
        var s = chiSquare * n * p * (1 - p) / ((d * d * (n - 1)) + (chiSquare * p * (1 - p)));
        return (int)Math.Ceiling(s);
    }

    /// <summary>Whether a score list is complete: nine scores, each 1–4.</summary>
    public static bool IsComplete(IReadOnlyList<int?> scores) =>
        scores.Count == IkmElements.Count && scores.All(s => s is >= 1 and <= 4);
}
