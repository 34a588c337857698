using KopUkm.Dashboard.Features.Security;

namespace KopUkm.Dashboard.Features.Tickets.Portal;

public static class TicketAttachmentEndpoints
{
    /// <summary><c>GET /layanan/{ticketId}/lampiran/{id}</c>: an applicant's file, for staff who may see the ticket.</summary>
    public static IEndpointRouteBuilder MapTicketAttachmentFiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/layanan/{ticketId:int}/lampiran/{id:int}", async (int ticketId, int id, HttpContext http, TicketDetails details, CancellationToken ct) =>
        {
            if (await details.OpenAttachmentAsync(ticketId, id, ct) is not { } file)
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "private, no-store";
            return Results.File(file.Content, file.Attachment.ContentType, file.Attachment.FileName);
        }).RequireAuthorization(Permissions.ViewTickets);
        return endpoints;
    }
}
