namespace KopUkm.Dashboard.Features.ServiceCatalog;

public static class ServiceCatalogSetup
{
    /// <summary>The SME service catalogue and its standards.</summary>
    public static IServiceCollection AddServiceCatalog(this IServiceCollection services)
    {
        services.AddScoped<ServiceCatalogService>();
        return services;
    }
}
