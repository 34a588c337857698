using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.PostgreSql;
using KopUkm.Dashboard.Features.Security;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KopUkm.Dashboard.Jobs;

public static class JobsSetup
{
    public const string DashboardPath = "/jobs";

    /// <summary>Hangfire in-process: its own SQLite file beside the app database, a small worker pool.</summary>
    public static IServiceCollection AddAppJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<JobsOptions>("Jobs")
            .PostConfigure<IConfiguration>((o, config) => o.DatabaseProvider = config["Database:Provider"] is { Length: > 0 } p ? p : o.DatabaseProvider);
        // Read here as well: the storage is chosen while registering. A bad value still stops start-up (checked above).
        var options = JobsOptions.From(configuration);
        services.AddHangfire((sp, config) =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (options.EffectiveStorage == "InMemory")
            {
                config.UseInMemoryStorage();
            }
            else if (options.EffectiveStorage == "PostgreSQL")
            {
                // The app's own database, schema "hangfire", shared by every instance: one queue, one set of recurring
                // schedules, distributed locks (DisableConcurrentExecution) that hold across processes, and every
                // instance's server on the dashboard. The schema is created on first start (under its own lock).
                var connection = PostgreSqlDatabase.ConnectionString(configuration.GetConnectionString("Default") ?? "");
                config.UsePostgreSqlStorage(
                    bootstrap => bootstrap.UseNpgsqlConnection(connection),
                    new PostgreSqlStorageOptions
                    {
                        SchemaName = "hangfire",
                        PrepareSchemaIfNecessary = true,
                        QueuePollInterval = options.QueuePollInterval,
                    });
            }
            else
            {
                var paths = sp.GetRequiredService<DataPaths>();
                paths.EnsureCreated();
                // This storage takes a plain file path, not a "Data Source=" connection string.
                config.UseSQLiteStorage(paths.JobsDatabaseFile, new SQLiteStorageOptions { QueuePollInterval = options.QueuePollInterval });
            }
        });
        services.TryAddSingleton<InstanceIdentity>();
        services.AddHangfireServer((sp, server) =>
        {
            server.WorkerCount = options.WorkerCount;
            // A name of this instance's own (not the machine's: two instances may run on one machine, and tests run two
            // hosts in one process), so /health can tell this instance's server from the others in shared storage.
            server.ServerName = sp.GetRequiredService<InstanceIdentity>().JobServerName;
        });
        return services;
    }

    /// <summary>The Hangfire dashboard at /jobs, for Administrators only: everyone else is refused, not just unlinked.</summary>
    public static IEndpointRouteBuilder MapJobsDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHangfireDashboard(
                DashboardPath,
                new DashboardOptions
                {
                    // Hangfire's default filter allows any local request; the endpoint policy below decides instead.
                    Authorization = [],
                    DashboardTitle = "KopUkm — Job",
                    AppPath = "/",
                    DisplayStorageConnectionString = false,
                })
            .RequireAuthorization(Permissions.Administer);
        return endpoints;
    }
}
