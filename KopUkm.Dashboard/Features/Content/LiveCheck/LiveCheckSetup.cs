using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Content.Fetch;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Features.Content.LiveCheck;

public static class LiveCheckSetup
{
    /// <summary>
    /// Registers <see cref="LiveSiteChecker"/> with its settings (section <c>Content:LiveCheck</c>, checked at start),
    /// its named HTTP client on the fetch guard's handler, and the two shared singletons: the robots.txt cache (on the
    /// app clock) and the per-host pacer (on the real clock).
    /// </summary>
    public static IServiceCollection AddLiveSiteChecker(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSettings<LiveCheckOptions>(configuration, LiveCheckOptions.SectionName);
        services.AddFetchGuard(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RobotsCache>();
        services.TryAddSingleton(_ => new HostRequestPacer(TimeProvider.System));
        services.AddHttpClient(LiveSiteChecker.HttpClientName, (provider, client) =>
            {
                var settings = provider.GetRequiredService<IOptions<LiveCheckOptions>>().Value;
                client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", settings.UserAgent);
                client.DefaultRequestHeaders.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
                client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "id,en;q=0.8");
                // The checker applies its own per-request timeout, which also covers reading the body.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            // Redirects are followed by the checker so each hop is checked by the guard, recorded, paced and checked against robots.txt.
            .ConfigurePrimaryHttpMessageHandler(provider => provider.GetRequiredService<FetchGuard>().CreateHandler());
        services.TryAddTransient<LiveSiteChecker>();
        return services;
    }
}
