namespace KopUkm.Dashboard.Data.Seeding;

/// <summary>
/// How much synthetic data <c>seed-demo --scale</c> writes: <see cref="Large"/> is a province-sized office over two
/// years, <see cref="Medium"/> a tenth of it for quick runs. Plain <c>seed-demo</c> keeps the smaller demo set.
/// </summary>
/// <param name="HistoryDays">How far back tickets and IT tasks go.</param>
public sealed record DemoScale(
    string Name, int Tickets, int Cooperatives, int RegistrationCases, int ContentItems, int ItTasks, int HistoryDays = 730)
{
    public static DemoScale Large { get; } = new("large", 100_000, 10_000, 2_000, 5_000, 20_000);

    public static DemoScale Medium { get; } = new("medium", 10_000, 1_000, 200, 500, 2_000);

    /// <summary>The named scales the command accepts.</summary>
    public static IReadOnlyList<DemoScale> Named { get; } = [Medium, Large];

    public static DemoScale? Find(string name) =>
        Named.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>What a scale seeding is writing.</summary>
public enum DemoSeedPart
{
    Cooperatives = 1,
    RegistrationCases = 2,
    Tickets = 3,
    ContentItems = 4,
    ItTasks = 5,
}

/// <summary>How far a scale seeding has come with one part, for the operator watching a long run.</summary>
public sealed record DemoSeedProgress(DemoSeedPart Part, int Done, int Total, TimeSpan Elapsed);
