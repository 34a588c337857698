using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Account;
using KopUkm.Dashboard.Features.Calendar;
using KopUkm.Dashboard.Features.Notifications;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Features.Cooperatives.Cases;

/// <summary>
/// Registration and data-update cases: opening, the verification stages, the document checklist, assignment and
/// comments. Every action is checked against the workflow and the user's role and division on the server, and
/// leaves a timeline event.
/// </summary>
public sealed class RegistrationCaseService(
    IDbContextFactory<AppDbContext> dbFactory,
    AccessGuard guard,
    IOptions<CooperativeOptions> options,
    WorkingCalendarProvider calendars,
    NotificationService notifications,
    ChangeNotifier changes,
    TimeProvider clock)
{
    public async Task<CaseView?> GetAsync(int caseId, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewCooperatives);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.Set<RegistrationCase>().AsNoTracking()
            .Include(c => c.Documents)
            .Include(c => c.Cooperative)
            .FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (found is null)
        {
            return null;
        }

        var events = await db.Set<CaseEvent>().AsNoTracking()
            .Where(e => e.CaseId == caseId)
            .OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
            .Select(e => new CaseEventView(e.Kind, e.FromStage, e.ToStage, e.Document, e.Text, e.ByName, e.AtUtc))
            .ToListAsync(ct);
        var canWork = CooperativeAccess.CanWork(user, options.Value);
        var now = clock.GetUtcNow().UtcDateTime;
        return new CaseView(
            found.Id,
            found.Version,
            found.CooperativeId,
            found.Cooperative!.Name,
            found.Kind,
            found.Stage,
            found.SubmittedAtUtc,
            found.StageEnteredAtUtc,
            found.StageDueAtUtc,
            found.StageDueAtUtc < now,
            found.ClosedAtUtc,
            found.AssignedUserId,
            found.AssignedUserName,
            found.LastReason,
            [.. found.Documents.OrderBy(d => d.Kind).Select(d => new CaseDocumentView(d.Id, d.Version, d.Kind, d.IsRequired, d.IsVerified, d.Note, d.VerifiedByName, d.VerifiedAtUtc))],
            events,
            canWork ? CaseWorkflow.NextStages(found.Stage) : [],
            canWork && !CaseWorkflow.IsClosed(found.Stage),
            CooperativeAccess.CanAssign(user, options.Value) && !CaseWorkflow.IsClosed(found.Stage));
    }

    /// <summary>Opens a case on a cooperative with its document checklist. One open case per cooperative at a time.</summary>
    public async Task<(CommandResult Result, int? CaseId)> OpenAsync(int cooperativeId, CaseKind kind, CancellationToken ct = default)
    {
        var user = await DemandWorkerAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Set<Cooperative>().AnyAsync(c => c.Id == cooperativeId, ct))
        {
            return (CommandResult.Fail("Cases.CooperativeNotFound"), null);
        }

        if (await db.Set<RegistrationCase>().AnyAsync(c => c.CooperativeId == cooperativeId && c.ClosedAtUtc == null, ct))
        {
            return (CommandResult.Fail("Cases.AlreadyOpen"), null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var registration = new RegistrationCase
        {
            CooperativeId = cooperativeId,
            Kind = kind,
            Stage = CaseStage.Diajukan,
            SubmittedAtUtc = now,
            StageEnteredAtUtc = now,
            Documents = [.. Enum.GetValues<DocumentKind>().Select(d => new CaseDocument { Kind = d, IsRequired = CaseWorkflow.IsRequired(kind, d) })],
        };
        registration.StageDueAtUtc = await DueAsync(db, [(CaseStage.Diajukan, now)], CaseStage.Diajukan, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Add(registration);
        await db.SaveChangesAsync(ct);
        db.Add(Event(registration.Id, CaseEventKind.Submitted, user, now, toStage: CaseStage.Diajukan));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        changes.Publish(ChangeTopic.Cooperatives);
        return (CommandResult.Success, registration.Id);
    }

    /// <summary>Moves a case to another stage if the workflow, the checklist and the user allow it.</summary>
    public async Task<CommandResult> MoveAsync(int caseId, long version, CaseStage to, string? reason, CancellationToken ct = default)
    {
        var user = await DemandWorkerAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var registration = await db.FindForUpdateAsync<RegistrationCase>(caseId, version, ct);
        if (registration is null)
        {
            return CommandResult.Conflict();
        }

        await db.Entry(registration).Collection(c => c.Documents).LoadAsync(ct);
        var from = registration.Stage;
        if (!CaseWorkflow.CanMove(from, to))
        {
            return CommandResult.Fail("Cases.TransitionNotAllowed", null, from.ToString(), to.ToString());
        }

        var trimmedReason = reason?.Trim() ?? "";
        if (CaseWorkflow.RequiresReason(to) && trimmedReason.Length == 0)
        {
            return CommandResult.Fail("Cases.ReasonRequired", "Reason");
        }

        if (CaseWorkflow.RequiresVerifiedDocuments(to) && registration.Documents.Any(d => d.IsRequired && !d.IsVerified))
        {
            return CommandResult.Fail("Cases.DocumentsNotVerified");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var calendar = await calendars.GetAsync(ct);
        var minutesInStage = StageClock.WorkingMinutesInStage(registration.StageEnteredAtUtc, now, calendar);
        var visits = await VisitsAsync(db, caseId, ct);
        visits.Add((to, now));
        registration.Stage = to;
        registration.StageEnteredAtUtc = now;
        registration.LastReason = trimmedReason.Length > 0 ? trimmedReason : null;
        registration.ClosedAtUtc = CaseWorkflow.IsClosed(to) ? now : null;
        registration.StageDueAtUtc = await DueAsync(db, visits, to, ct);
        var moved = Event(caseId, CaseEventKind.StageChanged, user, now, from, to, trimmedReason);
        moved.StageWorkingMinutes = minutesInStage;
        db.Add(moved);
        return Published(await db.TrySaveAsync(ct));
    }

    /// <summary>Marks one checklist item verified (or not) with a note.</summary>
    public async Task<CommandResult> SetDocumentAsync(int caseId, int documentId, long documentVersion, bool verified, string? note, CancellationToken ct = default)
    {
        var user = await DemandWorkerAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stage = await db.Set<RegistrationCase>().Where(c => c.Id == caseId).Select(c => (CaseStage?)c.Stage).FirstOrDefaultAsync(ct);
        if (stage is null || CaseWorkflow.IsClosed(stage.Value))
        {
            return CommandResult.Fail("Cases.Closed");
        }

        var document = await db.FindForUpdateAsync<CaseDocument>(documentId, documentVersion, ct);
        if (document is null || document.CaseId != caseId)
        {
            return CommandResult.Conflict();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        document.IsVerified = verified;
        document.Note = note?.Trim() ?? "";
        document.VerifiedByName = verified ? user.DisplayName : null;
        document.VerifiedAtUtc = verified ? now : null;
        var @event = Event(caseId, verified ? CaseEventKind.DocumentVerified : CaseEventKind.DocumentUnverified, user, now, text: document.Note);
        @event.Document = document.Kind;
        db.Add(@event);
        return Published(await db.TrySaveAsync(ct));
    }

    /// <summary>Division heads of the cooperative divisions assign (or reassign) a case to an officer.</summary>
    public async Task<CommandResult> AssignAsync(int caseId, long version, string assigneeUserId, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewCooperatives);
        if (!CooperativeAccess.CanAssign(user, options.Value))
        {
            throw new AccessDeniedException($"User '{user.DisplayName}' may not assign cases.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var assignee = (await ListAssigneesAsync(db, ct)).FirstOrDefault(a => a.Id == assigneeUserId);
        if (assignee is null)
        {
            return CommandResult.Fail("Cases.AssigneeNotAllowed", "Assignee");
        }

        var registration = await db.FindForUpdateAsync<RegistrationCase>(caseId, version, ct);
        if (registration is null)
        {
            return CommandResult.Conflict();
        }

        if (CaseWorkflow.IsClosed(registration.Stage))
        {
            return CommandResult.Fail("Cases.Closed");
        }

        registration.AssignedUserId = assignee.Id;
        registration.AssignedUserName = assignee.Name;
        db.Add(Event(caseId, CaseEventKind.Assigned, user, clock.GetUtcNow().UtcDateTime, text: assignee.Name));
        var saved = Published(await db.TrySaveAsync(ct));
        if (saved.Succeeded && assignee.Id != user.UserId)
        {
            // The version after the save names this assignment, so a later reassignment to the same officer notifies again.
            var cooperative = await db.Set<Cooperative>().Where(c => c.Id == registration.CooperativeId).Select(c => c.Name).FirstAsync(ct);
            await notifications.NotifyAsync(
                assignee.Id,
                $"case:{caseId}:assigned:v{registration.Version}",
                "case-assigned",
                "Notification.CaseAssigned",
                [user.DisplayName, cooperative],
                $"/koperasi/kasus/{caseId}",
                ct);
        }

        return saved;
    }

    public async Task<CommandResult> CommentAsync(int caseId, string text, CancellationToken ct = default)
    {
        var user = await DemandWorkerAsync();
        var body = text?.Trim() ?? "";
        if (body.Length is 0 or > 2000)
        {
            return CommandResult.Fail("Validation.Required", "Comment");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Set<RegistrationCase>().AnyAsync(c => c.Id == caseId, ct))
        {
            return CommandResult.Fail("Cases.NotFound");
        }

        db.Add(Event(caseId, CaseEventKind.Commented, user, clock.GetUtcNow().UtcDateTime, text: body));
        await db.SaveChangesAsync(ct);
        return CommandResult.Success;
    }

    /// <summary>Active officers and heads of the cooperative divisions, for the assignment picker.</summary>
    public async Task<IReadOnlyList<Assignee>> ListAssigneesAsync(CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.ViewCooperatives);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ListAssigneesAsync(db, ct);
    }

    /// <summary>Recomputes the due time of every open case, e.g. after the holiday list changed. Changes nothing twice.</summary>
    public async Task<int> RefreshDueDatesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = await db.Set<RegistrationCase>().Where(c => c.ClosedAtUtc == null).ToListAsync(ct);
        var changed = 0;
        foreach (var registration in open)
        {
            var due = await DueAsync(db, await VisitsAsync(db, registration.Id, ct), registration.Stage, ct);
            if (due != registration.StageDueAtUtc)
            {
                registration.StageDueAtUtc = due;
                changed++;
            }
        }

        await db.SaveChangesAsync(ct);
        if (changed > 0)
        {
            changes.Publish(ChangeTopic.Cooperatives);
        }

        return changed;
    }

    /// <summary>Tells open pages (the dashboard, the register) that cases changed, once the save succeeded.</summary>
    private CommandResult Published(CommandResult result)
    {
        if (result.Succeeded)
        {
            changes.Publish(ChangeTopic.Cooperatives);
        }

        return result;
    }

    private async Task<UserContext> DemandWorkerAsync()
    {
        var user = await guard.DemandAsync(Permissions.ViewCooperatives);
        if (!CooperativeAccess.CanWork(user, options.Value))
        {
            throw new AccessDeniedException($"User '{user.DisplayName}' may not act on cooperative cases.");
        }

        return user;
    }

    /// <summary>A few dozen people at most: filtered in SQL, shaped in memory.</summary>
    private async Task<List<Assignee>> ListAssigneesAsync(AppDbContext db, CancellationToken ct)
    {
        var codes = options.Value.WorkingDivisionCodes;
        var rows = await (from u in db.ActiveStaffInRoles(AppRoles.Petugas, AppRoles.KepalaBidang)
                          join d in db.Set<Division>() on u.DivisionId equals d.Id
                          where codes.Contains(d.Code)
                          orderby u.FullName
                          select new { u.Id, u.FullName, d.Code })
            .ToListAsync(ct);
        return [.. rows.Select(r => new Assignee(r.Id, r.FullName, r.Code))];
    }

    private static async Task<List<(CaseStage Stage, DateTime EnteredAtUtc)>> VisitsAsync(AppDbContext db, int caseId, CancellationToken ct)
    {
        var events = await db.Set<CaseEvent>().AsNoTracking()
            .Where(e => e.CaseId == caseId && e.ToStage != null && (e.Kind == CaseEventKind.Submitted || e.Kind == CaseEventKind.StageChanged))
            .OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
            .Select(e => new { e.ToStage, e.AtUtc })
            .ToListAsync(ct);
        return [.. events.Select(e => (e.ToStage!.Value, e.AtUtc))];
    }

    private async Task<DateTime?> DueAsync(AppDbContext db, IReadOnlyList<(CaseStage, DateTime)> visits, CaseStage stage, CancellationToken ct)
    {
        var target = await db.Set<StageTarget>().AsNoTracking().Where(t => t.Stage == stage).Select(t => (int?)t.TargetWorkingDays).FirstOrDefaultAsync(ct);
        return StageClock.DueAt(visits, target, await calendars.GetAsync(ct));
    }

    private static CaseEvent Event(int caseId, CaseEventKind kind, UserContext user, DateTime now, CaseStage? fromStage = null, CaseStage? toStage = null, string text = "") => new()
    {
        CaseId = caseId,
        Kind = kind,
        FromStage = fromStage,
        ToStage = toStage,
        Text = text,
        ByUserId = user.UserId,
        ByName = user.DisplayName,
        AtUtc = now,
    };
}

public sealed record Assignee(string Id, string Name, string DivisionCode);

public sealed record CaseDocumentView(int Id, long Version, DocumentKind Kind, bool IsRequired, bool IsVerified, string Note, string? VerifiedByName, DateTime? VerifiedAtUtc);

public sealed record CaseEventView(CaseEventKind Kind, CaseStage? FromStage, CaseStage? ToStage, DocumentKind? Document, string Text, string ByName, DateTime AtUtc);

public sealed record CaseView(
    int Id,
    long Version,
    int CooperativeId,
    string CooperativeName,
    CaseKind Kind,
    CaseStage Stage,
    DateTime SubmittedAtUtc,
    DateTime StageEnteredAtUtc,
    DateTime? StageDueAtUtc,
    bool IsOverdue,
    DateTime? ClosedAtUtc,
    string? AssignedUserId,
    string? AssignedUserName,
    string? LastReason,
    IReadOnlyList<CaseDocumentView> Documents,
    IReadOnlyList<CaseEventView> Timeline,
    IReadOnlyList<CaseStage> AllowedMoves,
    bool CanWork,
    bool CanAssign);
