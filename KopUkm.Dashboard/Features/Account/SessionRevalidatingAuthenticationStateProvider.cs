using KopUkm.Dashboard.Features.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Features.Account;

/// <summary>
/// Re-checks a connected circuit's session every <see cref="AuthOptions.SessionRevalidationInterval"/> (one minute by
/// default) through <see cref="ISessionCheck"/>: a renewed security stamp (logout, password changed or reset, role
/// changed), a disabled account or a session past its absolute lifetime ends it, and the layout sends the browser to
/// the login page. Commands in between are checked by the access guard.
/// </summary>
public sealed class SessionRevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    IOptions<AuthOptions> authOptions)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => authOptions.Value.SessionRevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var user = UserContext.FromPrincipal(authenticationState.User);
        return await scope.ServiceProvider.GetRequiredService<ISessionCheck>().IsCurrentAsync(user.UserId, user.Session, cancellationToken);
    }
}
