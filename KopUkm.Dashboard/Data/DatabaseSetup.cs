using KopUkm.Dashboard.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Data;

/// <summary>Which database the app runs on. SQLite is the embedded default; PostgreSQL is the scale-out path.</summary>
public enum DatabaseProvider
{
    Sqlite = 1,
}

/// <summary>Database settings (section <c>Database</c>).</summary>
public sealed class DatabaseOptions : ISettings
{
    /// <summary><c>Sqlite</c>, the embedded default.</summary>
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    public DatabaseProvider ProviderKind => Enum.TryParse<DatabaseProvider>(Provider, ignoreCase: true, out var kind) && Enum.IsDefined(kind) ? kind : DatabaseProvider.Sqlite;

    public IEnumerable<SettingProblem> Check() =>
        Enum.TryParse<DatabaseProvider>(Provider, ignoreCase: true, out var kind) && Enum.IsDefined(kind)
            ? []
            : [new SettingProblem(nameof(Provider), "OneOf", Provider, string.Join(", ", Enum.GetNames<DatabaseProvider>()))];
}

public static class DatabaseSetup
{
    /// <summary>
    /// Registers <see cref="IDbContextFactory{AppDbContext}"/> (one context per operation) and a scoped
    /// <see cref="AppDbContext"/> for ASP.NET Core Identity. The provider is chosen by <c>Database:Provider</c>.
    /// </summary>
    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<DatabaseOptions>("Database");
        // The provider is chosen while registering; an unknown one stops start-up through the check above.
        var provider = (configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions()).ProviderKind;
        services.AddSingleton<DataPaths>();
        services.AddDbContextFactory<AppDbContext>(
            (sp, options) =>
            {
                switch (provider)
                {
                    case DatabaseProvider.Sqlite:
                        options.UseSqlite(SqliteConnectionString(configuration, sp.GetRequiredService<DataPaths>()));
                        break;
                    default:
                        throw new InvalidOperationException($"Database provider '{provider}' is not supported.");
                }
            },
            // Scoped so each context can learn who is saving (for the audit trail) from the circuit or request.
            ServiceLifetime.Scoped);
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        return services;
    }

    /// <summary>
    /// The configured connection string, or the database file in the data folder. A long busy timeout lets
    /// concurrent writers wait for each other instead of failing with "database is locked".
    /// </summary>
    public static string SqliteConnectionString(IConfiguration configuration, DataPaths paths)
    {
        var configured = configuration.GetConnectionString("Default");
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? $"Data Source={paths.DatabaseFile}" : configured)
        {
            DefaultTimeout = 30,
            Pooling = true,
        };
        return builder.ToString();
    }

    /// <summary>
    /// Creates the data folder, applies pending migrations and switches SQLite to WAL journaling. On a database that
    /// already has migrations, every <see cref="IBeforeMigrations"/> runs first (the backups feature takes a copy).
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        services.GetRequiredService<DataPaths>().EnsureCreated();
        await using var scope = services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0 && (await db.Database.GetAppliedMigrationsAsync(ct)).Any())
        {
            foreach (var hook in scope.ServiceProvider.GetServices<IBeforeMigrations>())
            {
                await hook.BeforeMigratingAsync(db, pending, ct);
            }
        }

        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers work while one writer writes; it is a property of the file and persists.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}
