using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static KopUkm.Dashboard.Features.Tickets.TicketActionSupport;

namespace KopUkm.Dashboard.Features.Tickets;

/// <summary>
/// Working a ticket: status moves along <see cref="TicketWorkflow"/> (waiting, resolving and reopening need a text;
/// reopening only within the window), replies to the applicant and internal notes.
/// </summary>
public sealed class TicketMoves(
    IDbContextFactory<AppDbContext> dbFactory,
    AccessGuard guard,
    IOptions<TicketOptions> options,
    TicketActionRecorder recorder,
    Portal.TicketApplicantEmails applicantEmails,
    IEnumerable<ITicketResolvedHandler> resolvedHandlers,
    TimeProvider clock)
{
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
            && clock.GetUtcNow().UtcDateTime - ended > TimeSpan.FromDays(options.Value.ReopenWindowDays))
        {
            // Past the window a new request becomes a new ticket, so closed history stays closed.
            return CommandResult.Fail("Tickets.ReopenWindowPassed", null, options.Value.ReopenWindowDays);
        }

        var body = text?.Trim() ?? "";
        if (TicketWorkflow.RequiresText(to) && body.Length == 0)
        {
            return CommandResult.Fail(to == TicketStatus.Selesai ? "Tickets.ResolutionRequired" : "Tickets.ReasonRequired", "Text");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var from = ticket.Status;
        var newEvents = new List<TicketEvent>();
        Func<TicketEvent, Task>? email = null;
        ticket.Status = to;
        switch (to)
        {
            case TicketStatus.MenungguPemohon:
                ticket.PauseReason = body;
                newEvents.Add(Event(id, TicketEventKind.Paused, user, now, from, to, text: body));
                email = e => applicantEmails.WaitingAsync(db, ticket, e, ct);
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
                email = e => applicantEmails.ResolvedAsync(db, ticket, e, options.Value.ReopenWindowDays, ct);
                foreach (var handler in resolvedHandlers)
                {
                    await handler.OnResolvedAsync(db, ticket, ct);
                }

                break;
            case TicketStatus.Ditutup:
                ticket.ClosedAtUtc = now;
                newEvents.Add(Event(id, TicketEventKind.Closed, user, now, from, to, text: body));
                email = e => applicantEmails.ClosedAsync(db, ticket, e, ct);
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

        return await SaveWithEmailAsync(db, ticket, user, newEvents, email, ct);
    }

    /// <summary>A reply to the applicant: the first one stops the first-response clock and starts the work.</summary>
    public Task<CommandResult> ReplyAsync(int id, long version, string text, CancellationToken ct = default) =>
        AddTextAsync(id, version, text, isReply: true, ct);

    /// <summary>An internal note, never shown to the applicant.</summary>
    public Task<CommandResult> NoteAsync(int id, long version, string text, CancellationToken ct = default) =>
        AddTextAsync(id, version, text, isReply: false, ct);

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

        var now = clock.GetUtcNow().UtcDateTime;
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

        return await SaveWithEmailAsync(db, ticket, user, events, isReply ? e => applicantEmails.ReplyAsync(db, ticket, e, ct) : null, ct);
    }

    /// <summary>
    /// Saves the action and, when it tells the applicant something, the e-mail keyed by the first new event's id — in one
    /// transaction, so an e-mail is never written for a change that did not happen, nor a change saved without it.
    /// </summary>
    private async Task<CommandResult> SaveWithEmailAsync(AppDbContext db, Ticket ticket, UserContext user, List<TicketEvent> events, Func<TicketEvent, Task>? email, CancellationToken ct)
    {
        if (email is null || string.IsNullOrWhiteSpace(ticket.Email))
        {
            return await recorder.SaveAsync(db, ticket, user, events, ct);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await recorder.SaveAsync(db, ticket, user, events, ct);
        if (!result.Succeeded)
        {
            return result;
        }

        await email(events[0]);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    /// <summary>The moves a user makes by hand: every next status but Ditugaskan, which only assigning reaches.</summary>
    internal static IReadOnlyList<TicketStatus> AllowedMoves(Ticket ticket) =>
        [.. TicketWorkflow.NextStatuses(ticket.Status).Where(to => to != TicketStatus.Ditugaskan)];
}
