using System.Globalization;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Host.Demo;

namespace KopUkm.Benchmarks.Harness;

/// <summary>The database a data set is seeded into and measured on.</summary>
internal enum BenchProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// The harness's command line:
/// <c>[--scale medium,large] [--provider sqlite|postgresql|both] [--only dashboard,tickets,cooperatives,jobs,livecheck,memory,concurrency]
/// [--seed N] [--runs N] [--sessions N] [--rate R] [--users 5,10,20,40] [--instances 1,2] [--think S] [--cycles N] [--out FILE]</c>.
/// </summary>
internal sealed record HarnessOptions(
    IReadOnlyList<DemoScale> Scales,
    IReadOnlyList<BenchProvider> Providers,
    IReadOnlySet<string> Sections,
    int Seed,
    int Runs,
    int WarmUps,
    int Sessions,
    double LiveCheckRate,
    IReadOnlyList<int> Users,
    IReadOnlyList<int> Instances,
    double ThinkSeconds,
    int Cycles,
    string Output)
{
    public static readonly string[] AllSections = ["dashboard", "tickets", "cooperatives", "jobs", "livecheck", "memory", "concurrency"];

    private static readonly string[] Known = ["scale", "provider", "only", "seed", "runs", "sessions", "rate", "users", "instances", "think", "cycles", "out"];

    public bool Includes(string section) => Sections.Contains(section);

    public bool BothProviders => Providers.Count > 1;

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

        var unknown = values.Keys.Except(Known, StringComparer.OrdinalIgnoreCase).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown option(s): {string.Join(", ", unknown)}.");
        }

        var scales = List(values.GetValueOrDefault("scale") ?? "medium,large")
            .Select(name => DemoScale.Find(name) ?? throw new ArgumentException($"Unknown scale '{name}' (medium or large)."))
            .OrderBy(s => s.Tickets)
            .ToList();
        var providers = (values.GetValueOrDefault("provider") ?? "sqlite").ToLowerInvariant() switch
        {
            "sqlite" => new[] { BenchProvider.Sqlite },
            "postgresql" or "postgres" => [BenchProvider.PostgreSql],
            "both" => [BenchProvider.Sqlite, BenchProvider.PostgreSql],
            var other => throw new ArgumentException($"Unknown provider '{other}' (sqlite, postgresql or both)."),
        };
        var sections = List(values.GetValueOrDefault("only") ?? string.Join(',', AllSections)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (sections.Except(AllSections, StringComparer.OrdinalIgnoreCase).FirstOrDefault() is { } bad)
        {
            throw new ArgumentException($"Unknown section '{bad}' ({string.Join(", ", AllSections)}).");
        }

        var users = Ints(values.GetValueOrDefault("users") ?? "5,10,20,40");
        var instances = Ints(values.GetValueOrDefault("instances") ?? "1,2");
        if (users.Count == 0 || users.Any(u => u < 1) || instances.Count == 0 || instances.Any(i => i is < 1 or > 2))
        {
            throw new ArgumentException("--users takes positive numbers, --instances 1 and/or 2.");
        }

        return new HarnessOptions(
            scales,
            providers,
            sections,
            Int(values, "seed", ScaleDemoSeeder.DefaultSeed),
            Int(values, "runs", 50),
            WarmUps: 5,
            Int(values, "sessions", 20),
            double.Parse(values.GetValueOrDefault("rate") ?? "20", CultureInfo.InvariantCulture),
            users,
            instances,
            double.Parse(values.GetValueOrDefault("think") ?? "3", CultureInfo.InvariantCulture),
            Int(values, "cycles", 3),
            values.GetValueOrDefault("out") ?? Path.Combine("benchmarks", "results", "latest.md"));
    }

    public static string Name(BenchProvider provider) => provider == BenchProvider.Sqlite ? "SQLite" : "PostgreSQL";

    private static string[] List(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static List<int> Ints(string value) =>
        [.. List(value).Select(v => int.Parse(v, CultureInfo.InvariantCulture)).Distinct().Order()];

    private static int Int(Dictionary<string, string> values, string key, int fallback) =>
        values.TryGetValue(key, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
