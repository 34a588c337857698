namespace KopUkm.Dashboard.Features.Security;

/// <summary>
/// The one way services check authorization: every service method that reads or changes business data starts
/// with <see cref="DemandAsync"/> (and <see cref="DemandDivisionAsync"/> when the record belongs to a division),
/// so a page that forgot to hide a button still cannot perform the action.
/// </summary>
public sealed class AccessGuard(ICurrentUserAccessor currentUser, IEnumerable<ISessionCheck> sessionChecks)
{
    /// <summary>
    /// Returns the acting user if they hold <paramref name="permission"/> in a session that still stands; throws
    /// otherwise. A session ended elsewhere (logout, password or role change, disabled account, a cookie from another
    /// installation) is refused here at once, not at the circuit's next revalidation.
    /// </summary>
    public async Task<UserContext> DemandAsync(string permission)
    {
        var user = await currentUser.GetAsync();
        if (user.Session is not null)
        {
            foreach (var check in sessionChecks)
            {
                if (!await check.IsCurrentAsync(user.UserId, user.Session))
                {
                    throw new AccessDeniedException($"The session of user '{user.DisplayName}' has ended.");
                }
            }
        }

        if (!user.Has(permission))
        {
            throw new AccessDeniedException($"User '{user.DisplayName}' lacks permission '{permission}'.");
        }

        return user;
    }

    /// <summary>As <see cref="DemandAsync"/>, and the record's division must be the user's own unless they see all divisions.</summary>
    public async Task<UserContext> DemandDivisionAsync(string permission, int divisionId)
    {
        var user = await DemandAsync(permission);
        if (!user.CanAccessDivision(divisionId))
        {
            throw new AccessDeniedException($"User '{user.DisplayName}' may not act on division {divisionId}.");
        }

        return user;
    }
}
