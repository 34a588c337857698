using KopUkm.Dashboard.Common;

namespace KopUkm.Dashboard.Features.Notifications;

public static class NotificationsSetup
{
    /// <summary>In-app notifications (shared kernel) and the change notifier open pages subscribe to.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddScoped<NotificationService>();
        services.AddSingleton<ChangeNotifier>();
        return services;
    }
}
