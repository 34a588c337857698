using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Account;
using KopUkm.Dashboard.Features.Notifications;
using KopUkm.Dashboard.Features.Security;
using Microsoft.EntityFrameworkCore;
using static KopUkm.Dashboard.Features.Tickets.TicketActionSupport;

namespace KopUkm.Dashboard.Features.Tickets;

/// <summary>
/// Giving tickets to officers: one at a time (a reassignment needs a reason), many at once from the queue, and the
/// least-loaded officer as a suggestion (intake also uses it where a division assigns automatically). The assignee
/// is notified.
/// </summary>
public sealed class TicketAssignment(
    IDbContextFactory<AppDbContext> dbFactory,
    AccessGuard guard,
    TicketActionRecorder recorder,
    NotificationService notifications,
    TimeProvider clock)
{
    private static readonly Dictionary<WorkPriority, int> PriorityWeight = new()
    {
        [WorkPriority.Rendah] = 1,
        [WorkPriority.Normal] = 2,
        [WorkPriority.Tinggi] = 3,
        [WorkPriority.Mendesak] = 4,
    };

    /// <summary>Assigns or reassigns to an active officer of the ticket's division; a reassignment needs a reason.</summary>
    public async Task<CommandResult> AssignAsync(int id, long version, string assigneeId, string? reason, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewTickets);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ticket = await db.FindForUpdateAsync<Ticket>(id, version, ct);
        if (ticket is null)
        {
            return CommandResult.Conflict();
        }

        return await AssignCoreAsync(db, ticket, user, assigneeId, reason, ct);
    }

    /// <summary>Assigns many tickets from the queue at once; each succeeds or fails on its own.</summary>
    public async Task<int> BulkAssignAsync(IReadOnlyCollection<int> ids, string assigneeId, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewTickets);
        var done = 0;
        foreach (var id in ids)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var ticket = await db.Set<Ticket>().FirstOrDefaultAsync(t => t.Id == id, ct);
            if (ticket is not null && TicketAccess.CanAssign(user, ticket.DivisionId) && TicketWorkflow.IsOpen(ticket.Status)
                && (await AssignCoreAsync(db, ticket, user, assigneeId, ticket.AssignedUserId is null ? null : "Penugasan massal", ct)).Succeeded)
            {
                done++;
            }
        }

        return done;
    }

    /// <summary>Suggests the least-loaded active officer of the ticket's division (open tickets weighted by priority).</summary>
    public async Task<TicketAssignee?> SuggestAssigneeAsync(int id, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewTickets);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ticket = await db.Set<Ticket>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (ticket is null)
        {
            return null;
        }

        // The suggestion reveals officers' loads: only for those who may assign this ticket.
        if (!TicketAccess.CanAssign(user, ticket.DivisionId))
        {
            throw new AccessDeniedException($"User '{user.DisplayName}' may not assign tickets of division {ticket.DivisionId}.");
        }

        return await LeastLoadedOfficerAsync(db, ticket.DivisionId, ct);
    }

    /// <summary>Officers who may be given tickets of a division.</summary>
    public async Task<IReadOnlyList<TicketAssignee>> ListAssigneesAsync(int divisionId, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewTickets);
        if (!TicketAccess.CanSee(user, divisionId))
        {
            throw new AccessDeniedException($"User '{user.DisplayName}' may not see the officers of division {divisionId}.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await OfficersAsync(db, divisionId, ct);
    }

    /// <summary>Fair spreading: the active officer with the smallest open load, weighing each ticket by its priority.</summary>
    internal static async Task<TicketAssignee?> LeastLoadedOfficerAsync(AppDbContext db, int divisionId, CancellationToken ct)
    {
        var officers = (await OfficersAsync(db, divisionId, ct)).Where(o => o.Role == AppRoles.Petugas).ToList();
        if (officers.Count == 0)
        {
            return null;
        }

        var ids = officers.Select(o => o.Id).ToList();
        var open = TicketWorkflow.OpenStatuses;
        var loads = await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.AssignedUserId != null && ids.Contains(t.AssignedUserId) && open.Contains(t.Status))
            .GroupBy(t => new { t.AssignedUserId, t.Priority })
            .Select(g => new { g.Key.AssignedUserId, g.Key.Priority, Count = g.Count() })
            .ToListAsync(ct);
        var weighted = officers.ToDictionary(o => o.Id, _ => 0);
        foreach (var load in loads)
        {
            weighted[load.AssignedUserId!] += load.Count * PriorityWeight[load.Priority];
        }

        var chosen = officers.OrderBy(o => weighted[o.Id]).ThenBy(o => o.Name, StringComparer.Ordinal).First();
        return chosen with { Load = weighted[chosen.Id] };
    }

    private async Task<CommandResult> AssignCoreAsync(AppDbContext db, Ticket ticket, UserContext user, string assigneeId, string? reason, CancellationToken ct)
    {
        if (!TicketAccess.CanAssign(user, ticket.DivisionId))
        {
            throw new AccessDeniedException($"User '{user.DisplayName}' may not assign tickets of division {ticket.DivisionId}.");
        }

        if (!TicketWorkflow.IsOpen(ticket.Status))
        {
            return CommandResult.Fail("Tickets.Closed");
        }

        var assignee = (await OfficersAsync(db, ticket.DivisionId, ct)).FirstOrDefault(o => o.Id == assigneeId);
        if (assignee is null)
        {
            return CommandResult.Fail("Tickets.AssigneeNotAllowed", "Assignee");
        }

        var body = reason?.Trim() ?? "";
        if (ticket.AssignedUserId is not null && ticket.AssignedUserId != assigneeId && body.Length == 0)
        {
            return CommandResult.Fail("Tickets.ReasonRequired", "Text");
        }

        return await ApplyAsync(db, ticket, user, assignee, body, ct);
    }

    /// <summary>
    /// Gives <paramref name="ticket"/> to <paramref name="assignee"/> once the caller has checked who may: the assigned
    /// event (with <paramref name="note"/> after the name), a new ticket moved to Ditugaskan, the save, and the notice to
    /// the assignee unless they gave it to themselves.
    /// </summary>
    internal async Task<CommandResult> ApplyAsync(AppDbContext db, Ticket ticket, UserContext user, TicketAssignee assignee, string note, CancellationToken ct)
    {
        var body = note;
        var now = clock.GetUtcNow().UtcDateTime;
        var from = ticket.Status;
        ticket.AssignedUserId = assignee.Id;
        ticket.AssignedUserName = assignee.Name;
        if (ticket.Status == TicketStatus.Baru)
        {
            ticket.Status = TicketStatus.Ditugaskan;
        }

        var assigned = Event(ticket.Id, TicketEventKind.Assigned, user, now, from, ticket.Status, text: assignee.Name + (body.Length > 0 ? " — " + body : ""));
        var saved = await recorder.SaveAsync(db, ticket, user, [assigned], ct);
        if (saved.Succeeded && assignee.Id != user.UserId)
        {
            // The version after the save names this assignment: a later reassignment back to the same officer notifies again.
            await notifications.NotifyAsync(assignee.Id, $"ticket:{ticket.Id}:assigned:v{ticket.Version}", "ticket-assigned",
                "Notification.TicketAssigned", [user.DisplayName, ticket.Code, ticket.ApplicantName], $"/layanan/{ticket.Id}", ct);
        }

        return saved;
    }

    /// <summary>The division's officers and heads, one row each (a head who is also an officer is listed as head).</summary>
    internal static async Task<List<TicketAssignee>> OfficersAsync(AppDbContext db, int divisionId, CancellationToken ct)
    {
        var rows = await db.ActiveStaffInRoles(AppRoles.Petugas, AppRoles.KepalaBidang)
            .Where(u => u.DivisionId == divisionId)
            .OrderBy(u => u.FullName)
            .Select(u => new
            {
                u.Id,
                u.FullName,
                IsHead = db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == AppRoles.KepalaBidang)),
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => new TicketAssignee(r.Id, r.FullName, r.IsHead ? AppRoles.KepalaBidang : AppRoles.Petugas, 0))];
    }
}

public sealed record TicketAssignee(string Id, string Name, string Role, int Load);
