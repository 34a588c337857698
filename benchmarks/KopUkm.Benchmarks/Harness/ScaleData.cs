using System.Diagnostics;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Host.Demo;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace KopUkm.Benchmarks.Harness;

/// <summary>
/// A throwaway data set seeded at one scale by <see cref="ScaleDemoSeeder"/> (what <c>seed-demo --scale</c> runs): a data
/// folder with its SQLite file, or on PostgreSQL an empty database in the harness's throwaway cluster
/// (<see cref="PostgreSqlCluster"/>, the tests' own) seeded through the app with <c>Database:Provider=PostgreSQL</c>.
/// </summary>
internal sealed record ScaleData(DemoScale Scale, BenchProvider Provider, string Folder, string? ConnectionString, ScaleDemoSeedResult Seeded, long DatabaseBytes, string? ServerVersion = null)
{
    /// <summary>The app settings that put it on this data set's database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => Provider == BenchProvider.Sqlite
        ? new Dictionary<string, string?>()
        : new Dictionary<string, string?> { ["Database:Provider"] = "PostgreSQL", ["ConnectionStrings:Default"] = ConnectionString };

    /// <summary>The same as environment variables, for an app started as a process of its own.</summary>
    public IReadOnlyDictionary<string, string> Environment =>
        Settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value ?? "");

    public string ProviderName => HarnessOptions.Name(Provider);

    public static async Task<ScaleData> CreateAsync(DemoScale scale, int seed, BenchProvider provider)
    {
        var folder = Directory.CreateTempSubdirectory($"kopukm-bench-{scale.Name}-").FullName;
        string? connectionString = null;
        if (provider == BenchProvider.PostgreSql)
        {
            // The tests' pools are small (many databases at once); the app's instances here get the Npgsql default.
            connectionString = new NpgsqlConnectionStringBuilder(await PostgreSqlCluster.CreateEmptyDatabaseAsync()) { MaxPoolSize = 100 }.ToString();
        }

        var settings = new ScaleData(scale, provider, folder, connectionString, null!, 0).Settings;
        await using var app = BenchApp.Create(folder, settings);
        var started = Stopwatch.GetTimestamp();
        await app.PrepareAsync();
        var seeded = await app.Get<ScaleDemoSeeder>().SeedAsync(scale, seed);
        seeded = seeded with { Elapsed = Stopwatch.GetElapsedTime(started) };
        long bytes;
        string? version = null;
        if (provider == BenchProvider.Sqlite)
        {
            var file = app.DatabaseFile;
            SqliteConnection.ClearAllPools();
            bytes = new FileInfo(file).Length;
        }
        else
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var size = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
            bytes = (long)(await size.ExecuteScalarAsync())!;
            version = connection.PostgreSqlVersion.ToString();
        }

        return new ScaleData(scale, provider, folder, connectionString, seeded, bytes, version);
    }

    public void Delete()
    {
        SqliteConnection.ClearAllPools();
        if (ConnectionString is not null)
        {
            NpgsqlConnection.ClearAllPools();
            var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
            var database = builder.Database;
            builder.Database = "postgres";
            using var connection = new NpgsqlConnection(builder.ToString());
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing host; the temp folder is cleaned by the system.
        }
    }
}
