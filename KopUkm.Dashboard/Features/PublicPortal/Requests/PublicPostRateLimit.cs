using System.Threading.RateLimiting;
using KopUkm.Dashboard.Common;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Features.PublicPortal.Requests;

/// <summary>
/// ASP.NET Core rate limiting for every form post on the public pages (the policy is named on the pages through
/// <c>[EnableRateLimiting(PublicPostRateLimit.Policy)]</c>): a fixed window of one minute per client address, counted
/// in the database so every instance shares it (<see cref="SharedRateCounters"/>); reading pages unlimited. A refusal
/// answers 429 with a short Indonesian page.
/// </summary>
public sealed class PublicPostRateLimit(IOptions<PublicRequestOptions> options, SharedRateCounters counters) : IRateLimiterPolicy<string>
{
    public const string Policy = "public-post";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, ct) =>
    {
        var http = context.HttpContext;
        var L = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = "60";
        http.Response.ContentType = "text/html; charset=utf-8";
        var title = System.Net.WebUtility.HtmlEncode(L["Portal.TooMany.Title"]);
        var body = System.Net.WebUtility.HtmlEncode(L["Portal.TooMany.Body"]);
        var back = System.Net.WebUtility.HtmlEncode(L["Portal.TooMany.Back"]);
        await http.Response.WriteAsync(
            $"<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title></head>"
            + $"<body style=\"font-family:Arial,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5\"><main><h1>{title}</h1><p>{body}</p><p><a href=\"/publik\">{back}</a></p></main></body></html>",
            ct);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        HttpMethods.IsPost(httpContext.Request.Method)
            ? SharedWindowRateLimiter.Partition(counters, "public-post", ClientAddress.Of(httpContext), options.Value.PostsPerMinute, TimeSpan.FromMinutes(1))
            : RateLimitPartition.GetNoLimiter("");
}
