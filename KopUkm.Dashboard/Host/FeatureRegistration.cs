using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Features.Assignments;
using KopUkm.Dashboard.Features.Audit;
using KopUkm.Dashboard.Features.Backups;
using KopUkm.Dashboard.Features.Calendar;
using KopUkm.Dashboard.Features.Content;
using KopUkm.Dashboard.Features.Cooperatives;
using KopUkm.Dashboard.Features.Dashboard;
using KopUkm.Dashboard.Features.Email;
using KopUkm.Dashboard.Features.Guide;
using KopUkm.Dashboard.Features.Metrics;
using KopUkm.Dashboard.Features.Notifications;
using KopUkm.Dashboard.Features.Open311;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.PublicPortal.Requests;
using KopUkm.Dashboard.Features.ServiceCatalog;
using KopUkm.Dashboard.Features.Surveys;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Features.Users;
using KopUkm.Dashboard.Host.Demo;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Host;

public static class FeatureRegistration
{
    /// <summary>
    /// The shared kernel, then every feature, each registering itself: adding a feature adds one line here. Services
    /// open their own DbContext per call, so scoped is right in a circuit.
    /// </summary>
    public static IServiceCollection AddFeatureServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOrganization();
        services.AddCalendar();
        services.AddNotifications();
        services.AddEmail();

        services.AddServiceCatalog();
        services.AddCooperatives(configuration);
        services.AddTickets(configuration);
        services.AddPublicRequests();
        services.AddOpen311();
        services.AddSurveys();
        services.AddContent(configuration);
        services.AddAssignments(configuration);
        services.AddDashboard(configuration);
        services.AddMetrics(configuration);
        services.AddUsers(configuration);
        services.AddAudit(configuration);
        services.AddBackups(configuration);
        services.AddGuide();

        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DemoOptions>, DemoOptionsValidator>();
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<ScaleDemoSeeder>();
        return services;
    }
}
