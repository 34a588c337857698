namespace KopUkm.Dashboard.Features.Metrics;

public static class MetricsSetup
{
    /// <summary>Coordination metrics for leadership.</summary>
    public static IServiceCollection AddMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<CoordinationMetricsService>();
        return services;
    }
}
