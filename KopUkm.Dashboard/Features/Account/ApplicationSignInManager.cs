using KopUkm.Dashboard.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Features.Account;

/// <summary>
/// Refuses sign-in to disabled users, with the same result as a wrong password; and spends the same work on an
/// unknown e-mail or a locked account as on a wrong password, so the answer's timing says nothing about which it was.
/// </summary>
public sealed class ApplicationSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    // A hash of a random password under the app's own hashing settings, computed once: verifying against it costs
    // what verifying a real user's password costs.
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<ApplicationUser>(
        Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = IdentitySetup.PasswordHashIterations })).HashPassword(new ApplicationUser(), Guid.NewGuid().ToString()));

    public override async Task<bool> CanSignInAsync(ApplicationUser user) =>
        user.IsActive && await base.CanSignInAsync(user);

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null || await UserManager.IsLockedOutAsync(user))
        {
            UserManager.PasswordHasher.VerifyHashedPassword(user ?? new ApplicationUser(), DecoyHash.Value, password);
            return user is null ? SignInResult.Failed : SignInResult.LockedOut;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }
}
