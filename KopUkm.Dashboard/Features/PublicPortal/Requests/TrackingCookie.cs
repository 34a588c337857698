using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Features.PublicPortal.Requests;

/// <summary>
/// After the code and PIN (or the signed e-mail link), a short-lived, protected, HttpOnly cookie on /lacak opens that
/// one request: the tracking page and the applicant's files read it, nothing else does.
/// </summary>
public sealed class TrackingCookie(IDataProtectionProvider protection, IOptions<PublicRequestOptions> options, TimeProvider clock)
{
    public const string Name = ".KopUkm.Lacak";

    private readonly IDataProtector protector = protection.CreateProtector("KopUkm.PublicPortal.TrackingCookie.v1");

    public void Issue(HttpContext http, int ticketId)
    {
        var expires = clock.GetUtcNow().AddMinutes(options.Value.TrackingCookieMinutes);
        var value = protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{ticketId}|{expires.ToUnixTimeSeconds()}"));
        http.Response.Cookies.Append(Name, value, new CookieOptions
        {
            Path = "/lacak",
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            MaxAge = TimeSpan.FromMinutes(options.Value.TrackingCookieMinutes),
        });
    }

    public static void Clear(HttpContext http) =>
        http.Response.Cookies.Delete(Name, new CookieOptions { Path = "/lacak", Secure = http.Request.IsHttps, HttpOnly = true, SameSite = SameSiteMode.Lax });

    /// <summary>The request this browser may see now, or null.</summary>
    public int? Read(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(Name, out var value) || string.IsNullOrEmpty(value) || value.Length > 1000)
        {
            return null;
        }

        try
        {
            var parts = protector.Unprotect(value).Split('|');
            return parts.Length == 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
                && clock.GetUtcNow().ToUnixTimeSeconds() < expires
                ? id
                : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
