using System.Text.Json;
using Hangfire;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KopUkm.Dashboard.Features.Health;

/// <summary>
/// <c>GET /health</c>: 200 when the database answers and this instance's own job server has a fresh heartbeat, 503
/// otherwise. Several instances share the job storage on PostgreSQL: another instance's server beating says nothing
/// about this one, so the check looks for this instance's server by its name (<see cref="InstanceIdentity"/>).
/// The body names each part and its state, nothing more (no connection strings, paths, server names or versions).
/// </summary>
public static class HealthSetup
{
    public static IServiceCollection AddAppHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            // Hangfire stamps heartbeats with the system clock, so they are judged against the same clock (not the app's
            // TimeProvider, which tests pin to another date).
            .Add(new HealthCheckRegistration(
                "jobs",
                sp => new JobServerHealthCheck(sp.GetRequiredService<JobStorage>(), sp.GetRequiredService<InstanceIdentity>(), TimeProvider.System),
                null,
                null));
        return services;
    }

    public static IEndpointRouteBuilder MapAppHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteJsonAsync }).AllowAnonymous();
        return endpoints;
    }

    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}

internal sealed class DatabaseHealthCheck(IDbContextFactory<AppDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            // A real query on a migrated table: an empty or foreign file "connects" but fails here.
            await db.Set<Organization.Division>().AsNoTracking().AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy("Database answers.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Database does not answer.");
        }
    }
}

/// <summary>Healthy when this instance's own job server (found by its name) has beaten recently; other instances' servers do not count.</summary>
internal sealed class JobServerHealthCheck(JobStorage storage, InstanceIdentity instance, TimeProvider clock) : IHealthCheck
{
    /// <summary>Hangfire servers beat every 30 seconds; a server silent for longer than this is considered gone.</summary>
    private static readonly TimeSpan HeartbeatTolerance = TimeSpan.FromMinutes(2);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var alive = storage.GetMonitoringApi().Servers()
                .Any(s => instance.IsOwnJobServer(s.Name) && s.Heartbeat is { } beat && now - beat < HeartbeatTolerance);
            return Task.FromResult(alive
                ? HealthCheckResult.Healthy("This instance's job server is running.")
                : HealthCheckResult.Unhealthy("This instance's job server is not running."));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Job storage does not answer."));
        }
    }
}
