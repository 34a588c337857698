using System.Globalization;
using KopUkm.Dashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KopUkm.Dashboard.Features.Backups;

/// <summary>
/// Before pending migrations are applied to an existing SQLite database (at start-up and by <c>migrate</c>,
/// <c>seed-demo</c>, <c>create-admin</c>, <c>import-cooperatives</c>), a verified copy is written to
/// <c>backups/pre-migration-&lt;UTC timestamp&gt;.db</c>, and the log says so, naming the migrations that run outside
/// a transaction. SQLite rebuilds a table to change a column (TicketPriorityAsNumber does): EF Core must run those
/// steps outside a transaction, so a process killed halfway leaves a half-migrated database that only this copy
/// undoes. The copy is taken before every upgrade, not only those, because it costs one <c>VACUUM INTO</c> per
/// upgrade and a transactional migration can still carry a wrong data rewrite. If the copy cannot be made, nothing is
/// migrated and the start stops. These copies are not pruned (the nightly retention counts only <c>kopukm-*.db</c>).
/// </summary>
public sealed class PreMigrationBackup(SqliteBackupService backups, DataPaths paths, TimeProvider clock, ILogger<PreMigrationBackup> logger) : IBeforeMigrations
{
    public const string Prefix = "pre-migration-";

    public async Task BeforeMigratingAsync(AppDbContext db, IReadOnlyList<string> pending, CancellationToken ct = default)
    {
        if (!db.Database.IsSqlite() || !File.Exists(paths.DatabaseFile))
        {
            return;
        }

        var outside = OutsideTransaction(db, pending);
        var stamp = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var target = Path.Combine(paths.BackupsFolder, $"{Prefix}{stamp}.db");
        var result = await backups.BackupToAsync(target, ct);
        if (!result.Succeeded)
        {
            logger.LogCritical(
                "No migration applied: the backup before migrating ({Pending}) could not be written to {File}: {Failure} {Detail}",
                string.Join(", ", pending), target, result.Failure, result.Detail);
            throw new InvalidOperationException(
                $"The database was not migrated: the backup before migrating could not be written to {target} ({result.Failure}: {result.Detail}).");
        }

        if (outside.Count > 0)
        {
            logger.LogWarning(
                "Backup before migrating written to {File} ({Bytes} bytes). Migrations {Outside} rebuild tables outside a transaction: if the migration stops halfway, stop the app and restore this file with `restore {File}`. Pending: {Pending}",
                result.File, result.Bytes, string.Join(", ", outside), result.File, string.Join(", ", pending));
        }
        else
        {
            logger.LogInformation(
                "Backup before migrating written to {File} ({Bytes} bytes). Pending: {Pending}",
                result.File, result.Bytes, string.Join(", ", pending));
        }
    }

    /// <summary>
    /// The pending migrations of which some step must run outside a transaction on this provider (found by generating
    /// their SQL exactly as the migrator will, without running it).
    /// </summary>
    public static IReadOnlyList<string> OutsideTransaction(AppDbContext db, IReadOnlyList<string> pending)
    {
        var assembly = db.GetService<IMigrationsAssembly>();
        var generator = db.GetService<IMigrationsSqlGenerator>();
        var initializer = db.GetService<IModelRuntimeInitializer>();
        var outside = new List<string>();
        foreach (var id in pending)
        {
            if (!assembly.Migrations.TryGetValue(id, out var type))
            {
                continue;
            }

            var migration = assembly.CreateMigration(type, db.Database.ProviderName!);
            IModel? model = migration.TargetModel;
            if (model is IMutableModel mutable)
            {
                model = mutable.FinalizeModel();
            }

            model = model is null ? null : initializer.Initialize(model);
            if (generator.Generate(migration.UpOperations, model).Any(c => c.TransactionSuppressed))
            {
                outside.Add(id);
            }
        }

        return outside;
    }
}
