namespace KopUkm.Dashboard.Features.Audit;

public static class AuditSetup
{
    /// <summary>The audit trail page.</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AuditTrailService>();
        return services;
    }
}
