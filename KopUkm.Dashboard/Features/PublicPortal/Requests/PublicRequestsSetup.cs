using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Tickets.Portal;
using Microsoft.AspNetCore.RateLimiting;

namespace KopUkm.Dashboard.Features.PublicPortal.Requests;

public static class PublicRequestsSetup
{
    /// <summary>Online requests without an account (/ajukan) and tracking (/lacak): limits, guards and the tracking cookie.</summary>
    public static IServiceCollection AddPublicRequests(this IServiceCollection services)
    {
        services.AddSettings<PublicRequestOptions>("PublicRequests");
        services.AddSharedRateCounters();
        services.AddSingleton<PublicPostRateLimit>();
        services.AddRateLimiter(o => o.AddPolicy<string, PublicPostRateLimit>(PublicPostRateLimit.Policy));
        services.AddSingleton<WrongPinLimiter>();
        services.AddSingleton<PortalFormGuard>();
        services.AddSingleton<TrackingCookie>();
        services.AddMemoryCache();
        services.AddScoped<Performance.PublicPerformance>();
        return services;
    }

    /// <summary>
    /// <c>GET /lacak/tautan?t=…</c> (the signed e-mail link: sets the tracking cookie, then shows /lacak) and
    /// <c>GET /lacak/lampiran/{id}</c> (the applicant's own files, only with the tracking cookie of that request).
    /// </summary>
    public static IEndpointRouteBuilder MapPublicRequestEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/lacak").AllowAnonymous();
        group.MapGet("/tautan", async (string? t, HttpContext http, TicketPortal portal, TrackingCookie cookie, CancellationToken ct) =>
        {
            if (await portal.OpenLinkAsync(t, ct) is { } ticketId)
            {
                cookie.Issue(http, ticketId);
                return Results.Redirect("/lacak");
            }

            return Results.Redirect("/lacak?tautan=kedaluwarsa");
        });
        group.MapGet("/lampiran/{id:int}", async (int id, HttpContext http, TicketPortal portal, TrackingCookie cookie, CancellationToken ct) =>
        {
            if (cookie.Read(http) is not { } ticketId || await portal.OpenAttachmentAsync(ticketId, id, ct) is not { } file)
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "private, no-store";
            return Results.File(file.Content, file.Attachment.ContentType, file.Attachment.FileName);
        });
        return app;
    }
}
