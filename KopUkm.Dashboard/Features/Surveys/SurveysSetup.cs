using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Tickets;

namespace KopUkm.Dashboard.Features.Surveys;

public static class SurveysSetup
{
    /// <summary>The IKM satisfaction survey: links, invitations on resolution, answers, results, follow-up plans, demo answers.</summary>
    public static IServiceCollection AddSurveys(this IServiceCollection services)
    {
        services.AddSingleton<IkmSurveyLinks>();
        services.AddScoped<IkmSurveys>();
        services.AddScoped<ITicketResolvedHandler>(sp => sp.GetRequiredService<IkmSurveys>());
        services.AddScoped<IkmResults>();
        services.AddScoped<IkmFollowUps>();
        services.AddDemoSeeder<Demo.IkmDemoSeeder>();
        return services;
    }
}
