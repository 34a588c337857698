using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Guide.Tour;

namespace KopUkm.Dashboard.Features.Guide;

public static class GuideSetup
{
    /// <summary>The in-app guide (<c>/panduan</c>), the first-login tour and the printable SOP. Settings: <c>Guide</c>.</summary>
    public static IServiceCollection AddGuide(this IServiceCollection services)
    {
        services.AddSettings<GuideOptions>(GuideOptions.SectionName);
        services.AddSingleton<GuideTexts>();
        services.AddScoped<TourService>();
        return services;
    }
}
