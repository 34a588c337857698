namespace KopUkm.Dashboard.Features.Dashboard;

public static class DashboardSetup
{
    /// <summary>The per-role dashboard and the shared snapshot feed behind it.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<OfficeOverviewService>();
        services.AddSingleton<DashboardFeed>();
        services.AddScoped<DashboardService>();
        return services;
    }
}
