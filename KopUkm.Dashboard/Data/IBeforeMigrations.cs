namespace KopUkm.Dashboard.Data;

/// <summary>
/// Runs before pending migrations are applied to a database that already has some (never on a new one). A feature
/// implements it (the backups feature takes a copy first); an exception stops the migration and the start.
/// </summary>
public interface IBeforeMigrations
{
    /// <param name="db">A context on the database about to be migrated.</param>
    /// <param name="pending">The ids of the migrations about to be applied, oldest first.</param>
    Task BeforeMigratingAsync(AppDbContext db, IReadOnlyList<string> pending, CancellationToken ct = default);
}
