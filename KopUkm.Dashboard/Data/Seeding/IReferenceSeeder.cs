namespace KopUkm.Dashboard.Data.Seeding;

/// <summary>
/// Seeds one area's reference data on start, only while its tables are empty. Each feature registers its own, so
/// adding a feature never edits the start-up code.
/// </summary>
public interface IReferenceSeeder
{
    Task SeedAsync(CancellationToken ct = default);
}
