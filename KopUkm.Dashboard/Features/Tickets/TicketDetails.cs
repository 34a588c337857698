using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Tickets;

/// <summary>The ticket page's read: the ticket, its history and handoffs, its SLA clocks and what the user may do with it.</summary>
public sealed class TicketDetails(IDbContextFactory<AppDbContext> dbFactory, AccessGuard guard, TicketSlaProjector sla, Portal.IAttachmentStore files)
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
        var attachments = await db.Set<Portal.TicketAttachment>().AsNoTracking().Where(a => a.TicketId == id).OrderBy(a => a.Id)
            .Select(a => new TicketAttachmentView(a.Id, a.FileName, a.SizeBytes, a.TicketEventId, a.UploadedAtUtc)).ToListAsync(ct);
        var canWork = TicketAccess.CanWork(user, ticket.DivisionId);
        var snapshot = await sla.CalculateAsync(ticket, events, ct);
        return new TicketView(
            ticket,
            divisions,
            [.. events.Select(e => new TicketEventView(e.Kind, e.FromStatus, e.ToStatus, e.FromDivisionId is { } f ? divisions.GetValueOrDefault(f) : null, e.ToDivisionId is { } t ? divisions.GetValueOrDefault(t) : null, e.Text, e.ByName, e.AtUtc) { Id = e.Id, SeenByApplicantAtUtc = e.SeenByApplicantAtUtc })],
            [.. handoffs.Select(h => new TicketHandoffView(divisions.GetValueOrDefault(h.FromDivisionId, "?"), divisions.GetValueOrDefault(h.ToDivisionId, "?"), h.Reason, h.ByName, h.HandedOffAtUtc, h.AcceptanceDueAtUtc, h.AcceptedAtUtc))],
            canWork ? TicketMoves.AllowedMoves(ticket) : [],
            canWork && TicketWorkflow.IsOpen(ticket.Status),
            TicketAccess.CanAssign(user, ticket.DivisionId) && TicketWorkflow.IsOpen(ticket.Status),
            snapshot)
        {
            Attachments = attachments,
            CanTake = TicketPickup.CanTake(user, ticket),
            CanGive = TicketPickup.CanGive(user, ticket, events.Any(e => e.Kind == TicketEventKind.Created && e.ByUserId == user.UserId)),
        };
    }

    /// <summary>An applicant's file on a ticket the user may see; null when either is not there.</summary>
    public async Task<(Portal.TicketAttachment Attachment, Stream Content)?> OpenAttachmentAsync(int ticketId, int attachmentId, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewTickets);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var divisionId = await db.Set<Ticket>().Where(t => t.Id == ticketId).Select(t => (int?)t.DivisionId).FirstOrDefaultAsync(ct);
        if (divisionId is null || !TicketAccess.CanSee(user, divisionId.Value))
        {
            return null;
        }

        var attachment = await db.Set<Portal.TicketAttachment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.TicketId == ticketId, ct);
        return attachment is not null && await files.OpenAsync(db, attachment.StoredName, ct) is { } stream ? (attachment, stream) : null;
    }
}

/// <param name="TicketEventId">The applicant's answer it came with; null for the request itself.</param>
public sealed record TicketAttachmentView(int Id, string FileName, long SizeBytes, long? TicketEventId, DateTime UploadedAtUtc);

public sealed record TicketEventView(TicketEventKind Kind, TicketStatus? FromStatus, TicketStatus? ToStatus, string? FromDivision, string? ToDivision, string Text, string ByName, DateTime AtUtc)
{
    public long Id { get; init; }

    /// <summary>For a reply: when the applicant's tracking page first showed it.</summary>
    public DateTime? SeenByApplicantAtUtc { get; init; }
}

public sealed record TicketHandoffView(string FromDivision, string ToDivision, string Reason, string ByName, DateTime HandedOffAtUtc, DateTime AcceptanceDueAtUtc, DateTime? AcceptedAtUtc);

public sealed record TicketView(
    Ticket Ticket,
    IReadOnlyDictionary<int, string> Divisions,
    IReadOnlyList<TicketEventView> History,
    IReadOnlyList<TicketHandoffView> Handoffs,
    IReadOnlyList<TicketStatus> AllowedMoves,
    bool CanWork,
    bool CanAssign,
    TicketSlaView Sla)
{
    /// <summary>The applicant's files (portal requests and answers).</summary>
    public IReadOnlyList<TicketAttachmentView> Attachments { get; init; } = [];

    /// <summary>The user may take this unassigned ticket themselves ("Ambil", <see cref="TicketPickup"/>).</summary>
    public bool CanTake { get; init; }

    /// <summary>The user may give this unassigned ticket to a colleague of its division (they recorded it, or head it).</summary>
    public bool CanGive { get; init; }
}
