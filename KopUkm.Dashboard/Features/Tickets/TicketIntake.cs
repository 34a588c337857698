using System.Globalization;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.ServiceCatalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static KopUkm.Dashboard.Features.Tickets.TicketActionSupport;

namespace KopUkm.Dashboard.Features.Tickets;

/// <summary>
/// Recording a new ticket (walk-in, phone, e-mail, LAPOR!): it is routed to its service's owner division and, where
/// that division assigns automatically, given to its least-loaded officer in the same save.
/// </summary>
public sealed class TicketIntake(
    IDbContextFactory<AppDbContext> dbFactory,
    AccessGuard guard,
    IOptions<TicketOptions> options,
    TicketSlaProjector sla,
    ChangeNotifier changes,
    TimeProvider clock)
{
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

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ticket = await RecordAsync(db, form, service!, user, clock.GetUtcNow().UtcDateTime, ct);
        await transaction.CommitAsync(ct);
        changes.Publish(ChangeTopic.Tickets, ticket.DivisionId.ToString(CultureInfo.InvariantCulture));
        return (CommandResult.Success, ticket.Id);
    }

    /// <summary>
    /// Adds the ticket, its code, its created (and auto-assigned) events and its SLA snapshot to <paramref name="db"/>
    /// and saves, inside the caller's transaction: the portal adds the applicant's key, files and receipt to the same
    /// one. The form must already be valid and <paramref name="service"/> active.
    /// </summary>
    internal async Task<Ticket> RecordAsync(AppDbContext db, TicketIntakeForm form, ServiceType service, UserContext actor, DateTime now, CancellationToken ct)
    {
        var ticket = new Ticket
        {
            ApplicantName = form.ApplicantName.Trim(),
            BusinessName = form.BusinessName.Trim(),
            Nib = string.IsNullOrWhiteSpace(form.Nib) ? null : form.Nib.Trim(),
            Phone = form.Phone.Trim(),
            Email = form.Email.Trim(),
            RegionId = form.RegionId,
            Size = form.Size,
            ServiceTypeId = service.Id,
            Channel = form.Channel,
            LaporTrackingNumber = string.IsNullOrWhiteSpace(form.LaporTrackingNumber) ? null : form.LaporTrackingNumber.Trim(),
            Priority = form.Priority,
            Description = form.Description.Trim(),
            DivisionId = service.OwnerDivisionId,
            CreatedAtUtc = now,
        };

        db.Add(ticket);
        await db.SaveChangesAsync(ct);
        ticket.Code = string.Create(CultureInfo.InvariantCulture, $"UMKM-{Localization.WibTime.ToWib(now).Year}-{ticket.Id:D6}");
        var events = new List<TicketEvent> { Event(ticket.Id, TicketEventKind.Created, actor, now, toStatus: TicketStatus.Baru, toDivision: ticket.DivisionId) };
        db.AddRange(events);
        if (await AutoAssignsAsync(db, ticket.DivisionId, ct) && await TicketAssignment.LeastLoadedOfficerAsync(db, ticket.DivisionId, ct) is { } officer)
        {
            ticket.AssignedUserId = officer.Id;
            ticket.AssignedUserName = officer.Name;
            ticket.Status = TicketStatus.Ditugaskan;
            var assigned = Event(ticket.Id, TicketEventKind.Assigned, actor, now, TicketStatus.Baru, TicketStatus.Ditugaskan, text: officer.Name);
            events.Add(assigned);
            db.Add(assigned);
        }

        await sla.ApplyAsync(db, ticket, events, ct);
        await db.SaveChangesAsync(ct);
        return ticket;
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
}
