using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Email.Delivery;
using KopUkm.Dashboard.Features.Email.Pages;
using KopUkm.Dashboard.Features.Email.StaffCopies;
using KopUkm.Dashboard.Features.Notifications;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Features.Email;

public static class EmailSetup
{
    /// <summary>
    /// E-mail (shared kernel): the transactional outbox features write to, its SMTP sender, the administrators' outbox
    /// page and staff e-mail copies of notifications. Settings: <c>Email</c> and <c>App:PublicBaseUrl</c> (docs/email.md).
    /// </summary>
    public static IServiceCollection AddEmail(this IServiceCollection services)
    {
        services.AddSettings<EmailOptions>(EmailOptions.SectionName);
        services.AddSettings<AppOptions>(AppOptions.SectionName);
        services.AddSingleton<IValidateOptions<EmailOptions>, LinksNeededForEmail>();
        services.AddSingleton<IEmailOutbox, EmailOutbox>();
        services.AddScoped<OutboxSender>();
        services.AddScoped<OutboxAdmin>();
        services.AddScoped<NotificationEmailSettings>();
        services.AddScoped<NotificationEmailDigest>();
        services.AddScoped<INotificationCompanion, NotificationEmailCopies>();
        return services;
    }

    /// <summary>Messages carry links to the app, built on <c>App:PublicBaseUrl</c>: once they are really sent, it must be set.</summary>
    private sealed class LinksNeededForEmail(IOptions<AppOptions> app) : IValidateOptions<EmailOptions>
    {
        public ValidateOptionsResult Validate(string? name, EmailOptions options) =>
            options.DeliveryEnabled && string.IsNullOrWhiteSpace(app.Value.PublicBaseUrl)
                ? ValidateOptionsResult.Fail(SettingsRegistration.Sentence($"{AppOptions.SectionName}:{nameof(AppOptions.PublicBaseUrl)}", "RequiredForEmail"))
                : ValidateOptionsResult.Success;
    }
}
