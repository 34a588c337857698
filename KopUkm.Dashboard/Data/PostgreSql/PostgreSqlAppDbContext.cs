using KopUkm.Dashboard.Data.Auditing;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KopUkm.Dashboard.Data.PostgreSql;

/// <summary>
/// The app's context on PostgreSQL: the same model as <see cref="AppDbContext"/> (every feature's configuration),
/// with its own migrations in <c>Data/Migrations/PostgreSql</c> — EF picks a migration set by context type, so each
/// provider keeps one history (docs/decisions/0015-two-provider-migrations.md). Services keep asking for
/// <see cref="AppDbContext"/>; on PostgreSQL they get this type.
/// </summary>
/// <remarks>
/// Differences from SQLite, all here: every <see cref="DateTime"/> is a UTC instant stored as <c>timestamptz</c>
/// (the app only ever writes UTC; a value read back from SQLite has no kind, so it is marked UTC on the way in);
/// the data protection key ring lives in the database so every instance reads the same keys; <c>pg_trgm</c> is
/// installed for the trigram name-search indexes.
/// </remarks>
public class PostgreSqlAppDbContext : AppDbContext, IDataProtectionKeyContext
{
    public PostgreSqlAppDbContext(DbContextOptions<PostgreSqlAppDbContext> options, IAuditActorSource? actorSource = null, TimeProvider? clock = null)
        : base(options, actorSource, clock)
    {
    }

    /// <summary>The data protection key ring shared by every instance (not audited: see <c>AuditTrailWriter</c>).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("pg_trgm");
        builder.Entity<DataProtectionKey>().ToTable("DataProtectionKeys");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>().HaveColumnType("timestamp with time zone");
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>().HaveColumnType("timestamp with time zone");
    }

    /// <summary>Marks a stored instant as UTC: Npgsql writes only UTC <see cref="DateTime"/>s to <c>timestamptz</c>.</summary>
    public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
