using KopUkm.Dashboard.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KopUkm.Dashboard.Data;

/// <summary>Which database the app runs on. SQLite is the embedded default; PostgreSQL is the scale-out path.</summary>
public enum DatabaseProvider
{
    Sqlite = 1,
    PostgreSQL = 2,
}

/// <summary>
/// Database settings (section <c>Database</c>, plus <c>ConnectionStrings:Default</c>, which is read into
/// <see cref="ConnectionString"/> so both are checked together).
/// </summary>
public sealed class DatabaseOptions : ISettings
{
    /// <summary>The full key of the connection string, outside this section.</summary>
    public const string ConnectionStringKey = "ConnectionStrings:Default";

    /// <summary><c>Sqlite</c>, the embedded default, or <c>PostgreSQL</c> for several instances on one database.</summary>
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>
    /// <c>ConnectionStrings:Default</c>: optional on SQLite (the data folder's file by default), required on
    /// PostgreSQL (an Npgsql connection string: <c>Host=…;Database=…;Username=…;Password=…</c>).
    /// </summary>
    public string? ConnectionString { get; set; }

    public DatabaseProvider ProviderKind => Parse(Provider) ?? DatabaseProvider.Sqlite;

    public static DatabaseProvider? Parse(string? name) =>
        Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(name, out _) ? kind : null;

    /// <summary>The settings as the app reads them from its configuration (used while registering services).</summary>
    public static DatabaseOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        options.ConnectionString = configuration.GetConnectionString("Default");
        return options;
    }

    public IEnumerable<SettingProblem> Check()
    {
        if (Parse(Provider) is not { } kind)
        {
            return [new SettingProblem(nameof(Provider), "OneOf", Provider, string.Join(", ", Enum.GetNames<DatabaseProvider>()))];
        }

        if (kind != DatabaseProvider.PostgreSQL)
        {
            return [];
        }

        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            return [new SettingProblem(ConnectionStringKey, "PostgreSqlConnectionRequired") { IsFullKey = true }];
        }

        try
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
            return string.IsNullOrWhiteSpace(builder.Host) ? [new SettingProblem(ConnectionStringKey, "NotNpgsqlConnection") { IsFullKey = true }] : [];
        }
        catch (ArgumentException)
        {
            // Never echo the value: it holds the password.
            return [new SettingProblem(ConnectionStringKey, "NotNpgsqlConnection") { IsFullKey = true }];
        }
    }
}

public static class DatabaseSetup
{
    /// <summary>
    /// Registers <see cref="IDbContextFactory{AppDbContext}"/> (one context per operation) and a scoped
    /// <see cref="AppDbContext"/> for ASP.NET Core Identity. The provider is chosen by <c>Database:Provider</c>.
    /// </summary>
    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<DatabaseOptions>("Database")
            .PostConfigure<IConfiguration>((options, config) => options.ConnectionString = config.GetConnectionString("Default"));
        // The provider is chosen while registering; an unknown one stops start-up through the check above.
        var provider = DatabaseOptions.From(configuration).ProviderKind;
        services.AddSingleton<DataPaths>();
        services.TryAddSingleton<InstanceIdentity>();
        if (provider == DatabaseProvider.PostgreSQL)
        {
            // An empty connection string stops start-up through the check above, before anything connects.
            PostgreSql.PostgreSqlDatabase.Register(services, configuration.GetConnectionString("Default") ?? "");
            services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<PostgreSql.PostgreSqlAppDbContext>());
            return services;
        }

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
    /// Runs start-up writes (migrations, reference and demo seeding, backfills) so that several instances starting at
    /// once never do them twice: on PostgreSQL under a session advisory lock (the others wait, then find nothing to
    /// do); on SQLite the data-folder lock already keeps a second instance out, so the work just runs.
    /// </summary>
    public static async Task UnderStartupLockAsync(IServiceProvider services, Func<Task> work, CancellationToken ct = default)
    {
        if (DatabaseOptions.From(services.GetRequiredService<IConfiguration>()).ProviderKind != DatabaseProvider.PostgreSQL)
        {
            await work();
            return;
        }

        await using var scope = services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
        await PostgreSql.PostgreSqlDatabase.WithStartupLockAsync(db, work, ct);
    }

    /// <summary>
    /// After rows were written with keys of their own (the demo seeders give ids, so that codes and child rows are
    /// known before the insert): on PostgreSQL every identity sequence is moved past the largest key, or the next
    /// ordinary insert would be handed a key already taken. SQLite numbers new rows after the largest key itself.
    /// </summary>
    public static async Task AdvanceIdentitySequencesAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
        if (db.Database.IsNpgsql())
        {
            await PostgreSql.PostgreSqlDatabase.AdvanceIdentitySequencesAsync(db, ct);
        }
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
