namespace KopUkm.Dashboard.Features.Users;

public static class UsersSetup
{
    /// <summary>User administration.</summary>
    public static IServiceCollection AddUsers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<UserAdministrationService>();
        return services;
    }
}
