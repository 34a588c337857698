namespace KopUkm.Dashboard.Features.Email;

public static class EmailSetup
{
    /// <summary>E-mail (shared kernel): the transactional outbox features write to.</summary>
    public static IServiceCollection AddEmail(this IServiceCollection services)
    {
        services.AddSingleton<IEmailOutbox, EmailOutbox>();
        return services;
    }
}
