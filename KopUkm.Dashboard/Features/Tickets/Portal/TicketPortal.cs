using System.Globalization;
using System.Security.Cryptography;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.Auditing;
using KopUkm.Dashboard.Features.Notifications;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.ServiceCatalog;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Features.Tickets.Portal;

/// <summary>
/// What a member of the public does with a ticket, without an account: submit it (channel Portal, through the same
/// intake as every channel), open it with code + PIN or a signed link, answer while it waits on them, close it once
/// resolved, or reopen it within the reopen window. Every save is audited as the public portal ("Sistem · Portal
/// publik"); the events name the applicant.
/// </summary>
public sealed class TicketPortal(
    IDbContextFactory<AppDbContext> dbFactory,
    TicketIntake intake,
    TicketActionRecorder recorder,
    IAttachmentStore files,
    TicketApplicantEmails emails,
    TicketTrackingLinks links,
    NotificationService notifications,
    IOptions<TicketOptions> options,
    JobActor auditActor,
    TimeProvider clock)
{
    /// <summary>The name recorded on the events the portal writes for the applicant before anyone works the ticket.</summary>
    public const string ActorName = "Portal";

    /// <summary>The audit trail's name for saves made from the public portal (<c>Audit.Job.PublicPortal</c>).</summary>
    public const string AuditName = "PublicPortal";

    private static readonly PasswordHasher<TicketPortalAccess> Hasher = new();

    // Verified when a code is unknown, so that an unknown code and a wrong PIN take the same time.
    private static readonly Lazy<string> DecoyHash = new(() => Hasher.HashPassword(null!, "00000000"));

    /// <summary>Active services for the form, by name.</summary>
    public async Task<IReadOnlyList<PortalChoice>> ServicesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<ServiceType>().AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.NameId)
            .Select(s => new PortalChoice(s.Id, s.Code, s.NameId)).ToListAsync(ct);
    }

    /// <summary>Active regencies and cities for the form, by name.</summary>
    public async Task<IReadOnlyList<PortalChoice>> RegionsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Region>().AsNoTracking().Where(r => r.IsActive).OrderBy(r => r.Name)
            .Select(r => new PortalChoice(r.Id, r.Code, r.Name)).ToListAsync(ct);
    }

    /// <summary>
    /// Records the request as a ticket on channel Portal with its files, the hashed PIN and the receipt e-mail, all in
    /// one transaction. On the database store the files' contents are saved in that transaction; on the file store they
    /// are written first and deleted again if anything fails: nothing is half-saved.
    /// </summary>
    public async Task<PortalSubmitResult> SubmitAsync(PortalRequestForm form, IReadOnlyList<IncomingFile> incoming, CancellationToken ct = default)
    {
        auditActor.Name(AuditName);
        var errors = form.Validate();
        errors.AddRange(await TicketAttachmentFiles.CheckAsync(incoming, "Files", ct));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var service = await db.Set<ServiceType>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == form.ServiceTypeId && s.IsActive, ct);
        if (service is null && form.ServiceTypeId > 0)
        {
            errors.Add(new(nameof(form.ServiceTypeId), "Portal.Validation.Service", []));
        }

        if (form.RegionId > 0 && !await db.Set<Region>().AnyAsync(r => r.Id == form.RegionId && r.IsActive, ct))
        {
            errors.Add(new(nameof(form.RegionId), "Portal.Validation.Region", []));
        }

        if (errors.Count > 0)
        {
            return new(new CommandResult(errors), null, null, null);
        }

        var stored = await files.WriteAsync(db, incoming, ct);
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var pin = RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var ticket = await intake.RecordAsync(db, form.ToIntake(), service!, PortalActor(ActorName), now, ct);
            db.Add(new TicketPortalAccess { TicketId = ticket.Id, PinHash = Hasher.HashPassword(null!, pin), CreatedAtUtc = now });
            AddAttachments(db, ticket.Id, null, stored, now);
            await emails.ReceiptAsync(db, ticket, service!.NameId, pin, service.ResolutionWorkingDays, ticket.ResolutionDueAtUtc, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            await NotifyAssigneeAsync(ticket, $"ticket:{ticket.Id}:portal-assigned", "Notification.TicketPortalAssigned", ct);
            return new(CommandResult.Success, ticket.Code, pin, new PortalReceipt(ticket.Code, service.NameId, service.ResolutionWorkingDays, ticket.ResolutionDueAtUtc, !string.IsNullOrEmpty(ticket.Email)));
        }
        catch
        {
            files.Discard(stored);
            throw;
        }
    }

    /// <summary>
    /// The ticket a code and PIN open, or null. An unknown code costs the same hashing as a wrong PIN, so the answer
    /// time does not tell which it was.
    /// </summary>
    public async Task<int?> VerifyAsync(string? code, string? pin, CancellationToken ct = default)
    {
        var normalizedCode = (code ?? "").Trim().ToUpperInvariant();
        var givenPin = (pin ?? "").Trim();
        int? ticketId = null;
        string hash = DecoyHash.Value;
        if (normalizedCode.Length is > 0 and <= 20)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var found = await (from t in db.Set<Ticket>().AsNoTracking()
                               join a in db.Set<TicketPortalAccess>().AsNoTracking() on t.Id equals a.TicketId
                               where t.Code == normalizedCode
                               select new { t.Id, a.PinHash }).FirstOrDefaultAsync(ct);
            if (found is not null)
            {
                ticketId = found.Id;
                hash = found.PinHash;
            }
        }

        var verified = Hasher.VerifyHashedPassword(null!, hash, givenPin.Length is > 0 and <= 12 ? givenPin : "-") != PasswordVerificationResult.Failed;
        return verified ? ticketId : null;
    }

    /// <summary>The ticket a signed e-mail link opens, if the link is genuine, current and names a portal ticket.</summary>
    public async Task<int?> OpenLinkAsync(string? token, CancellationToken ct = default)
    {
        if (links.Read(token) is not { } id)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<TicketPortalAccess>().AnyAsync(a => a.TicketId == id, ct) ? id : null;
    }

    /// <summary>
    /// What the applicant sees: status, expected date, the public timeline (replies to them, their own answers and the
    /// status changes — never internal notes, assignments or officers' names) and their files. Marks the replies shown
    /// for the first time as seen.
    /// </summary>
    public async Task<PortalTrackingView?> TrackAsync(int ticketId, CancellationToken ct = default)
    {
        auditActor.Name(AuditName);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ticket = await db.Set<Ticket>().AsNoTracking().Include(t => t.ServiceType).Include(t => t.Division)
            .FirstOrDefaultAsync(t => t.Id == ticketId, ct);
        if (ticket is null || !await db.Set<TicketPortalAccess>().AnyAsync(a => a.TicketId == ticketId, ct))
        {
            return null;
        }

        var events = await db.Set<TicketEvent>().Where(e => e.TicketId == ticketId).OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var unseen = events.Where(e => e.Kind == TicketEventKind.Replied && e.SeenByApplicantAtUtc is null).ToList();
        foreach (var reply in unseen)
        {
            reply.SeenByApplicantAtUtc = now;
        }

        if (unseen.Count > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        var attachments = await db.Set<TicketAttachment>().AsNoTracking().Where(a => a.TicketId == ticketId).OrderBy(a => a.Id)
            .Select(a => new PortalAttachment(a.Id, a.FileName, a.SizeBytes, a.TicketEventId)).ToListAsync(ct);
        var timeline = events.Select(PublicEntry).OfType<PortalTimelineEntry>().ToList();
        var ended = ticket.ResolvedAtUtc ?? ticket.ClosedAtUtc;
        var canReopen = ticket.Status is TicketStatus.Selesai or TicketStatus.Ditutup
            && ended is { } e && now - e <= TimeSpan.FromDays(options.Value.ReopenWindowDays);
        return new PortalTrackingView(
            ticket.Id, ticket.Code, ticket.Status, ticket.ServiceType!.NameId, ticket.Division!.Name, ticket.CreatedAtUtc,
            ticket.ResolutionDueAtUtc, ticket.ResolvedAtUtc, ticket.PauseReason, ticket.Version, timeline, attachments,
            CanAnswer: ticket.Status == TicketStatus.MenungguPemohon,
            CanClose: TicketWorkflow.ApplicantMayClose(ticket.Status),
            CanReopen: canReopen,
            options.Value.ReopenWindowDays);
    }

    /// <summary>The applicant's answer while the ticket waits on them: recorded with its files, resuming the clock.</summary>
    public async Task<CommandResult> AnswerAsync(int ticketId, long version, string? text, IReadOnlyList<IncomingFile> incoming, CancellationToken ct = default)
    {
        auditActor.Name(AuditName);
        var body = text?.Trim() ?? "";
        var errors = new List<CommandError>();
        if (body.Length == 0)
        {
            errors.Add(new("Text", "Validation.Required", []));
        }
        else if (body.Length > PortalRequestForm.DescriptionMax)
        {
            errors.Add(new("Text", "Validation.MaxLength", [PortalRequestForm.DescriptionMax]));
        }

        errors.AddRange(await TicketAttachmentFiles.CheckAsync(incoming, "Files", ct));
        if (errors.Count > 0)
        {
            return new CommandResult(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ticket = await db.FindForUpdateAsync<Ticket>(ticketId, version, ct);
        if (ticket is null)
        {
            return CommandResult.Conflict();
        }

        if (ticket.Status != TicketStatus.MenungguPemohon)
        {
            return CommandResult.Fail("Portal.Track.NotWaiting");
        }

        var stored = await files.WriteAsync(db, incoming, ct);
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var actor = PortalActor(ticket.ApplicantName);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var answer = TicketActionSupport.Event(ticketId, TicketEventKind.ApplicantAnswered, actor, now, text: body);
            db.Add(answer);
            await db.SaveChangesAsync(ct);
            AddAttachments(db, ticketId, answer.Id, stored, now);
            var from = ticket.Status;
            ticket.Status = TicketStatus.Diproses;
            ticket.PauseReason = null;
            var result = await recorder.SaveAsync(db, ticket, actor, [TicketActionSupport.Event(ticketId, TicketEventKind.Resumed, actor, now, from, TicketStatus.Diproses)], ct, countsAsAcceptance: false);
            if (!result.Succeeded)
            {
                files.Discard(stored);
                return result;
            }

            await transaction.CommitAsync(ct);
            await NotifyAssigneeAsync(ticket, $"ticket:{ticketId}:answer:{answer.Id}", "Notification.TicketApplicantAnswered", ct);
            return result;
        }
        catch
        {
            files.Discard(stored);
            throw;
        }
    }

    /// <summary>The applicant closes their resolved request (Selesai → Ditutup), with a reason.</summary>
    public Task<CommandResult> CloseAsync(int ticketId, long version, string? reason, CancellationToken ct = default) =>
        MoveAsync(ticketId, version, TicketStatus.Ditutup, reason, ct);

    /// <summary>The applicant reopens their request within the reopen window, with a reason.</summary>
    public Task<CommandResult> ReopenAsync(int ticketId, long version, string? reason, CancellationToken ct = default) =>
        MoveAsync(ticketId, version, TicketStatus.DibukaKembali, reason, ct);

    /// <summary>One of the applicant's files on their ticket, or null.</summary>
    public async Task<(TicketAttachment Attachment, Stream Content)?> OpenAttachmentAsync(int ticketId, int attachmentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var attachment = await db.Set<TicketAttachment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.TicketId == ticketId, ct);
        return attachment is not null && await files.OpenAsync(db, attachment.StoredName, ct) is { } stream ? (attachment, stream) : null;
    }

    private async Task<CommandResult> MoveAsync(int ticketId, long version, TicketStatus to, string? reason, CancellationToken ct)
    {
        auditActor.Name(AuditName);
        var body = reason?.Trim() ?? "";
        if (body.Length == 0)
        {
            return CommandResult.Fail("Portal.Track.ReasonRequired", "Reason");
        }

        if (body.Length > 1000)
        {
            return CommandResult.Fail("Validation.MaxLength", "Reason", 1000);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ticket = await db.FindForUpdateAsync<Ticket>(ticketId, version, ct);
        if (ticket is null)
        {
            return CommandResult.Conflict();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var actor = PortalActor(ticket.ApplicantName);
        var from = ticket.Status;
        TicketEvent moved;
        if (to == TicketStatus.Ditutup)
        {
            if (!TicketWorkflow.ApplicantMayClose(from))
            {
                return CommandResult.Fail("Portal.Track.CannotClose");
            }

            ticket.ClosedAtUtc = now;
            moved = TicketActionSupport.Event(ticketId, TicketEventKind.Closed, actor, now, from, to, text: body);
        }
        else
        {
            var ended = ticket.ResolvedAtUtc ?? ticket.ClosedAtUtc;
            if (!TicketWorkflow.CanMove(from, to) || ended is null || now - ended.Value > TimeSpan.FromDays(options.Value.ReopenWindowDays))
            {
                return CommandResult.Fail("Portal.Track.ReopenWindowPassed", null, options.Value.ReopenWindowDays);
            }

            ticket.ResolvedAtUtc = null;
            ticket.ClosedAtUtc = null;
            ticket.ReopenCount++;
            moved = TicketActionSupport.Event(ticketId, TicketEventKind.Reopened, actor, now, from, to, text: body);
        }

        ticket.Status = to;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await recorder.SaveAsync(db, ticket, actor, [moved], ct, countsAsAcceptance: false);
        if (!result.Succeeded)
        {
            return result;
        }

        if (to == TicketStatus.Ditutup)
        {
            await emails.ClosedAsync(db, ticket, moved, ct);
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        await NotifyAssigneeAsync(ticket, $"ticket:{ticketId}:applicant-{to}:{moved.Id}",
            to == TicketStatus.Ditutup ? "Notification.TicketApplicantClosed" : "Notification.TicketApplicantReopened", ct);
        return result;
    }

    private static void AddAttachments(AppDbContext db, int ticketId, long? eventId, IEnumerable<StoredFile> stored, DateTime now) =>
        db.AddRange(stored.Select(f => new TicketAttachment
        {
            TicketId = ticketId,
            TicketEventId = eventId,
            FileName = f.FileName,
            ContentType = f.ContentType,
            SizeBytes = f.SizeBytes,
            StoredName = f.StoredName,
            UploadedAtUtc = now,
        }));

    private async Task NotifyAssigneeAsync(Ticket ticket, string key, string messageKey, CancellationToken ct)
    {
        if (ticket.AssignedUserId is { } userId)
        {
            await notifications.NotifyAsync(userId, key, "ticket-portal", messageKey, [ticket.Code, ticket.ApplicantName],
                string.Create(CultureInfo.InvariantCulture, $"/layanan/{ticket.Id}"), ct);
        }
    }

    /// <summary>The applicant (or the portal itself) as the actor of ticket events: no account, no role, no division.</summary>
    private static UserContext PortalActor(string name) => new(null, name, new HashSet<string>(), null, null);

    /// <summary>One event as the applicant may see it, or null for what stays inside the office.</summary>
    private static PortalTimelineEntry? PublicEntry(TicketEvent e) => e.Kind switch
    {
        TicketEventKind.Created => new(e.Kind, null, e.ToStatus, "", true, e.AtUtc),
        TicketEventKind.Replied => new(e.Kind, null, null, e.Text, false, e.AtUtc),
        TicketEventKind.Paused => new(e.Kind, e.FromStatus, e.ToStatus, e.Text, false, e.AtUtc),
        TicketEventKind.Resolved => new(e.Kind, e.FromStatus, e.ToStatus, e.Text, false, e.AtUtc),
        TicketEventKind.ApplicantAnswered => new(e.Kind, null, null, e.Text, true, e.AtUtc),
        // The applicant's own reasons are theirs to see; an officer's reason for closing or reopening stays inside.
        TicketEventKind.Closed or TicketEventKind.Reopened => new(e.Kind, e.FromStatus, e.ToStatus, e.ByUserId is null && e.ByName != ActorName ? e.Text : "", e.ByUserId is null, e.AtUtc),
        TicketEventKind.StatusChanged or TicketEventKind.Resumed when e.ToStatus is not null => new(e.Kind, e.FromStatus, e.ToStatus, "", false, e.AtUtc),
        _ => null,
    };
}

public sealed record PortalChoice(int Id, string Code, string Name);

public sealed record PortalReceipt(string Code, string ServiceName, int ResolutionWorkingDays, DateTime? DueAtUtc, bool EmailSent);

public sealed record PortalSubmitResult(CommandResult Result, string? Code, string? Pin, PortalReceipt? Receipt);

/// <param name="ByApplicant">Written by the applicant (answers, their own close or reopen); otherwise by the office.</param>
public sealed record PortalTimelineEntry(TicketEventKind Kind, TicketStatus? FromStatus, TicketStatus? ToStatus, string Text, bool ByApplicant, DateTime AtUtc);

/// <param name="TicketEventId">The answer it came with; null for the request itself.</param>
public sealed record PortalAttachment(int Id, string FileName, long SizeBytes, long? TicketEventId);

public sealed record PortalTrackingView(
    int TicketId,
    string Code,
    TicketStatus Status,
    string ServiceName,
    string DivisionName,
    DateTime CreatedAtUtc,
    DateTime? DueAtUtc,
    DateTime? ResolvedAtUtc,
    string? Question,
    long Version,
    IReadOnlyList<PortalTimelineEntry> Timeline,
    IReadOnlyList<PortalAttachment> Attachments,
    bool CanAnswer,
    bool CanClose,
    bool CanReopen,
    int ReopenWindowDays);
