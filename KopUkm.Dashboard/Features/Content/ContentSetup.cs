using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Content.Cadence;
using KopUkm.Dashboard.Features.Content.Fetch;
using KopUkm.Dashboard.Features.Content.Import;
using KopUkm.Dashboard.Features.Content.LiveCheck;
using KopUkm.Dashboard.Features.Content.Settings;

namespace KopUkm.Dashboard.Features.Content;

public static class ContentSetup
{
    /// <summary>Each division's content queue, inventory import, settings, social cadence, the live-site check and the content jobs.</summary>
    public static IServiceCollection AddContent(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ContentQueues>();
        services.AddScoped<ContentDetails>();
        services.AddScoped<ContentEditing>();
        services.AddScoped<ContentMoves>();
        services.AddScoped<Standards.PublicServiceStandards>();
        services.AddScoped<IServiceStandardChangedHandler, ContentServiceStandardHandler>();
        services.AddScoped<IWorkItemSource, ContentWorkItemSource>();
        services.AddScoped<ContentReviewAgeService>();
        services.AddScoped<ContentDigestService>();
        services.AddScoped<ContentJobsService>();
        services.AddScoped<IReferenceSeeder, ContentReferenceSeeder>();
        services.AddSettings<ContentImportOptions>("Content:Import");
        services.AddFetchGuard(configuration);
        SitemapCollector.Configure(services);
        services.AddScoped<SitemapCollector>();
        services.AddScoped<ContentInventoryImportService>();
        services.AddScoped<ContentSettingsService>();
        services.AddScoped<SocialCadenceService>();
        services.AddScoped<ContentLiveCheckService>();
        services.AddScoped<LiveCheckProgress>();
        services.AddLiveSiteChecker(configuration);
        services.AddScoped<ContentReviewAgeJob>();
        services.AddScoped<ContentDigestJob>();
        services.AddScoped<ContentLiveCheckJob>();
        services.AddDemoSeeder<ContentDemoSeeder>();
        services.AddScoped<Standards.ServiceStandardDemoSeeder>();
        services.AddScoped<IDemoSeeder>(sp => sp.GetRequiredService<Standards.ServiceStandardDemoSeeder>());
        return services;
    }
}
