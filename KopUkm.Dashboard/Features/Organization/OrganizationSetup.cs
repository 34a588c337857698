namespace KopUkm.Dashboard.Features.Organization;

public static class OrganizationSetup
{
    /// <summary>Divisions and regions (shared kernel).</summary>
    public static IServiceCollection AddOrganization(this IServiceCollection services)
    {
        services.AddScoped<OrganizationService>();
        return services;
    }
}
