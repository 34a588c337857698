using System.Globalization;
using System.Security.Claims;
using Bunit;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;

namespace KopUkm.Dashboard.Tests.TestInfrastructure;

/// <summary>
/// bunit context with MudBlazor, the app's real resources and the app's real authorization policies; the signed-in
/// user is a principal with the given role, so policy evaluation is the production one.
/// </summary>
public abstract class AppBunitContext : BunitContext, IAsyncLifetime
{
    private readonly TestAuthenticationStateProvider authentication = new();
    private TimeProvider? appClock;

    protected AppBunitContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddAppLocalization();
        // Components read the pinned clock, never the system one: the app's own when UseApp named one (resolved at
        // first render, after the test's arrange step).
        Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_ => appClock ?? TestClock.Pinned()));
        Services.AddAppAuthorization();
        Services.AddAuthorizationCore();
        // bunit registers a placeholder; the real service evaluates the app's real policies.
        Services.Replace(ServiceDescriptor.Singleton<IAuthorizationService, DefaultAuthorizationService>());
        Services.AddCascadingAuthenticationState();
        Services.AddSingleton<AuthenticationStateProvider>(authentication);
        SetRendererInfo(new RendererInfo("Server", true));
        UseCulture("id-ID");
    }

    /// <summary>
    /// Resolves what the context lacks from <paramref name="app"/> (the real feature services on a real database), and
    /// makes the app's fake clock the only clock: data arranged on it and pages rendering it agree on "now".
    /// </summary>
    protected void UseApp(TestServices app)
    {
        appClock = app.Clock;
        Services.AddFallbackServiceProvider(app.Services);
    }

    protected static void UseCulture(string name) =>
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);

    protected void SignInAs(string role, int divisionId = 1)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, "u-1"),
                new Claim(ClaimTypes.Name, "tester@kopukm.test"),
                new Claim(ClaimTypes.Role, role),
                new Claim(AppClaimTypes.FullName, "Penguji Satu"),
                new Claim(AppClaimTypes.DivisionId, divisionId.ToString(CultureInfo.InvariantCulture)),
                new Claim(AppClaimTypes.DivisionCode, "UMK"),
            ],
            "Test");
        authentication.Set(new ClaimsPrincipal(identity));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    private sealed class TestAuthenticationStateProvider : AuthenticationStateProvider
    {
        private ClaimsPrincipal principal = new(new ClaimsIdentity());

        public void Set(ClaimsPrincipal user)
        {
            principal = user;
            NotifyAuthenticationStateChanged(GetAuthenticationStateAsync());
        }

        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(principal));
    }
}
