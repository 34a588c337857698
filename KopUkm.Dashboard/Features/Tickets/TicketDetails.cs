using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Tickets;

/// <summary>The ticket page's read: the ticket, its history and handoffs, its SLA clocks and what the user may do with it.</summary>
public sealed class TicketDetails(IDbContextFactory<AppDbContext> dbFactory, AccessGuard guard, TicketSlaProjector sla)
{
    /// <summary>One ticket as its page shows it; null when it does not exist or the user may not see it.</summary>
    public async Task<TicketView?> GetAsync(int id, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewTickets);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ticket = await db.Set<Ticket>().AsNoTracking()
            .Include(t => t.ServiceType).Include(t => t.Division).Include(t => t.Region)
            .FirstOrDefaultAsync(t => t.Id == id, ct);
        if (ticket is null || !TicketAccess.CanSee(user, ticket.DivisionId))
        {
            return null;
        }

        var divisions = await db.Set<Division>().AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var events = await db.Set<TicketEvent>().AsNoTracking().Where(e => e.TicketId == id)
            .OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToListAsync(ct);
        var handoffs = await db.Set<TicketHandoff>().AsNoTracking().Where(h => h.TicketId == id)
            .OrderBy(h => h.HandedOffAtUtc).ToListAsync(ct);
        var canWork = TicketAccess.CanWork(user, ticket.DivisionId);
        var snapshot = await sla.CalculateAsync(ticket, events, ct);
        return new TicketView(
            ticket,
            divisions,
            [.. events.Select(e => new TicketEventView(e.Kind, e.FromStatus, e.ToStatus, e.FromDivisionId is { } f ? divisions.GetValueOrDefault(f) : null, e.ToDivisionId is { } t ? divisions.GetValueOrDefault(t) : null, e.Text, e.ByName, e.AtUtc))],
            [.. handoffs.Select(h => new TicketHandoffView(divisions.GetValueOrDefault(h.FromDivisionId, "?"), divisions.GetValueOrDefault(h.ToDivisionId, "?"), h.Reason, h.ByName, h.HandedOffAtUtc, h.AcceptanceDueAtUtc, h.AcceptedAtUtc))],
            canWork ? TicketMoves.AllowedMoves(ticket) : [],
            canWork && TicketWorkflow.IsOpen(ticket.Status),
            TicketAccess.CanAssign(user, ticket.DivisionId) && TicketWorkflow.IsOpen(ticket.Status),
            snapshot);
    }
}

public sealed record TicketEventView(TicketEventKind Kind, TicketStatus? FromStatus, TicketStatus? ToStatus, string? FromDivision, string? ToDivision, string Text, string ByName, DateTime AtUtc);

public sealed record TicketHandoffView(string FromDivision, string ToDivision, string Reason, string ByName, DateTime HandedOffAtUtc, DateTime AcceptanceDueAtUtc, DateTime? AcceptedAtUtc);

public sealed record TicketView(
    Ticket Ticket,
    IReadOnlyDictionary<int, string> Divisions,
    IReadOnlyList<TicketEventView> History,
    IReadOnlyList<TicketHandoffView> Handoffs,
    IReadOnlyList<TicketStatus> AllowedMoves,
    bool CanWork,
    bool CanAssign,
    TicketSlaView Sla);
