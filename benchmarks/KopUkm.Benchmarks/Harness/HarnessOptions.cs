using System.Globalization;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Host.Demo;

namespace KopUkm.Benchmarks.Harness;

/// <summary>
/// The harness's command line:
/// <c>[--scale medium,large] [--only dashboard,tickets,cooperatives,jobs,livecheck,memory] [--seed N] [--runs N] [--sessions N]
/// [--rate R] [--out FILE]</c>.
/// </summary>
internal sealed record HarnessOptions(
    IReadOnlyList<DemoScale> Scales,
    IReadOnlySet<string> Sections,
    int Seed,
    int Runs,
    int WarmUps,
    int Sessions,
    double LiveCheckRate,
    string Output)
{
    public static readonly string[] AllSections = ["dashboard", "tickets", "cooperatives", "jobs", "livecheck", "memory"];

    public bool Includes(string section) => Sections.Contains(section);

    public static HarnessOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Expected --name value pairs, got '{args[i]}'.");
            }

            values[args[i][2..]] = args[++i];
        }

        var unknown = values.Keys.Except(["scale", "only", "seed", "runs", "sessions", "rate", "out"], StringComparer.OrdinalIgnoreCase).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown option(s): {string.Join(", ", unknown)}.");
        }

        var scales = List(values.GetValueOrDefault("scale") ?? "medium,large")
            .Select(name => DemoScale.Find(name) ?? throw new ArgumentException($"Unknown scale '{name}' (medium or large)."))
            .OrderBy(s => s.Tickets)
            .ToList();
        var sections = List(values.GetValueOrDefault("only") ?? string.Join(',', AllSections)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (sections.Except(AllSections, StringComparer.OrdinalIgnoreCase).FirstOrDefault() is { } bad)
        {
            throw new ArgumentException($"Unknown section '{bad}' ({string.Join(", ", AllSections)}).");
        }

        return new HarnessOptions(
            scales,
            sections,
            Int(values, "seed", ScaleDemoSeeder.DefaultSeed),
            Int(values, "runs", 50),
            WarmUps: 5,
            Int(values, "sessions", 20),
            double.Parse(values.GetValueOrDefault("rate") ?? "20", CultureInfo.InvariantCulture),
            values.GetValueOrDefault("out") ?? Path.Combine("benchmarks", "results", "latest.md"));
    }

    private static string[] List(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int Int(Dictionary<string, string> values, string key, int fallback) =>
        values.TryGetValue(key, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
