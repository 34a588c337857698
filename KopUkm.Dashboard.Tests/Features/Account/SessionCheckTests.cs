using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KopUkm.Dashboard.Tests.Features.Account;

/// <summary>Commands in an open circuit check the session too, not only the next revalidation a minute later.</summary>
public sealed class SessionCheckTests : IAsyncLifetime
{
    private TestServices app = default!;
    private string userId = "";

    public async Task InitializeAsync()
    {
        app = await TestServices.CreateAsync();
        userId = await app.CreateUserAsync("sesi@kopukm.test", "Sesi Uji", AppRoles.Petugas, 1);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private async Task<UserContext> SignedInAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
        var principal = await signIn.CreateUserPrincipalAsync((await signIn.UserManager.FindByIdAsync(userId))!);
        return UserContext.FromPrincipal(principal);
    }

    private async Task ChangeUserAsync(Func<UserManager<ApplicationUser>, ApplicationUser, Task> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        await change(users, (await users.FindByIdAsync(userId))!);
    }

    [Fact]
    public async Task A_signed_in_user_carries_a_session_that_stands()
    {
        var user = await SignedInAsync();
        app.User.Current = user;

        Assert.NotNull(user.Session);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, user.Session.StartedAtUtc);
        Assert.Equal(userId, (await app.Get<AccessGuard>().DemandAsync(Permissions.ViewTickets)).UserId);
    }

    [Fact]
    public async Task A_command_after_the_stamp_changed_elsewhere_is_refused_at_once()
    {
        app.User.Current = await SignedInAsync();

        await ChangeUserAsync((users, user) => users.UpdateSecurityStampAsync(user));

        await Assert.ThrowsAsync<AccessDeniedException>(() => app.Get<AccessGuard>().DemandAsync(Permissions.ViewTickets));
    }

    [Fact]
    public async Task A_command_by_a_disabled_user_is_refused()
    {
        app.User.Current = await SignedInAsync();

        await ChangeUserAsync((users, user) =>
        {
            user.IsActive = false;
            return users.UpdateAsync(user);
        });

        await Assert.ThrowsAsync<AccessDeniedException>(() => app.Get<AccessGuard>().DemandAsync(Permissions.ViewTickets));
    }

    [Fact]
    public async Task A_session_past_its_absolute_lifetime_is_refused()
    {
        app.User.Current = await SignedInAsync();
        app.Clock.Advance(TimeSpan.FromHours(11.9));
        await app.Get<AccessGuard>().DemandAsync(Permissions.ViewTickets);

        app.Clock.Advance(TimeSpan.FromHours(0.2));

        await Assert.ThrowsAsync<AccessDeniedException>(() => app.Get<AccessGuard>().DemandAsync(Permissions.ViewTickets));
    }

    [Fact]
    public async Task A_session_naming_a_user_this_database_does_not_know_is_refused()
    {
        var stranger = await SignedInAsync() with { UserId = Guid.NewGuid().ToString() };

        Assert.False(await app.Get<ISessionCheck>().IsCurrentAsync(stranger.UserId, stranger.Session));
    }
}
