using KopUkm.Dashboard.Features.Calendar;
using KopUkm.Dashboard.Features.Security;

namespace KopUkm.Dashboard.Features.Tickets.Demo;

/// <summary>
/// Plays planned steps on a demo ticket the way <see cref="TicketMoves"/>, <see cref="TicketAssignment"/> and
/// <see cref="TicketHandoffs"/> record real actions: the same events with the same statuses, the same ticket columns,
/// handoffs with their acceptance due time and acceptance when the receiving division first acts. A step the workflow
/// would refuse is skipped, so the log always follows the rules.
/// </summary>
internal sealed class DemoTicketLife(Ticket ticket, WorkingCalendar calendar, int acceptanceWorkingDays)
{
    public List<TicketEvent> Events { get; } = [];

    public List<TicketHandoff> Handoffs { get; } = [];

    public void Created(TicketStaff? by, DateTime at) =>
        Add(TicketEventKind.Created, at, by, toStatus: TicketStatus.Baru, toDivisionId: ticket.DivisionId);

    public void Apply(PlannedStep step)
    {
        var from = ticket.Status;
        switch (step.Kind)
        {
            case TicketEventKind.Assigned when step.Assignee is { } assignee && TicketWorkflow.IsOpen(from):
                ticket.AssignedUserId = assignee.UserId;
                ticket.AssignedUserName = assignee.Name;
                ticket.Status = from == TicketStatus.Baru ? TicketStatus.Ditugaskan : from;
                Accept(step);
                Add(TicketEventKind.Assigned, step.At, step.By, from, ticket.Status, assignee.Name);
                break;
            case TicketEventKind.Replied when TicketWorkflow.IsOpen(from):
                ticket.FirstRespondedAtUtc ??= step.At;
                Accept(step);
                Add(TicketEventKind.Replied, step.At, step.By, text: step.Text);
                if (from is TicketStatus.Ditugaskan or TicketStatus.DibukaKembali)
                {
                    // Answering the applicant is starting the work.
                    ticket.Status = TicketStatus.Diproses;
                    Add(TicketEventKind.StatusChanged, step.At, step.By, from, TicketStatus.Diproses);
                }

                break;
            case TicketEventKind.NoteAdded when TicketWorkflow.IsOpen(from):
                Add(TicketEventKind.NoteAdded, step.At, step.By, text: step.Text);
                break;
            case TicketEventKind.Paused when TicketWorkflow.CanMove(from, TicketStatus.MenungguPemohon):
                ticket.Status = TicketStatus.MenungguPemohon;
                ticket.PauseReason = step.Text;
                Add(TicketEventKind.Paused, step.At, step.By, from, ticket.Status, step.Text);
                break;
            case TicketEventKind.Resumed when from == TicketStatus.MenungguPemohon:
                ticket.Status = TicketStatus.Diproses;
                ticket.PauseReason = null;
                Add(TicketEventKind.Resumed, step.At, step.By, from, ticket.Status, step.Text);
                break;
            case TicketEventKind.Resolved when TicketWorkflow.CanMove(from, TicketStatus.Selesai):
                ticket.Status = TicketStatus.Selesai;
                ticket.ResolvedAtUtc = step.At;
                ticket.ResolutionNote = step.Text;
                ticket.PauseReason = null;
                Add(TicketEventKind.Resolved, step.At, step.By, from, ticket.Status, step.Text);
                break;
            case TicketEventKind.Closed when TicketWorkflow.CanMove(from, TicketStatus.Ditutup):
                ticket.Status = TicketStatus.Ditutup;
                ticket.ClosedAtUtc = step.At;
                Add(TicketEventKind.Closed, step.At, step.By, from, ticket.Status, step.Text);
                break;
            case TicketEventKind.Reopened when TicketWorkflow.CanMove(from, TicketStatus.DibukaKembali):
                ticket.Status = TicketStatus.DibukaKembali;
                ticket.ResolvedAtUtc = null;
                ticket.ClosedAtUtc = null;
                ticket.ReopenCount++;
                Add(TicketEventKind.Reopened, step.At, step.By, from, ticket.Status, step.Text);
                break;
            case TicketEventKind.HandedOff when step.ToDivisionId is { } to && to != ticket.DivisionId && TicketWorkflow.IsOpen(from):
                Handoffs.Add(new TicketHandoff
                {
                    FromDivisionId = ticket.DivisionId,
                    ToDivisionId = to,
                    Reason = step.Text,
                    ByName = Name(step.By),
                    HandedOffAtUtc = step.At,
                    AcceptanceDueAtUtc = calendar.AddWorkingDays(step.At, acceptanceWorkingDays),
                });
                var handedOff = Add(TicketEventKind.HandedOff, step.At, step.By, from, TicketStatus.Baru, step.Text);
                handedOff.FromDivisionId = ticket.DivisionId;
                handedOff.ToDivisionId = to;
                ticket.DivisionId = to;
                ticket.AssignedUserId = null;
                ticket.AssignedUserName = null;
                ticket.Status = TicketStatus.Baru;
                break;
        }
    }

    /// <summary>The receiving division's first action (its staff only, never the system) accepts a pending handoff.</summary>
    private void Accept(PlannedStep step)
    {
        if (step.By is null)
        {
            return;
        }

        foreach (var handoff in Handoffs.Where(h => h.ToDivisionId == ticket.DivisionId && h.AcceptedAtUtc is null))
        {
            handoff.AcceptedAtUtc = step.At;
        }
    }

    private TicketEvent Add(TicketEventKind kind, DateTime at, TicketStaff? by, TicketStatus? fromStatus = null, TicketStatus? toStatus = null, string text = "", int? toDivisionId = null)
    {
        var entry = new TicketEvent
        {
            Kind = kind,
            FromStatus = fromStatus,
            ToStatus = toStatus,
            ToDivisionId = toDivisionId,
            Text = text,
            ByUserId = by?.UserId,
            ByName = Name(by),
            AtUtc = at,
        };
        Events.Add(entry);
        return entry;
    }

    private static string Name(TicketStaff? by) => by?.Name ?? UserContext.System.DisplayName;
}
