namespace KopUkm.Dashboard.Data.Seeding;

/// <summary>
/// Fills values that a newer version stores but rows written by an older version lack (durations the app computes on
/// the office calendar, which a migration cannot). Runs at every start after migrations and seeding, and after the
/// <c>migrate</c> and <c>seed-demo</c> commands; once the rows are filled it finds nothing to do. Each feature
/// registers its own, so the start-up code never names a feature.
/// </summary>
public interface IDataBackfill
{
    /// <summary>Fills what is missing and returns how many rows were written.</summary>
    Task<int> RunAsync(CancellationToken ct = default);
}
