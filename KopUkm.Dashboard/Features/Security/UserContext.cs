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
        return new UserContext(
            principal.FindFirstValue(ClaimTypes.NameIdentifier),
            name,
            roles,
            divisionId,
            principal.FindFirstValue(AppClaimTypes.DivisionCode));
    }
}
