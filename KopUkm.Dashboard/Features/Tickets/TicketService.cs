using System.Globalization;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Account;
using KopUkm.Dashboard.Features.Calendar;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.ServiceCatalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Features.Tickets;

/// <summary>
/// SME service tickets: intake and routing, the status machine, replies and internal notes, assignment (by hand,
/// in bulk or to the least-loaded officer) and handoffs between divisions. Every action checks role and division,
/// appends to the event log and refreshes the SLA snapshot in the same save.
/// </summary>
public sealed class TicketService(
    IDbContextFactory<AppDbContext> dbFactory,
    AccessGuard guard,
    IOptions<TicketOptions> options,
    WorkingCalendarProvider calendars,
    TicketSlaProjector sla,
    Notifications.NotificationService notifications,
    ChangeNotifier changes,
    TimeProvider clock)
{
    private static readonly Dictionary<WorkPriority, int> PriorityWeight = new()
    {
        [WorkPriority.Rendah] = 1,
        [WorkPriority.Normal] = 2,
        [WorkPriority.Tinggi] = 3,
        [WorkPriority.Mendesak] = 4,
    };

    /// <summary>Records a new ticket, routes it to its service's owner division and, where enabled, assigns it.</summary>
    public async Task<(CommandResult Result, int? TicketId)> CreateAsync(TicketIntakeForm form, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewTickets);
        if (!TicketAccess.CanIntake(user))
        {
            throw new AccessDeniedException($"User '{user.DisplayName}' may not record tickets.");
        }

        var errors = form.Validate();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var service = await db.Set<ServiceType>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == form.ServiceTypeId && s.IsActive, ct);
        if (service is null && form.ServiceTypeId > 0)
        {
            errors.Add(new(nameof(form.ServiceTypeId), "Validation.Required", []));
        }

        if (errors.Count > 0)
        {
            return (new CommandResult(errors), null);
        }

        var now = Now;
        var ticket = new Ticket
        {
            ApplicantName = form.ApplicantName.Trim(),
            BusinessName = form.BusinessName.Trim(),
            Nib = string.IsNullOrWhiteSpace(form.Nib) ? null : form.Nib.Trim(),
            Phone = form.Phone.Trim(),
            Email = form.Email.Trim(),
            RegionId = form.RegionId,
            Size = form.Size,
            ServiceTypeId = service!.Id,
            Channel = form.Channel,
            LaporTrackingNumber = string.IsNullOrWhiteSpace(form.LaporTrackingNumber) ? null : form.LaporTrackingNumber.Trim(),
            Priority = form.Priority,
            Description = form.Description.Trim(),
            DivisionId = service.OwnerDivisionId,
            CreatedAtUtc = now,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Add(ticket);
        await db.SaveChangesAsync(ct);
        ticket.Code = string.Create(CultureInfo.InvariantCulture, $"UMKM-{Localization.WibTime.ToWib(now).Year}-{ticket.Id:D6}");
        var events = new List<TicketEvent> { Event(ticket.Id, TicketEventKind.Created, user, now, toStatus: TicketStatus.Baru, toDivision: ticket.DivisionId) };
        db.AddRange(events);
        if (await AutoAssignsAsync(db, ticket.DivisionId, ct) && await LeastLoadedOfficerAsync(db, ticket.DivisionId, ticket.ServiceTypeId, ct) is { } officer)
        {
            ticket.AssignedUserId = officer.Id;
            ticket.AssignedUserName = officer.Name;
            ticket.Status = TicketStatus.Ditugaskan;
            var assigned = Event(ticket.Id, TicketEventKind.Assigned, user, now, TicketStatus.Baru, TicketStatus.Ditugaskan, text: officer.Name);
            events.Add(assigned);
            db.Add(assigned);
        }

        await sla.ApplyAsync(db, ticket, events, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        changes.Publish(ChangeTopic.Tickets, ticket.DivisionId.ToString(CultureInfo.InvariantCulture));
        return (CommandResult.Success, ticket.Id);
    }

    public async Task<PagedResult<TicketRow>> ListAsync(PageRequest request, TicketFilter filter, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewTickets);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Set<Ticket>().AsNoTracking();
        query = filter.Queue switch
        {
            TicketQueueKind.Mine => query.Where(t => t.AssignedUserId == user.UserId),
            TicketQueueKind.Division => query.Where(t => t.DivisionId == (filter.DivisionId ?? user.DivisionId)),
            // The all-divisions queue narrowed by its division filter.
            _ when filter.DivisionId is { } division => query.Where(t => t.DivisionId == division),
            _ => query,
        };
        if (!TicketAccess.SeesAll(user))
        {
            // Whatever the queue asked for, a scoped user only ever sees their own division's tickets.
            query = query.Where(t => t.DivisionId == user.DivisionId);
        }

        query = Filter(db, query, filter, request.Search);
        var total = await query.CountAsync(ct);

        // The page's ids first, then its rows: sorting and skipping carry only ids and sort keys, so a filter that
        // matches thousands of tickets sorts those, not thousands of whole rows (docs/performance.md).
        var pageIds = Sort(query, request).Skip(request.Skip).Take(request.Take).Select(t => t.Id);
        var rows = await Sort(db.Set<Ticket>().AsNoTracking().Where(t => pageIds.Contains(t.Id)), request)
            .Select(t => new
            {
                t.Id, t.Code, t.ApplicantName, t.BusinessName, ServiceName = t.ServiceType!.NameId, DivisionCode = t.Division!.Code,
                t.Channel, t.Priority, t.Status, t.AssignedUserName, t.CreatedAtUtc, t.FirstResponseSla, t.ResolutionSla,
                t.ResolutionMinutesLeft, t.FirstResponseDueAtUtc, t.ResolutionDueAtUtc, t.DivisionId,
            })
            .ToListAsync(ct);
        return new PagedResult<TicketRow>(
            [.. rows.Select(r => new TicketRow(
                r.Id, r.Code, r.ApplicantName, r.BusinessName, r.ServiceName, r.DivisionCode, r.Channel, r.Priority, r.Status,
                r.AssignedUserName, r.CreatedAtUtc, r.FirstResponseSla, r.ResolutionSla, r.ResolutionMinutesLeft, r.ResolutionDueAtUtc,
                TicketAccess.CanAssign(user, r.DivisionId)))],
            total);
    }

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
            canWork ? AllowedMoves(ticket) : [],
            canWork && TicketWorkflow.IsOpen(ticket.Status),
            TicketAccess.CanAssign(user, ticket.DivisionId) && TicketWorkflow.IsOpen(ticket.Status),
            snapshot);
    }

    /// <summary>Changes status along the workflow; waiting, resolving and reopening need a text.</summary>
    public async Task<CommandResult> MoveAsync(int id, long version, TicketStatus to, string? text, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewTickets);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await LoadForWorkAsync(db, id, version, user, ct) is not { } ticket)
        {
            return CommandResult.Conflict();
        }

        if (!AllowedMoves(ticket).Contains(to))
        {
            return CommandResult.Fail("Tickets.TransitionNotAllowed", null, ticket.Status.ToString(), to.ToString());
        }

        if (to == TicketStatus.DibukaKembali && (ticket.ResolvedAtUtc ?? ticket.ClosedAtUtc) is { } ended
            && Now - ended > TimeSpan.FromDays(options.Value.ReopenWindowDays))
        {
            // Past the window a new request becomes a new ticket, so closed history stays closed.
            return CommandResult.Fail("Tickets.ReopenWindowPassed", null, options.Value.ReopenWindowDays);
        }

        var body = text?.Trim() ?? "";
        if (TicketWorkflow.RequiresText(to) && body.Length == 0)
        {
            return CommandResult.Fail(to == TicketStatus.Selesai ? "Tickets.ResolutionRequired" : "Tickets.ReasonRequired", "Text");
        }

        var now = Now;
        var from = ticket.Status;
        var newEvents = new List<TicketEvent>();
        ticket.Status = to;
        switch (to)
        {
            case TicketStatus.MenungguPemohon:
                ticket.PauseReason = body;
                newEvents.Add(Event(id, TicketEventKind.Paused, user, now, from, to, text: body));
                break;
            case TicketStatus.Diproses when from == TicketStatus.MenungguPemohon:
                ticket.PauseReason = null;
                newEvents.Add(Event(id, TicketEventKind.Resumed, user, now, from, to, text: body));
                break;
            case TicketStatus.Selesai:
                ticket.ResolvedAtUtc = now;
                ticket.ResolutionNote = body;
                ticket.PauseReason = null;
                newEvents.Add(Event(id, TicketEventKind.Resolved, user, now, from, to, text: body));
                break;
            case TicketStatus.Ditutup:
                ticket.ClosedAtUtc = now;
                newEvents.Add(Event(id, TicketEventKind.Closed, user, now, from, to, text: body));
                break;
            case TicketStatus.DibukaKembali:
                ticket.ResolvedAtUtc = null;
                ticket.ClosedAtUtc = null;
                ticket.ReopenCount++;
                newEvents.Add(Event(id, TicketEventKind.Reopened, user, now, from, to, text: body));
                break;
            default:
                newEvents.Add(Event(id, TicketEventKind.StatusChanged, user, now, from, to, text: body));
                break;
        }

        return await SaveActionAsync(db, ticket, user, newEvents, ct);
    }

    /// <summary>A reply to the applicant: the first one stops the first-response clock and starts the work.</summary>
    public Task<CommandResult> ReplyAsync(int id, long version, string text, CancellationToken ct = default) =>
        AddTextAsync(id, version, text, isReply: true, ct);

    /// <summary>An internal note, never shown to the applicant.</summary>
    public Task<CommandResult> NoteAsync(int id, long version, string text, CancellationToken ct = default) =>
        AddTextAsync(id, version, text, isReply: false, ct);

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
        await guard.DemandAsync(Permissions.ViewTickets);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ticket = await db.Set<Ticket>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        return ticket is null ? null : await LeastLoadedOfficerAsync(db, ticket.DivisionId, ticket.ServiceTypeId, ct);
    }

    /// <summary>Officers who may be given tickets of a division.</summary>
    public async Task<IReadOnlyList<TicketAssignee>> ListAssigneesAsync(int divisionId, CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.ViewTickets);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await OfficersAsync(db, divisionId, ct);
    }

    /// <summary>Transfers a ticket to another division with a reason; the receiving division has its own acceptance target.</summary>
    public async Task<CommandResult> HandOffAsync(int id, long version, int toDivisionId, string reason, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewTickets);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await LoadForWorkAsync(db, id, version, user, ct) is not { } ticket)
        {
            return CommandResult.Conflict();
        }

        var body = reason?.Trim() ?? "";
        if (body.Length == 0)
        {
            return CommandResult.Fail("Tickets.ReasonRequired", "Text");
        }

        if (toDivisionId == ticket.DivisionId || !await db.Set<Division>().AnyAsync(d => d.Id == toDivisionId && d.IsActive, ct))
        {
            return CommandResult.Fail("Tickets.HandoffTarget", "Division");
        }

        if (!TicketWorkflow.IsOpen(ticket.Status))
        {
            return CommandResult.Fail("Tickets.Closed");
        }

        var now = Now;
        var calendar = await calendars.GetAsync(ct);
        db.Add(new TicketHandoff
        {
            TicketId = id,
            FromDivisionId = ticket.DivisionId,
            ToDivisionId = toDivisionId,
            Reason = body,
            ByName = user.DisplayName,
            HandedOffAtUtc = now,
            AcceptanceDueAtUtc = calendar.AddWorkingDays(now, options.Value.HandoffAcceptanceWorkingDays),
        });
        var from = ticket.Status;
        var handedOff = Event(id, TicketEventKind.HandedOff, user, now, from, TicketStatus.Baru, text: body);
        handedOff.FromDivisionId = ticket.DivisionId;
        handedOff.ToDivisionId = toDivisionId;
        ticket.DivisionId = toDivisionId;
        ticket.AssignedUserId = null;
        ticket.AssignedUserName = null;
        ticket.Status = TicketStatus.Baru;
        return await SaveActionAsync(db, ticket, user, [handedOff], ct, countsAsAcceptance: false);
    }

    private async Task<CommandResult> AddTextAsync(int id, long version, string text, bool isReply, CancellationToken ct)
    {
        var user = await guard.DemandAsync(Permissions.ViewTickets);
        var body = text?.Trim() ?? "";
        if (body.Length is 0 or > 4000)
        {
            return CommandResult.Fail("Validation.Required", "Text");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await LoadForWorkAsync(db, id, version, user, ct) is not { } ticket)
        {
            return CommandResult.Conflict();
        }

        var now = Now;
        var events = new List<TicketEvent> { Event(id, isReply ? TicketEventKind.Replied : TicketEventKind.NoteAdded, user, now, text: body) };
        if (isReply)
        {
            ticket.FirstRespondedAtUtc ??= now;
            if (ticket.Status is TicketStatus.Ditugaskan or TicketStatus.DibukaKembali)
            {
                // Answering the applicant is starting the work.
                events.Add(Event(id, TicketEventKind.StatusChanged, user, now, ticket.Status, TicketStatus.Diproses));
                ticket.Status = TicketStatus.Diproses;
            }
        }

        return await SaveActionAsync(db, ticket, user, events, ct);
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

        var now = Now;
        var from = ticket.Status;
        ticket.AssignedUserId = assignee.Id;
        ticket.AssignedUserName = assignee.Name;
        if (ticket.Status == TicketStatus.Baru)
        {
            ticket.Status = TicketStatus.Ditugaskan;
        }

        var assigned = Event(ticket.Id, TicketEventKind.Assigned, user, now, from, ticket.Status, text: assignee.Name + (body.Length > 0 ? " — " + body : ""));
        var saved = await SaveActionAsync(db, ticket, user, [assigned], ct);
        if (saved.Succeeded && assignee.Id != user.UserId)
        {
            // The version after the save names this assignment: a later reassignment back to the same officer notifies again.
            await notifications.NotifyAsync(assignee.Id, $"ticket:{ticket.Id}:assigned:v{ticket.Version}", "ticket-assigned",
                "Notification.TicketAssigned", [user.DisplayName, ticket.Code, ticket.ApplicantName], $"/layanan/{ticket.Id}", ct);
        }

        return saved;
    }

    /// <summary>Appends the events, marks an open handoff accepted when the receiving division acts, refreshes SLA, saves.</summary>
    private async Task<CommandResult> SaveActionAsync(AppDbContext db, Ticket ticket, UserContext user, List<TicketEvent> newEvents, CancellationToken ct, bool countsAsAcceptance = true)
    {
        db.AddRange(newEvents);
        // A handoff is accepted when someone of the receiving division first acts on the ticket.
        if (countsAsAcceptance && user.DivisionId == ticket.DivisionId)
        {
            var pending = await db.Set<TicketHandoff>()
                .Where(h => h.TicketId == ticket.Id && h.ToDivisionId == ticket.DivisionId && h.AcceptedAtUtc == null)
                .ToListAsync(ct);
            var calendar = pending.Count > 0 ? await calendars.GetAsync(ct) : null;
            foreach (var handoff in pending)
            {
                handoff.AcceptedAtUtc = Now;
                handoff.AcceptanceWorkingMinutes = AcceptanceWorkingMinutes(handoff, calendar!);
            }
        }

        var events = await db.Set<TicketEvent>().AsNoTracking().Where(e => e.TicketId == ticket.Id).ToListAsync(ct);
        events.AddRange(newEvents);
        await sla.ApplyAsync(db, ticket, events, ct);
        var result = await db.TrySaveAsync(ct);
        if (result.Succeeded)
        {
            changes.Publish(ChangeTopic.Tickets, ticket.DivisionId.ToString(CultureInfo.InvariantCulture));
        }

        return result;
    }

    /// <summary>Working minutes the receiving division took to first act on a handoff; null while it is pending.</summary>
    public static int? AcceptanceWorkingMinutes(TicketHandoff handoff, WorkingCalendar calendar) =>
        handoff.AcceptedAtUtc is { } accepted
            ? (int)Math.Round(calendar.WorkingTimeBetween(handoff.HandedOffAtUtc, accepted).TotalMinutes, MidpointRounding.AwayFromZero)
            : null;

    private static IReadOnlyList<TicketStatus> AllowedMoves(Ticket ticket) =>
        [.. TicketWorkflow.NextStatuses(ticket.Status).Where(to => to != TicketStatus.Ditugaskan)];

    /// <summary>The ticket at the version its user saw, after checking they may work on it; null when it changed since.</summary>
    private static async Task<Ticket?> LoadForWorkAsync(AppDbContext db, int id, long version, UserContext user, CancellationToken ct)
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

    /// <summary>Auto-assignment is on where an administrator switched it on, or where configuration names the division.</summary>
    private async Task<bool> AutoAssignsAsync(AppDbContext db, int divisionId, CancellationToken ct)
    {
        if (await db.Set<TicketDivisionSetting>().AnyAsync(s => s.DivisionId == divisionId && s.AutoAssign, ct))
        {
            return true;
        }

        var codes = options.Value.AutoAssignDivisionCodes;
        return codes.Count > 0 && await db.Set<Division>().AnyAsync(d => d.Id == divisionId && codes.Contains(d.Code), ct);
    }

    /// <summary>Fair spreading: the active officer with the smallest open load, weighing each ticket by its priority.</summary>
    private static async Task<TicketAssignee?> LeastLoadedOfficerAsync(AppDbContext db, int divisionId, int serviceTypeId, CancellationToken ct)
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

    /// <summary>The division's officers and heads, one row each (a head who is also an officer is listed as head).</summary>
    private static async Task<List<TicketAssignee>> OfficersAsync(AppDbContext db, int divisionId, CancellationToken ct)
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

    private static IQueryable<Ticket> Sort(IQueryable<Ticket> query, PageRequest request) => (request.SortBy, request.Descending) switch
    {
        (nameof(TicketRow.Code), false) => query.OrderBy(t => t.Id),
        (nameof(TicketRow.Code), true) => query.OrderByDescending(t => t.Id),
        // Open tickets always carry minutes left; ordering on the bare column lets SQL walk its index.
        (nameof(TicketRow.ResolutionMinutesLeft), false) => query.OrderBy(t => t.ResolutionMinutesLeft).ThenBy(t => t.Id),
        (nameof(TicketRow.ResolutionMinutesLeft), true) => query.OrderByDescending(t => t.ResolutionMinutesLeft).ThenBy(t => t.Id),
        (nameof(TicketRow.Priority), false) => query.OrderBy(t => t.Priority).ThenBy(t => t.Id),
        (nameof(TicketRow.Priority), true) => query.OrderByDescending(t => t.Priority).ThenBy(t => t.Id),
        (nameof(TicketRow.CreatedAtUtc), false) => query.OrderBy(t => t.CreatedAtUtc).ThenBy(t => t.Id),
        _ => query.OrderByDescending(t => t.CreatedAtUtc).ThenByDescending(t => t.Id),
    };

    private static IQueryable<Ticket> Filter(AppDbContext db, IQueryable<Ticket> query, TicketFilter filter, string? search)
    {
        if (filter.Status is { } status)
        {
            query = query.Where(t => t.Status == status);
        }
        else if (filter.OpenOnly)
        {
            var open = TicketWorkflow.OpenStatuses;
            query = query.Where(t => open.Contains(t.Status));
        }

        if (filter.ServiceTypeId is { } service)
        {
            query = query.Where(t => t.ServiceTypeId == service);
        }

        if (filter.Channel is { } channel)
        {
            query = query.Where(t => t.Channel == channel);
        }

        if (filter.RegionId is { } region)
        {
            query = query.Where(t => t.RegionId == region);
        }

        if (filter.Sla is { } sla)
        {
            query = query.Where(t => t.ResolutionSla == sla || t.FirstResponseSla == sla);
        }

        if (filter.Unassigned)
        {
            query = query.Where(t => t.AssignedUserId == null);
        }
        else if (filter.AssigneeId is { } assignee)
        {
            query = query.Where(t => t.AssignedUserId == assignee);
        }

        if (filter.FromWib is { } from)
        {
            var fromUtc = Localization.WibTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            query = query.Where(t => t.CreatedAtUtc >= fromUtc);
        }

        if (filter.ToWib is { } to)
        {
            var toUtc = Localization.WibTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            query = query.Where(t => t.CreatedAtUtc < toUtc);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            var upper = term.ToUpperInvariant();
            // A code or a LAPOR! number is looked up exactly (indexed); digits are an NIB prefix; anything else is a name.
            query = upper.StartsWith("UMKM-", StringComparison.Ordinal)
                ? query.Where(t => t.Code == upper)
                : upper.StartsWith("LAPOR", StringComparison.Ordinal)
                    ? query.Where(t => t.LaporTrackingNumber == term)
                    : term.All(char.IsAsciiDigit) && term.Length >= 6
                        ? query.Where(t => t.Nib!.StartsWith(term))
                        : TicketNameSearch.Matching(db, query, term);
        }

        return query;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static TicketEvent Event(int ticketId, TicketEventKind kind, UserContext user, DateTime now, TicketStatus? fromStatus = null, TicketStatus? toStatus = null, string text = "", int? toDivision = null) => new()
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
}

public enum TicketQueueKind
{
    Mine = 1,
    Division = 2,
    All = 3,
}

public sealed record TicketFilter(
    TicketQueueKind Queue = TicketQueueKind.Division,
    int? DivisionId = null,
    TicketStatus? Status = null,
    bool OpenOnly = true,
    int? ServiceTypeId = null,
    TicketChannel? Channel = null,
    int? RegionId = null,
    SlaStatus? Sla = null,
    bool Unassigned = false,
    DateOnly? FromWib = null,
    DateOnly? ToWib = null,
    string? AssigneeId = null);

public sealed record TicketRow(
    int Id,
    string Code,
    string ApplicantName,
    string BusinessName,
    string ServiceName,
    string DivisionCode,
    TicketChannel Channel,
    WorkPriority Priority,
    TicketStatus Status,
    string? AssignedUserName,
    DateTime CreatedAtUtc,
    SlaStatus FirstResponseSla,
    SlaStatus ResolutionSla,
    int? ResolutionMinutesLeft,
    DateTime? ResolutionDueAtUtc,
    bool CanAssign);

public sealed record TicketAssignee(string Id, string Name, string Role, int Load);

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
