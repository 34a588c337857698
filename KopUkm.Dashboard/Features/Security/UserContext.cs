using System.Globalization;
using System.Security.Claims;

namespace KopUkm.Dashboard.Features.Security;

/// <summary>Who is acting: the signed-in user, or the system (jobs, command line).</summary>
public sealed record UserContext(
    string? UserId,
    string DisplayName,
    IReadOnlySet<string> Roles,
    int? DivisionId,
    string? DivisionCode)
{
    /// <summary>
    /// The sign-in session this user acts in (from a cookie), checked against the database before every command;
    /// null for the system, and for principals that never came from a sign-in.
    /// </summary>
    public UserSession? Session { get; init; }

    public static UserContext System { get; } = new(null, "Sistem", new HashSet<string>(), null, null);

    public static UserContext Anonymous { get; } = new(null, "Anonim", new HashSet<string>(), null, null);

    public bool IsAuthenticated => UserId is not null;

    public bool IsInRole(string role) => Roles.Contains(role);

    /// <summary>Administrator and Pimpinan see every division; everyone else only their own.</summary>
    public bool SeesAllDivisions => AppRoles.OfficeWide.Any(Roles.Contains);

    public bool Has(string permission) => Permissions.IsGrantedTo(permission, Roles);

    public bool CanAccessDivision(int divisionId) => SeesAllDivisions || DivisionId == divisionId;

    public static UserContext FromPrincipal(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }

        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();
        var divisionId = int.TryParse(principal.FindFirstValue(AppClaimTypes.DivisionId), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
            ? id
            : (int?)null;
        var name = principal.FindFirstValue(AppClaimTypes.FullName) ?? principal.Identity.Name ?? "?";
        var stamp = principal.FindFirstValue(SecurityStampClaimType);
        var started = DateTime.TryParse(principal.FindFirstValue(AppClaimTypes.SessionStartedAt), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at
            : (DateTime?)null;
        return new UserContext(
            principal.FindFirstValue(ClaimTypes.NameIdentifier),
            name,
            roles,
            divisionId,
            principal.FindFirstValue(AppClaimTypes.DivisionCode))
        {
            Session = stamp is null ? null : new UserSession(stamp, started),
        };
    }

    /// <summary>Where Identity puts the security stamp in a sign-in cookie (its default claim type).</summary>
    public static readonly string SecurityStampClaimType = new Microsoft.AspNetCore.Identity.ClaimsIdentityOptions().SecurityStampClaimType;
}

/// <param name="SecurityStamp">The user's security stamp when the cookie was issued.</param>
/// <param name="StartedAtUtc">When the user signed in; null for a cookie issued before sessions recorded it.</param>
public sealed record UserSession(string SecurityStamp, DateTime? StartedAtUtc);

/// <summary>
/// Says whether a sign-in session still stands: the user exists in this database and is active, the security stamp
/// is the current one (a logout, password change, role change or disabling renews it) and the absolute session
/// lifetime has not passed. Checked on every HTTP request, at each circuit revalidation and before every command.
/// </summary>
public interface ISessionCheck
{
    Task<bool> IsCurrentAsync(string? userId, UserSession? session, CancellationToken ct = default);
}
