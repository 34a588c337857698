using Microsoft.AspNetCore.Components.Authorization;

namespace KopUkm.Dashboard.Features.Security;

/// <summary>Reads the acting user, wherever code runs: an interactive circuit, a plain HTTP request, or a job.</summary>
public interface ICurrentUserAccessor
{
    Task<UserContext> GetAsync();
}

/// <summary>
/// Circuits know their user through the <see cref="AuthenticationStateProvider"/>; minimal-API endpoints only
/// through <see cref="HttpContext"/>; Hangfire jobs and operator commands have neither and act as the system.
/// </summary>
public sealed class CurrentUserAccessor(IServiceProvider services, IHttpContextAccessor httpContextAccessor) : ICurrentUserAccessor
{
    public async Task<UserContext> GetAsync()
    {
        var provider = services.GetService<AuthenticationStateProvider>();
        if (provider is not null)
        {
            try
            {
                var state = await provider.GetAuthenticationStateAsync();
                if (state.User.Identity?.IsAuthenticated == true)
                {
                    return UserContext.FromPrincipal(state.User);
                }
            }
            catch (InvalidOperationException)
            {
                // Outside a component render no authentication state was ever set: fall through.
            }
        }

        var httpUser = httpContextAccessor.HttpContext?.User;
        if (httpUser?.Identity?.IsAuthenticated == true)
        {
            return UserContext.FromPrincipal(httpUser);
        }

        return httpContextAccessor.HttpContext is null ? UserContext.System : UserContext.Anonymous;
    }
}

/// <summary>Names the acting user in the audit trail, or the job that named itself in this scope.</summary>
public sealed class CurrentUserAuditActorSource(ICurrentUserAccessor currentUser, Data.Auditing.JobActor jobActor) : Data.Auditing.IAuditActorSource
{
    public async Task<Data.Auditing.AuditActor> GetActorAsync()
    {
        if (jobActor.Job is { } job)
        {
            return Data.Auditing.AuditActor.ForJob(job);
        }

        var user = await currentUser.GetAsync();
        return user.IsAuthenticated ? new(user.UserId, user.DisplayName) : new(null, user.DisplayName);
    }
}
