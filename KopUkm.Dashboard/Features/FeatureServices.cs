using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Account;
using KopUkm.Dashboard.Features.Backups;
using KopUkm.Dashboard.Features.Calendar;
using KopUkm.Dashboard.Features.Content.LiveCheck;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.ServiceCatalog;
using KopUkm.Dashboard.Features.Users;

namespace KopUkm.Dashboard.Features;

public static class FeatureServices
{
    /// <summary>Each feature's services. Services open their own DbContext per call, so scoped is right in a circuit.</summary>
    public static IServiceCollection AddFeatureServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<ScaleDemoSeeder>();
        services.AddScoped<IReferenceSeeder, Cooperatives.CooperativeReferenceSeeder>();
        services.Configure<Cooperatives.CooperativeOptions>(configuration.GetSection("Cooperatives"));
        services.AddScoped<Cooperatives.CooperativeService>();
        services.AddScoped<Cooperatives.Import.CooperativeImportService>();
        services.AddScoped<Cooperatives.Cases.RegistrationCaseService>();
        services.AddScoped<Cooperatives.Cases.StageTargetService>();
        services.Configure<Tickets.TicketOptions>(configuration.GetSection("Tickets"));
        services.AddScoped<Tickets.TicketSlaProjector>();
        services.AddScoped<Tickets.TicketService>();
        services.AddScoped<Tickets.TicketSlaMonitor>();
        services.AddScoped<Tickets.TicketSettingsService>();
        services.AddScoped<Tickets.TicketDemoSeeder>();
        services.AddScoped<Assignments.ItTaskService>();
        services.AddScoped<Assignments.ItTaskDemoSeeder>();
        services.AddScoped<IDataBackfill, Tickets.TicketWorkingDurationBackfill>();
        services.AddScoped<IDataBackfill, Cooperatives.Cases.CaseStageDurationBackfill>();
        services.AddScoped<Cooperatives.SupervisionService>();
        services.AddScoped<Cooperatives.CooperativeDemoSeeder>();
        services.AddScoped<Content.ContentService>();
        services.AddScoped<Content.ContentReviewAgeService>();
        services.AddScoped<Content.ContentDigestService>();
        services.AddScoped<Content.ContentDemoSeeder>();
        services.AddScoped<Content.LiveCheck.ContentLiveCheckService>();
        services.AddSingleton<Content.LiveCheck.LiveCheckProgress>();
        services.AddScoped<Content.ContentJobsService>();
        services.AddScoped<IReferenceSeeder, Content.Settings.ContentReferenceSeeder>();
        services.Configure<Content.Import.ContentImportOptions>(configuration.GetSection("Content:Import"));
        Content.Import.SitemapCollector.Configure(services);
        services.AddScoped<Content.Import.SitemapCollector>();
        services.AddScoped<Content.Import.ContentInventoryImportService>();
        services.AddScoped<Content.Settings.ContentSettingsService>();
        services.AddScoped<Content.Cadence.SocialCadenceService>();
        services.AddScoped<OrganizationService>();
        services.AddScoped<ServiceCatalogService>();
        services.AddScoped<CalendarService>();
        services.AddSingleton<WorkingCalendarProvider>();
        services.AddScoped<UserAdministrationService>();
        services.AddScoped<ProfileService>();
        services.AddScoped<Notifications.NotificationService>();
        services.AddSingleton<ChangeNotifier>();
        services.AddScoped<Audit.AuditTrailService>();
        services.AddScoped<Dashboard.OfficeOverviewService>();
        services.AddSingleton<Dashboard.DashboardFeed>();
        services.AddScoped<Dashboard.DashboardService>();
        services.AddScoped<Dashboard.IDashboardContributor, Assignments.ItTaskDashboardContributor>();
        services.AddScoped<Metrics.CoordinationMetricsService>();
        services.Configure<BackupOptions>(configuration.GetSection("Backup"));
        services.AddSingleton<SqliteBackupService>();
        services.AddLiveSiteChecker(configuration);
        return services;
    }
}
