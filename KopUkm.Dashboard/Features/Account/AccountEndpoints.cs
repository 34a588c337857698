using KopUkm.Dashboard.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace KopUkm.Dashboard.Features.Account;

public static class AccountEndpoints
{
    /// <summary>
    /// POST /Account/Logout (form post with an antiforgery token): renews the user's security stamp, so the session
    /// ends on the server too (a copied cookie stops working at once, as do the user's other sessions), then signs
    /// out and returns to the login page.
    /// </summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Account/Logout", async (HttpContext context, [FromServices] SignInManager<ApplicationUser> signInManager, [FromServices] IAntiforgery antiforgery) =>
            {
                // A cross-site page must not be able to sign the user out: the form carries a token bound to the user.
                if (!await antiforgery.IsRequestValidAsync(context))
                {
                    return Results.BadRequest();
                }

                if (await signInManager.UserManager.GetUserAsync(context.User) is { } user)
                {
                    await signInManager.UserManager.UpdateSecurityStampAsync(user);
                }

                await signInManager.SignOutAsync();
                return Results.LocalRedirect("~/Account/Login");
            });
        return endpoints;
    }
}
