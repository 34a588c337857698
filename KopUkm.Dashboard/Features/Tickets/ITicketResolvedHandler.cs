using KopUkm.Dashboard.Data;

namespace KopUkm.Dashboard.Features.Tickets;

/// <summary>
/// Told when an officer resolves a ticket, inside the same unit of work: what it adds to <paramref name="db"/> is saved
/// with the resolution or not at all. Tickets knows no implementer (the IKM survey is one).
/// </summary>
public interface ITicketResolvedHandler
{
    Task OnResolvedAsync(AppDbContext db, Ticket ticket, CancellationToken ct);
}
