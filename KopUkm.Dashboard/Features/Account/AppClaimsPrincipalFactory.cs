using System.Globalization;
using System.Security.Claims;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Features.Account;

/// <summary>
/// Adds the user's name and division to the sign-in cookie so that every check can scope by division, and when the
/// session started, for its absolute lifetime.
/// </summary>
public sealed class AppClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    IDbContextFactory<AppDbContext> dbFactory,
    TimeProvider clock)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync();
        var divisionCode = await db.Set<Division>().Where(d => d.Id == user.DivisionId).Select(d => d.Code).FirstOrDefaultAsync();
        identity.AddClaim(new Claim(AppClaimTypes.FullName, user.FullName));
        identity.AddClaim(new Claim(AppClaimTypes.DivisionId, user.DivisionId.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(AppClaimTypes.DivisionCode, divisionCode ?? ""));
        identity.AddClaim(new Claim(AppClaimTypes.SessionStartedAt, clock.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture)));
        return identity;
    }
}
