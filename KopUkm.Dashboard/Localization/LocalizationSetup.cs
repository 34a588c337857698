using System.Globalization;
using Microsoft.AspNetCore.Localization;
using MudBlazor;

namespace KopUkm.Dashboard.Localization;

public static class LocalizationSetup
{
    public const string Indonesian = "id-ID";
    public const string English = "en-US";

    public static IReadOnlyList<CultureInfo> SupportedCultures { get; } = [new(Indonesian), new(English)];

    public static IServiceCollection AddAppLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddTransient<MudLocalizer, AppMudLocalizer>();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<WibTime>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Indonesian);
            options.SupportedCultures = [.. SupportedCultures];
            options.SupportedUICultures = [.. SupportedCultures];
            // Indonesian unless the user chose otherwise: the browser's Accept-Language is deliberately not consulted.
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new QueryStringRequestCultureProvider()];
        });
        return services;
    }

    /// <summary>GET /culture/set?culture=en-US&amp;redirectUri=/x stores the choice in a cookie for a year and returns.</summary>
    public static IEndpointRouteBuilder MapCultureEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/culture/set", (HttpContext context, string culture, string? redirectUri) =>
        {
            if (SupportedCultures.Any(c => c.Name == culture))
            {
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            }

            var target = string.IsNullOrEmpty(redirectUri) || !redirectUri.StartsWith('/') || redirectUri.StartsWith("//", StringComparison.Ordinal)
                ? "/"
                : redirectUri;
            return Results.LocalRedirect(target);
        });
        return endpoints;
    }
}
