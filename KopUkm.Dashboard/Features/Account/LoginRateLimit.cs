using System.Threading.RateLimiting;
using KopUkm.Dashboard.Common;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Features.Account;

/// <summary>Login throttling (section <c>Auth</c>, key <c>LoginAttemptsPerMinute</c> lives on <see cref="AuthOptions"/>).</summary>
public static class LoginRateLimit
{
    public const string LoginPath = "/Account/Login";

    /// <summary>
    /// Sign-in posts are limited per client address (a fixed window of one minute), besides the lockout per account:
    /// guessing across many accounts from one address is slowed too. The count is shared by every instance on the
    /// database (<see cref="SharedRateCounters"/>). Refusals answer 429 with an Indonesian sentence.
    /// </summary>
    public static IServiceCollection AddLoginRateLimit(this IServiceCollection services)
    {
        services.AddSharedRateCounters();
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.Equals(LoginPath, StringComparison.OrdinalIgnoreCase))
                {
                    return RateLimitPartition.GetNoLimiter("");
                }

                var perMinute = context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.LoginAttemptsPerMinute;
                return SharedWindowRateLimiter.Partition(
                    context.RequestServices.GetRequiredService<SharedRateCounters>(), "login", ClientAddress.Of(context), perMinute, TimeSpan.FromMinutes(1));
            });
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, ct) =>
            {
                var text = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                context.HttpContext.Response.Headers.RetryAfter = "60";
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(text["Login.TooManyAttempts"], ct);
            };
        });
        return services;
    }
}
