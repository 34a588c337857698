using KopUkm.Dashboard.Common;
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
        var value = ExpiringIdToken.Protect(protector, ticketId, clock.GetUtcNow().AddMinutes(options.Value.TrackingCookieMinutes));
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
    public int? Read(HttpContext http) =>
        http.Request.Cookies.TryGetValue(Name, out var value) ? ExpiringIdToken.Read(protector, value, clock.GetUtcNow()) : null;
}
