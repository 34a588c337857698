using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Localization;
using MudBlazor;
using MudBlazor.Services;

namespace KopUkm.Dashboard.Localization;

public static class LocalizationSetup
{
    public const string Indonesian = "id-ID";
    public const string English = "en-US";

    /// <summary>Longer return paths are not followed (a proxy may refuse such a header); the page is not that deep.</summary>
    public const int MaxReturnPathLength = 2000;

    public static IReadOnlyList<CultureInfo> SupportedCultures { get; } = [new(Indonesian), new(English)];

    public static IServiceCollection AddAppLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddTransient<MudLocalizer, AppMudLocalizer>();
        // MudBlazor answers English readers from its own texts unless told otherwise ("1-25 of 3909", a hyphen and no
        // separators): English goes through the app's resources too, falling back to MudBlazor's for what they lack.
        services.AddLocalizationInterceptor(provider => new DefaultLocalizationInterceptor(
            provider.GetRequiredService<ILoggerFactory>(), provider.GetRequiredService<MudLocalizer>())
        {
            IgnoreDefaultEnglish = true,
        });
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

    /// <summary>
    /// GET /culture/set?culture=en-US&amp;redirectUri=/x stores the choice in a cookie for a year and returns. Whatever the
    /// parameters hold, the answer is a redirect to a path of this app (see <see cref="ReturnPath"/>).
    /// </summary>
    public static IEndpointRouteBuilder MapCultureEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/culture/set", (HttpContext context, string? culture, string? redirectUri) =>
        {
            if (SupportedCultures.Any(c => c.Name == culture))
            {
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture!)),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            }

            return Results.LocalRedirect(ReturnPath(redirectUri));
        });
        return endpoints;
    }

    /// <summary>
    /// Where to send the browser back to: <paramref name="redirectUri"/> when it is a path of this app, otherwise "/".
    /// Refused: anything not starting with a single "/" (other sites, "//host", "/\host", schemes such as
    /// javascript:), control characters (header injection) and more than <see cref="MaxReturnPathLength"/>
    /// characters. A Location header must be ASCII, so spaces and other characters are sent percent-encoded (UTF-8).
    /// </summary>
    public static string ReturnPath(string? redirectUri)
    {
        if (string.IsNullOrEmpty(redirectUri) || redirectUri.Length > MaxReturnPathLength || redirectUri[0] != '/'
            || (redirectUri.Length > 1 && redirectUri[1] is '/' or '\\') || redirectUri.Any(char.IsControl))
        {
            return "/";
        }

        var path = new StringBuilder(redirectUri.Length);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in redirectUri.EnumerateRunes())
        {
            if (rune.Value is > 0x20 and < 0x7F)
            {
                path.Append((char)rune.Value);
                continue;
            }

            foreach (var b in utf8[..rune.EncodeToUtf8(utf8)])
            {
                path.Append(CultureInfo.InvariantCulture, $"%{b:X2}");
            }
        }

        return path.Length > MaxReturnPathLength ? "/" : path.ToString();
    }
}
