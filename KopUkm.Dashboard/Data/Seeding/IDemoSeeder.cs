namespace KopUkm.Dashboard.Data.Seeding;

/// <summary>
/// One feature's demo data, added on a Development start (with demo accounts) and by <c>seed-demo</c>. Seeders are
/// discovered, not listed: a feature registers its own and the host runs them all in <see cref="Order"/>.
/// </summary>
public interface IDemoSeeder
{
    /// <summary>Lower runs first: registers and tickets before the IT tasks that link to them.</summary>
    int Order { get; }

    /// <summary>
    /// The <c>Demo:*</c> setting that lets a Development start skip this part (e.g. <c>Demo:SeedTickets</c>; on unless
    /// set to false). <c>seed-demo</c> always runs every part.
    /// </summary>
    string Switch { get; }

    /// <summary>Adds the part's demo data while its tables are empty; the same seed and day give the same data.</summary>
    /// <param name="seed">The generator seed; null takes the seeder's own default.</param>
    /// <returns>One sentence for the operator: a resource key and its arguments.</returns>
    Task<DemoSeedReport> SeedDemoAsync(int? seed, CancellationToken ct = default);
}

/// <summary>What a demo seeder did, as a resource key (Cli.*) with its arguments.</summary>
public sealed record DemoSeedReport(string MessageKey, params object[] Arguments);

/// <summary>
/// One feature's part of <c>seed-demo --scale</c>: bulk rows written by prepared inserts, no audit rows. Discovered
/// like <see cref="IDemoSeeder"/>.
/// </summary>
public interface IScaleSeeder
{
    /// <summary>Lower runs first.</summary>
    int Order { get; }

    /// <summary>Fills the part's empty tables at <paramref name="scale"/>; a part that holds rows is left as it is.</summary>
    /// <returns>Named counts of what was written (e.g. <c>Tickets</c>, <c>TicketEvents</c>); zeros when nothing was.</returns>
    Task<IReadOnlyDictionary<string, int>> SeedScaleAsync(DemoScale scale, int seed, IProgress<DemoSeedProgress>? progress, CancellationToken ct = default);
}

public static class DemoSeederRegistration
{
    /// <summary>Registers a feature's demo seeder once, found both as <see cref="IDemoSeeder"/> and <see cref="IScaleSeeder"/>.</summary>
    public static IServiceCollection AddDemoSeeder<T>(this IServiceCollection services)
        where T : class, IDemoSeeder, IScaleSeeder
    {
        services.AddScoped<T>();
        services.AddScoped<IDemoSeeder>(sp => sp.GetRequiredService<T>());
        services.AddScoped<IScaleSeeder>(sp => sp.GetRequiredService<T>());
        return services;
    }
}
