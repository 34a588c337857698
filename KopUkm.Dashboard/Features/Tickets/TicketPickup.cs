using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Tickets;

/// <summary>
/// An officer's own hands on an unassigned ticket, without waiting for the head (docs/sla.md, "Ambil"): an officer or
/// head of the ticket's division may take it ("Ambil"), and the one who recorded it (a walk-in at the desk) may give it
/// to a colleague of the division. Anything already assigned is the head's to reassign (<see cref="TicketAssignment"/>).
/// Both write the assigned event to the ticket's history.
/// </summary>
public sealed class TicketPickup(IDbContextFactory<AppDbContext> dbFactory, AccessGuard guard, TicketAssignment assignment)
{
    /// <summary>The acting officer takes the unassigned ticket themselves.</summary>
    public async Task<CommandResult> TakeAsync(int id, long version, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewTickets);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ticket = await db.FindForUpdateAsync<Ticket>(id, version, ct);
        if (ticket is null)
        {
            return CommandResult.Conflict();
        }

        DemandOfficer(user, ticket);
        if (Refusal(ticket) is { } refused)
        {
            return refused;
        }

        var me = (await TicketAssignment.OfficersAsync(db, ticket.DivisionId, ct)).FirstOrDefault(o => o.Id == user.UserId);
        return me is null
            ? CommandResult.Fail("Tickets.AssigneeNotAllowed", "Assignee")
            : await assignment.ApplyAsync(db, ticket, user, me, "", ct);
    }

    /// <summary>The officer who recorded the unassigned ticket gives it to a colleague of its division.</summary>
    public async Task<CommandResult> GiveAsync(int id, long version, string assigneeId, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewTickets);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ticket = await db.FindForUpdateAsync<Ticket>(id, version, ct);
        if (ticket is null)
        {
            return CommandResult.Conflict();
        }

        DemandOfficer(user, ticket);
        if (!user.IsInRole(AppRoles.KepalaBidang) && !await RecordedByAsync(db, ticket.Id, user, ct))
        {
            return CommandResult.Fail("Tickets.GiveOnlyOwnIntake");
        }

        if (Refusal(ticket) is { } refused)
        {
            return refused;
        }

        var colleague = (await TicketAssignment.OfficersAsync(db, ticket.DivisionId, ct)).FirstOrDefault(o => o.Id == assigneeId);
        return colleague is null
            ? CommandResult.Fail("Tickets.AssigneeNotAllowed", "Assignee")
            : await assignment.ApplyAsync(db, ticket, user, colleague, "", ct);
    }

    /// <summary>Whether <paramref name="user"/> may take the ticket now (the ticket page shows "Ambil").</summary>
    public static bool CanTake(UserContext user, Ticket ticket) =>
        IsOfficerOf(user, ticket.DivisionId) && ticket.AssignedUserId is null && TicketWorkflow.IsOpen(ticket.Status);

    /// <summary>Whether <paramref name="user"/> may give the ticket to a colleague now; <paramref name="recordedIt"/>: they recorded it.</summary>
    public static bool CanGive(UserContext user, Ticket ticket, bool recordedIt) =>
        CanTake(user, ticket) && (recordedIt || user.IsInRole(AppRoles.KepalaBidang));

    /// <summary>Officers and heads of the ticket's own division: the people a ticket of it may be given to.</summary>
    public static bool IsOfficerOf(UserContext user, int divisionId) =>
        (user.IsInRole(AppRoles.Petugas) || user.IsInRole(AppRoles.KepalaBidang)) && user.DivisionId == divisionId;

    internal static Task<bool> RecordedByAsync(AppDbContext db, int ticketId, UserContext user, CancellationToken ct) =>
        db.Set<TicketEvent>().AnyAsync(e => e.TicketId == ticketId && e.Kind == TicketEventKind.Created && e.ByUserId == user.UserId, ct);

    private static void DemandOfficer(UserContext user, Ticket ticket)
    {
        if (!IsOfficerOf(user, ticket.DivisionId))
        {
            throw new AccessDeniedException($"User '{user.DisplayName}' is no officer of division {ticket.DivisionId}.");
        }
    }

    private static CommandResult? Refusal(Ticket ticket) =>
        !TicketWorkflow.IsOpen(ticket.Status) ? CommandResult.Fail("Tickets.Closed")
        : ticket.AssignedUserId is not null ? CommandResult.Fail("Tickets.AlreadyAssigned")
        : null;
}
