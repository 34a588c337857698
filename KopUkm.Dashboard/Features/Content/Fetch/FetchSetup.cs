using KopUkm.Dashboard.Common;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KopUkm.Dashboard.Features.Content.Fetch;

public static class FetchSetup
{
    /// <summary>
    /// Registers the <see cref="FetchGuard"/> with its settings (section <c>Content:Fetch</c>, checked at start; it also
    /// reads <c>Content:LiveCheck:SiteUrl</c>). Each part that fetches from the web calls this and builds its HTTP
    /// client on <see cref="FetchGuard.CreateHandler"/>.
    /// </summary>
    public static IServiceCollection AddFetchGuard(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(FetchGuard)))
        {
            return services;
        }

        services.AddSettings<FetchOptions>(configuration, FetchOptions.SectionName);
        services.TryAddSingleton<FetchGuard>();
        return services;
    }
}
