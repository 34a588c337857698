using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace KopUkm.Dashboard.Data.PostgreSql;

/// <summary>The PostgreSQL side of <see cref="DatabaseSetup"/>: connection settings, registration, the start-up lock.</summary>
public static class PostgreSqlDatabase
{
    /// <summary>
    /// The advisory lock every instance takes around migrations and seeding, so two instances starting together never
    /// migrate or seed twice (a fixed number: "KopUkm" in ASCII).
    /// </summary>
    public const long StartupLockKey = 0x4B6F70556B6D;

    /// <summary>
    /// The configured connection string with the session's time zone set to UTC, so a timestamp parameter without a
    /// zone (raw SQL) means the same instant as the <c>timestamptz</c> columns it is compared with.
    /// </summary>
    public static string ConnectionString(string configured)
    {
        var builder = new NpgsqlConnectionStringBuilder(configured) { Timezone = "UTC" };
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = "KopUkm.Dashboard";
        }

        return builder.ToString();
    }

    public static void Configure(DbContextOptionsBuilder options, string configured) =>
        options.UseNpgsql(ConnectionString(configured));

    /// <summary>
    /// Registers <see cref="PostgreSqlAppDbContext"/> and hands it out wherever <see cref="AppDbContext"/> is asked for
    /// (the factory every service uses, and the scoped context ASP.NET Core Identity and data protection use).
    /// </summary>
    public static void Register(IServiceCollection services, string configured)
    {
        services.AddDbContextFactory<PostgreSqlAppDbContext>((_, options) => Configure(options, configured), ServiceLifetime.Scoped);
        services.AddScoped<IDbContextFactory<AppDbContext>>(sp => new AsAppDbContext(sp.GetRequiredService<IDbContextFactory<PostgreSqlAppDbContext>>()));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PostgreSqlAppDbContext>>().CreateDbContext());

        // Live updates across instances: one listener per instance, started with the host.
        services.AddSingleton<PostgreSqlChangeRelay>();
        services.AddSingleton<Common.IChangeRelay>(sp => sp.GetRequiredService<PostgreSqlChangeRelay>());
        services.AddHostedService(sp => sp.GetRequiredService<PostgreSqlChangeRelay>());
    }

    /// <summary>
    /// Runs <paramref name="work"/> holding the start-up advisory lock on a connection of its own (session level, so it
    /// is released when that connection closes even if this process dies). A second instance waits here until the
    /// first has migrated and seeded, then finds nothing left to do.
    /// </summary>
    public static async Task WithStartupLockAsync(AppDbContext db, Func<Task> work, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(ct);
        // No command timeout: the first instance may take minutes to migrate and seed a demo.
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection) { CommandTimeout = 0 })
        {
            take.Parameters.AddWithValue("key", StartupLockKey);
            await take.ExecuteNonQueryAsync(ct);
        }

        try
        {
            await work();
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            release.Parameters.AddWithValue("key", StartupLockKey);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private sealed class AsAppDbContext(IDbContextFactory<PostgreSqlAppDbContext> inner) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<AppDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await inner.CreateDbContextAsync(cancellationToken);
    }

    /// <summary>
    /// Moves the sequence of every integer identity key past the largest key in its table: keys given explicitly (EF
    /// inserts of entities with an id set, as the demo seeders do) do not move PostgreSQL's sequences.
    /// </summary>
    public static async Task AdvanceIdentitySequencesAsync(AppDbContext db, CancellationToken ct = default)
    {
        var sql = db.GetService<Microsoft.EntityFrameworkCore.Storage.ISqlGenerationHelper>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            if (entity.GetTableName() is not { } tableName || entity.GetViewName() is not null
                || entity.FindPrimaryKey() is not { Properties: [{ ValueGenerated: Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAdd } key] }
                || (key.ClrType != typeof(int) && key.ClrType != typeof(long)))
            {
                continue;
            }

            var schema = entity.GetSchema();
            var table = sql.DelimitIdentifier(tableName, schema);
            var column = key.GetColumnName(Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(tableName, schema))!;
#pragma warning disable EF1002 // identifiers from the model, delimited; no user input
            await db.Database.ExecuteSqlRawAsync(IdentitySequences.AdvancePastLargestKeySql(table, column), ct);
#pragma warning restore EF1002
        }
    }
}
