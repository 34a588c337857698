using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Account.Passwords;
using KopUkm.Dashboard.Features.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace KopUkm.Dashboard.Features.Account;

public static class IdentitySetup
{
    /// <summary>PBKDF2 iterations for password hashes (OWASP's figure for PBKDF2-HMAC-SHA512).</summary>
    public const int PasswordHashIterations = 210_000;

    /// <summary>
    /// ASP.NET Core Identity in the app database: passwords of 12+ characters, not common and not the user's own name
    /// (<see cref="PasswordPolicyValidator"/>), hashed with PBKDF2 at 210,000 iterations, lockout after 5 failures for 15 minutes, and sessions re-checked every minute.
    /// </summary>
    public static IServiceCollection AddAppIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<AuthOptions>("Auth");
        services.AddScoped<ProfileService>();
        services.AddSingleton<DisplayNames>();

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, SessionRevalidatingAuthenticationStateProvider>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();

        services.AddScoped<ISessionCheck, SessionCheck>();
        services.AddAppDataProtection(configuration);
        services.AddLoginRateLimit();
        services.ConfigureApplicationCookie(options =>
        {
            // Every request re-checks the session against this database (one indexed lookup) instead of trusting the
            // cookie's claims for a minute: a cookie from another installation, or from before a logout, password or
            // role change, is refused at once. This replaces Identity's interval-based stamp validator.
            options.Events.OnValidatePrincipal = async context =>
            {
                var user = UserContext.FromPrincipal(context.Principal!);
                var sessions = context.HttpContext.RequestServices.GetRequiredService<ISessionCheck>();
                if (!await sessions.IsCurrentAsync(user.UserId, user.Session, context.HttpContext.RequestAborted))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
            };
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.Name = "KopUkm.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.ExpireTimeSpan = TimeSpan.FromHours(10);
            options.SlidingExpiration = true;
        });
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = PasswordHashIterations);

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireDigit = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<ApplicationSignInManager>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddPasswordValidator<PasswordPolicyValidator>()
            .AddDefaultTokenProviders();

        return services;
    }
}
