namespace KopUkm.Dashboard.Features.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>Registers one authorization policy per permission, and the guard services use.</summary>
    public static IServiceCollection AddAppAuthorization(this IServiceCollection services)
    {
        var builder = services.AddAuthorizationBuilder();
        foreach (var (permission, roles) in Permissions.RolesByPermission)
        {
            builder.AddPolicy(permission, policy => policy.RequireAuthenticatedUser().RequireRole(roles));
        }

        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUserAccessor, CurrentUserAccessor>();
        services.AddScoped<AccessGuard>();
        services.AddScoped<Data.Auditing.JobActor>();
        services.AddScoped<Data.Auditing.IAuditActorSource, CurrentUserAuditActorSource>();
        return services;
    }
}
