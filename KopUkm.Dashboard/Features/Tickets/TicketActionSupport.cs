using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Security;

namespace KopUkm.Dashboard.Features.Tickets;

/// <summary>What the ticket use cases share: the event row they append, and loading a ticket to work on it.</summary>
internal static class TicketActionSupport
{
    public static TicketEvent Event(int ticketId, TicketEventKind kind, UserContext user, DateTime now, TicketStatus? fromStatus = null, TicketStatus? toStatus = null, string text = "", int? toDivision = null) => new()
    {
        TicketId = ticketId,
        Kind = kind,
        FromStatus = fromStatus,
        ToStatus = toStatus,
        ToDivisionId = toDivision,
        Text = text,
        ByUserId = user.UserId,
        ByName = user.DisplayName,
        AtUtc = now,
    };

    /// <summary>The ticket at the version its user saw, after checking they may work on it; null when it changed since.</summary>
    public static async Task<Ticket?> LoadForWorkAsync(AppDbContext db, int id, long version, UserContext user, CancellationToken ct)
    {
        var ticket = await db.FindForUpdateAsync<Ticket>(id, version, ct);
        if (ticket is not null)
        {
            DemandWork(user, ticket);
        }

        return ticket;
    }

    private static void DemandWork(UserContext user, Ticket ticket)
    {
        if (!TicketAccess.CanWork(user, ticket.DivisionId))
        {
            throw new AccessDeniedException($"User '{user.DisplayName}' may not act on tickets of division {ticket.DivisionId}.");
        }
    }
}
