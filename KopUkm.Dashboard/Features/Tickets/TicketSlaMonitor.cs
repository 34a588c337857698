using KopUkm.Dashboard.Features.Account;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Notifications;
using KopUkm.Dashboard.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Tickets;

/// <summary>
/// Refreshes the SLA snapshot of every open ticket and tells people what changed: the assignee when a clock becomes
/// at risk, the division head when a clock is breached or a ticket is still unassigned past its first-response
/// target, and the receiving division's heads when a handoff waits past its acceptance target. Each notification
/// has a key naming the event, so a rerun sends nothing twice.
/// </summary>
public sealed class TicketSlaMonitor(
    IDbContextFactory<AppDbContext> dbFactory,
    TicketSlaProjector sla,
    NotificationService notifications,
    ChangeNotifier changes,
    TimeProvider clock)
{
    private const int BatchSize = 500;

    /// <summary>Returns how many tickets' SLA state changed and how many notifications were sent.</summary>
    public async Task<SlaRefreshResult> RefreshOpenTicketsAsync(CancellationToken ct = default)
    {
        var open = TicketWorkflow.OpenStatuses;
        await using var idsDb = await dbFactory.CreateDbContextAsync(ct);
        var ids = await idsDb.Set<Ticket>().AsNoTracking().Where(t => open.Contains(t.Status)).OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(ct);
        int changed = 0, sent = 0;
        foreach (var batch in ids.Chunk(BatchSize))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var tickets = await db.Set<Ticket>().Include(t => t.ServiceType).Where(t => batch.Contains(t.Id)).ToListAsync(ct);
            var events = (await db.Set<TicketEvent>().AsNoTracking().Where(e => batch.Contains(e.TicketId)).ToListAsync(ct))
                .ToLookup(e => e.TicketId);
            var heads = await DivisionHeadsAsync(db, tickets.Select(t => t.DivisionId).Distinct().ToList(), ct);
            var toNotify = new List<(Ticket Ticket, SlaStatus FirstResponse, SlaStatus Resolution)>();
            foreach (var ticket in tickets)
            {
                var before = (ticket.FirstResponseSla, ticket.ResolutionSla, ticket.FirstResponseDueAtUtc, ticket.ResolutionDueAtUtc, ticket.ResolutionMinutesLeft);
                await sla.ApplyAsync(db, ticket, [.. events[ticket.Id]], ct);
                if (before != (ticket.FirstResponseSla, ticket.ResolutionSla, ticket.FirstResponseDueAtUtc, ticket.ResolutionDueAtUtc, ticket.ResolutionMinutesLeft))
                {
                    changed++;
                }

                toNotify.Add((ticket, ticket.FirstResponseSla, ticket.ResolutionSla));
            }

            // Only the refreshed snapshot columns change; a ticket edited meanwhile by a person wins and is redone next run.
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (ConcurrencyConflictException)
            {
                continue;
            }

            foreach (var (ticket, firstResponse, resolution) in toNotify)
            {
                sent += await NotifyAsync(ticket, firstResponse, resolution, heads, ct);
            }
        }

        sent += await NotifyOverdueHandoffsAsync(ct);
        if (changed > 0)
        {
            changes.Publish(ChangeTopic.Tickets);
        }

        return new SlaRefreshResult(ids.Count, changed, sent);
    }

    private async Task<int> NotifyAsync(Ticket ticket, SlaStatus firstResponse, SlaStatus resolution, ILookup<int, string> heads, CancellationToken ct)
    {
        var link = $"/layanan/{ticket.Id}";
        var sent = 0;
        async Task SendAsync(string userId, string key, string kind, string messageKey)
        {
            if (await notifications.NotifyAsync(userId, key, kind, messageKey, [ticket.Code, ticket.ApplicantName], link, ct))
            {
                sent++;
            }
        }

        foreach (var (state, clock) in new[] { (firstResponse, "FirstResponse"), (resolution, "Resolution") })
        {
            if (state == SlaStatus.AtRisk && ticket.AssignedUserId is { } assignee)
            {
                // Reopening restarts the story: a reopened ticket may warn its assignee again.
                await SendAsync(assignee, $"ticket:{ticket.Id}:{clock}:at-risk:{ticket.ReopenCount}", "ticket-at-risk", $"Notification.TicketAtRisk{clock}");
            }

            if (state == SlaStatus.Breached)
            {
                foreach (var head in heads[ticket.DivisionId])
                {
                    await SendAsync(head, $"ticket:{ticket.Id}:{clock}:breached", "ticket-breached", $"Notification.TicketBreached{clock}");
                }
            }
        }

        if (firstResponse == SlaStatus.Breached && ticket.AssignedUserId is null)
        {
            foreach (var head in heads[ticket.DivisionId])
            {
                await SendAsync(head, $"ticket:{ticket.Id}:unassigned-past-first-response", "ticket-unassigned", "Notification.TicketUnassigned");
            }
        }

        return sent;
    }

    /// <summary>Handoffs the receiving division has not acted on by their acceptance target: its heads hear of each once.</summary>
    private async Task<int> NotifyOverdueHandoffsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var overdue = await (from h in db.Set<TicketHandoff>().AsNoTracking()
                             join t in db.Set<Ticket>() on h.TicketId equals t.Id
                             where h.AcceptedAtUtc == null && h.AcceptanceDueAtUtc < now && t.DivisionId == h.ToDivisionId
                             select new { h.Id, h.TicketId, h.ToDivisionId, t.Code, t.ApplicantName })
            .ToListAsync(ct);
        if (overdue.Count == 0)
        {
            return 0;
        }

        var heads = await DivisionHeadsAsync(db, overdue.Select(o => o.ToDivisionId).Distinct().ToList(), ct);
        var sent = 0;
        foreach (var handoff in overdue)
        {
            foreach (var head in heads[handoff.ToDivisionId])
            {
                if (await notifications.NotifyAsync(head, $"handoff:{handoff.Id}:overdue", "handoff-overdue", "Notification.HandoffOverdue",
                        [handoff.Code, handoff.ApplicantName], $"/layanan/{handoff.TicketId}", ct))
                {
                    sent++;
                }
            }
        }

        return sent;
    }

    private static async Task<ILookup<int, string>> DivisionHeadsAsync(AppDbContext db, List<int> divisionIds, CancellationToken ct)
    {
        var heads = await db.ActiveStaffInRoles(AppRoles.KepalaBidang)
            .Where(u => divisionIds.Contains(u.DivisionId))
            .Select(u => new { u.DivisionId, u.Id })
            .ToListAsync(ct);
        return heads.ToLookup(h => h.DivisionId, h => h.Id);
    }
}

public sealed record SlaRefreshResult(int OpenTickets, int Changed, int NotificationsSent);
