using KopUkm.Dashboard.Features.Account;
using System.Globalization;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.ServiceCatalog;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Content;

/// <summary>
/// The content queues: each division's pages and posts, their queue state and freshness. Every action checks role
/// and division (<see cref="ContentAccess"/>), appends to the item's history and recomputes its review date.
/// </summary>
public sealed class ContentService(
    IDbContextFactory<AppDbContext> dbFactory,
    AccessGuard guard,
    ChangeNotifier changes,
    TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The queue's headline: counts per state, oldest waiting item, due soon, overdue and broken.</summary>
    public async Task<ContentQueueSummary> GetSummaryAsync(int? divisionId, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewContent);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Scope(db.Set<ContentItem>().AsNoTracking(), user, divisionId);

        var byState = await query.GroupBy(c => c.State).Select(g => new { State = g.Key, Count = g.Count() }).ToListAsync(ct);
        var live = query.Where(LiveContent.IsLive);
        var dueSoon = await live.CountAsync(c => c.Freshness == ContentFreshness.DueSoon, ct);
        var overdue = await live.CountAsync(c => c.Freshness == ContentFreshness.Overdue, ct);
        var broken = await live.CountAsync(c => c.LiveStatus == LiveStatus.Broken, ct);
        var awaiting = ContentWorkflow.AwaitingAction;
        var oldest = await query.Where(c => awaiting.Contains(c.State)).OrderBy(c => c.StateChangedAtUtc).Select(c => (DateTime?)c.StateChangedAtUtc).FirstOrDefaultAsync(ct);

        return new ContentQueueSummary(
            Enum.GetValues<ContentState>().ToDictionary(s => s, s => byState.FirstOrDefault(b => b.State == s)?.Count ?? 0),
            oldest is { } since ? (int)(Now - since).TotalDays : null,
            dueSoon,
            overdue,
            broken);
    }

    public async Task<PagedResult<ContentRow>> ListAsync(PageRequest request, ContentFilter filter, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewContent);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Scope(db.Set<ContentItem>().AsNoTracking(), user, filter.DivisionId);
        query = Filter(query, filter, request.Search, user);
        var total = await query.CountAsync(ct);
        IOrderedQueryable<ContentItem> ordered = (request.SortBy, request.Descending) switch
        {
            (nameof(ContentRow.Title), false) => query.OrderBy(c => c.Title),
            (nameof(ContentRow.Title), true) => query.OrderByDescending(c => c.Title),
            (nameof(ContentRow.StateChangedAtUtc), false) => query.OrderBy(c => c.StateChangedAtUtc),
            (nameof(ContentRow.StateChangedAtUtc), true) => query.OrderByDescending(c => c.StateChangedAtUtc),
            (nameof(ContentRow.LastReviewedAtUtc), false) => query.OrderBy(c => c.LastReviewedAtUtc),
            (nameof(ContentRow.LastReviewedAtUtc), true) => query.OrderByDescending(c => c.LastReviewedAtUtc),
            (nameof(ContentRow.ReviewDueAtUtc), true) => query.OrderByDescending(c => c.ReviewDueAtUtc),
            // Default: what is due first comes first; items without a review date after, newest change first.
            _ => query.OrderBy(c => c.ReviewDueAtUtc == null).ThenBy(c => c.ReviewDueAtUtc).ThenByDescending(c => c.StateChangedAtUtc),
        };

        var rows = await ordered.ThenBy(c => c.Id).Skip(request.Skip).Take(request.Take)
            .Select(c => new ContentRow(
                c.Id, c.Title, c.Kind, c.Channel, c.Url, c.OwnerDivisionId, c.OwnerDivision!.Code, c.EditorName, c.Category, c.State,
                c.StateChangedAtUtc, c.PublishedAtUtc, c.LastReviewedAtUtc, c.ReviewDueAtUtc, c.Freshness, c.StaleReason, c.LiveStatus, c.BrokenLinkCount))
            .ToListAsync(ct);
        return new PagedResult<ContentRow>(rows, total);
    }

    public async Task<ContentDetail?> GetAsync(long id, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewContent);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.Set<ContentItem>().AsNoTracking().Include(c => c.OwnerDivision).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (item is null)
        {
            return null;
        }

        if (!ContentAccess.CanSee(user, item.OwnerDivisionId))
        {
            throw new AccessDeniedException($"User '{user.DisplayName}' may not see content of division {item.OwnerDivisionId}.");
        }

        var history = await db.Set<ContentEvent>().AsNoTracking().Where(e => e.ContentItemId == id)
            .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id).Take(200).ToListAsync(ct);
        var checks = await db.Set<ContentCheck>().AsNoTracking().Where(c => c.ContentItemId == id)
            .OrderByDescending(c => c.CheckedAtUtc).ThenByDescending(c => c.Id).Take(10).ToListAsync(ct);
        var serviceName = item.ServiceTypeId is { } serviceId
            ? await db.Set<ServiceType>().Where(s => s.Id == serviceId).Select(s => s.NameId).FirstOrDefaultAsync(ct)
            : null;
        var canEdit = ContentAccess.CanEdit(user, item.OwnerDivisionId);
        var moves = canEdit
            ? ContentWorkflow.NextStates(item.State).Where(s => !ContentWorkflow.NeedsApprover(s) || ContentAccess.CanApprove(user, item.OwnerDivisionId)).ToList()
            : [];
        var canMarkReviewed = canEdit && ContentWorkflow.CanMarkReviewed(item.State) && item.StaleReason != StaleReason.Broken;
        return new ContentDetail(item, serviceName, history, checks, canEdit, canMarkReviewed, moves);
    }

    public async Task<(CommandResult Result, long? Id)> CreateAsync(ContentForm form, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewContent);
        DemandEdit(user, form.OwnerDivisionId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var errors = await ValidateAsync(db, form, null, ct);
        if (errors.Count > 0)
        {
            return (new CommandResult(errors), null);
        }

        var now = Now;
        var item = new ContentItem { Title = form.Title.Trim(), State = ContentState.Draf, StateChangedAtUtc = now, CreatedAtUtc = now };
        await ApplyFormAsync(db, item, form, ct);
        ContentFreshnessRules.Refresh(item, now);
        db.Add(item);
        await db.SaveChangesAsync(ct);
        db.Add(Event(item.Id, ContentEventKind.Created, user, now, toState: ContentState.Draf));
        await db.SaveChangesAsync(ct);
        changes.Publish(ChangeTopic.Content, item.OwnerDivisionId.ToString(CultureInfo.InvariantCulture));
        return (CommandResult.Success, item.Id);
    }

    public async Task<CommandResult> UpdateAsync(long id, long version, ContentForm form, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewContent);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await LoadForEditAsync(db, id, version, user, ct) is not { } item)
        {
            return CommandResult.Conflict();
        }

        if (form.OwnerDivisionId != item.OwnerDivisionId)
        {
            // Moving an item to another division is also an edit in that division.
            DemandEdit(user, form.OwnerDivisionId);
        }

        var errors = await ValidateAsync(db, form, id, ct);
        if (errors.Count > 0)
        {
            return new CommandResult(errors);
        }

        var editorBefore = item.EditorUserId;
        await ApplyFormAsync(db, item, form, ct);
        var now = Now;
        ContentFreshnessRules.Refresh(item, now);
        db.Add(Event(id, ContentEventKind.Edited, user, now));
        if (editorBefore != item.EditorUserId)
        {
            db.Add(Event(id, ContentEventKind.EditorAssigned, user, now, text: item.EditorName ?? "-"));
        }

        var result = await db.TrySaveAsync(ct);
        Publish(result, item.OwnerDivisionId);
        return result;
    }

    /// <summary>Moves an item along the queue. Approval needs the division head; sending back, flagging and archiving a reason.</summary>
    /// <param name="publishAtUtc">For <see cref="ContentState.Terbit"/>: when it goes live; null = now, a future date = scheduled.</param>
    public async Task<CommandResult> MoveAsync(long id, long version, ContentState to, string? reason, DateTime? publishAtUtc = null, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewContent);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await LoadForEditAsync(db, id, version, user, ct) is not { } item)
        {
            return CommandResult.Conflict();
        }

        var from = item.State;
        if (!ContentWorkflow.CanMove(from, to))
        {
            return CommandResult.Fail("Content.MoveNotAllowed", null, from.ToString(), to.ToString());
        }

        if (ContentWorkflow.NeedsApprover(to) && !ContentAccess.CanApprove(user, item.OwnerDivisionId))
        {
            return CommandResult.Fail("Content.ApproverOnly");
        }

        var text = reason?.Trim() ?? "";
        if (ContentWorkflow.RequiresReason(from, to) && text.Length == 0)
        {
            return CommandResult.Fail("Content.ReasonRequired", "Reason");
        }

        if (text.Length > 1000)
        {
            return CommandResult.Fail("Validation.MaxLength", "Reason", 1000);
        }

        var now = Now;
        if (to == ContentState.Terbit)
        {
            if (item.Kind != ContentKind.SocialPost && string.IsNullOrWhiteSpace(item.Url))
            {
                return CommandResult.Fail("Content.PublishNeedsUrl");
            }

            item.PublishedAtUtc = publishAtUtc is { } at && at > now ? at : now;
            text = item.PublishedAtUtc > now
                ? string.Create(CultureInfo.InvariantCulture, $"{Localization.WibTime.FormatDateTime(item.PublishedAtUtc.Value)} WIB")
                : text;
        }

        item.State = to;
        item.StateChangedAtUtc = now;
        // Flagged by hand: the reason text is in the history; the stored reason says who decided.
        item.StaleReason = to == ContentState.PerluPembaruan ? StaleReason.FlaggedByEditor : StaleReason.None;

        ContentFreshnessRules.Refresh(item, now);
        db.Add(Event(id, ContentEventKind.StateChanged, user, now, from, to, text));
        var result = await db.TrySaveAsync(ct);
        Publish(result, item.OwnerDivisionId);
        return result;
    }

    /// <summary>
    /// "Tandai sudah ditinjau": confirms a live item is still right, with a note, without editing it. The review
    /// date moves one interval on; a stale item goes back to Terbit, since the review found nothing to update.
    /// </summary>
    public async Task<CommandResult> MarkReviewedAsync(long id, long version, string note, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewContent);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await LoadForEditAsync(db, id, version, user, ct) is not { } item)
        {
            return CommandResult.Conflict();
        }

        if (!ContentWorkflow.CanMarkReviewed(item.State))
        {
            return CommandResult.Fail("Content.ReviewOnlyLive");
        }

        if (item.StaleReason == StaleReason.Broken)
        {
            // Reviewing text the public cannot reach confirms nothing: the page must be fixed (or archived) first.
            return CommandResult.Fail("Content.ReviewBrokenPage");
        }

        var text = note?.Trim() ?? "";
        if (text.Length == 0)
        {
            return CommandResult.Fail("Content.ReviewNoteRequired", "Note");
        }

        if (text.Length > 1000)
        {
            return CommandResult.Fail("Validation.MaxLength", "Note", 1000);
        }

        var now = Now;
        var from = item.State;
        item.LastReviewedAtUtc = now;
        item.LastReviewedByName = user.DisplayName;
        item.LastReviewNote = text;
        if (from == ContentState.PerluPembaruan && item.StaleReason != StaleReason.Broken)
        {
            item.State = ContentState.Terbit;
            item.StateChangedAtUtc = now;
            item.StaleReason = StaleReason.None;
        }

        ContentFreshnessRules.Refresh(item, now);
        db.Add(Event(id, ContentEventKind.Reviewed, user, now, from, item.State == from ? null : item.State, text));
        var result = await db.TrySaveAsync(ct);
        Publish(result, item.OwnerDivisionId);
        return result;
    }

    /// <summary>Officers and heads of a division: who can be named the responsible editor.</summary>
    public async Task<IReadOnlyList<ContentEditor>> ListEditorsAsync(int divisionId, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewContent);
        if (!ContentAccess.CanSee(user, divisionId))
        {
            throw new AccessDeniedException($"User '{user.DisplayName}' may not see division {divisionId}.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await EditorsAsync(db, divisionId, ct);
    }

    /// <summary>Divisions the user may file content under (their own, or all for IT staff and administrators).</summary>
    public async Task<IReadOnlyList<DivisionOption>> ListDivisionsAsync(CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewContent);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Set<Division>().AsNoTracking().Where(d => d.IsActive);
        if (!ContentAccess.SeesAll(user))
        {
            query = query.Where(d => d.Id == user.DivisionId);
        }

        return await query.OrderBy(d => d.Code).Select(d => new DivisionOption(d.Id, d.Code, d.Name)).ToListAsync(ct);
    }

    /// <summary>
    /// The standard of a service changed (targets, requirements): every live page linked to it needs a look now,
    /// not at its next review date. Called by the service catalogue in the same request as the change.
    /// </summary>
    public async Task<int> FlagServiceChangedAsync(int serviceTypeId, string what, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var items = await db.Set<ContentItem>()
            .Where(c => c.ServiceTypeId == serviceTypeId && c.State == ContentState.Terbit)
            .ToListAsync(ct);
        var now = Now;
        foreach (var item in items)
        {
            item.State = ContentState.PerluPembaruan;
            item.StateChangedAtUtc = now;
            item.StaleReason = StaleReason.ServiceChanged;
            ContentFreshnessRules.Refresh(item, now);
            db.Add(Event(item.Id, ContentEventKind.FlaggedStale, user, now, ContentState.Terbit, ContentState.PerluPembaruan, what));
        }

        await db.SaveChangesAsync(ct);
        foreach (var division in items.Select(i => i.OwnerDivisionId).Distinct())
        {
            changes.Publish(ChangeTopic.Content, division.ToString(CultureInfo.InvariantCulture));
        }

        return items.Count;
    }

    internal static ContentEvent Event(
        long itemId, ContentEventKind kind, UserContext user, DateTime now, ContentState? fromState = null, ContentState? toState = null, string text = "") =>
        new()
        {
            ContentItemId = itemId,
            Kind = kind,
            FromState = fromState,
            ToState = toState,
            Text = text,
            ByUserId = user.UserId,
            ByName = user.DisplayName,
            AtUtc = now,
        };

    private static IQueryable<ContentItem> Scope(IQueryable<ContentItem> query, UserContext user, int? divisionId)
    {
        if (!ContentAccess.SeesAll(user))
        {
            // Whatever the page asked for, a scoped user only ever sees their own division's queue.
            return query.Where(c => c.OwnerDivisionId == user.DivisionId);
        }

        return divisionId is { } id ? query.Where(c => c.OwnerDivisionId == id) : query;
    }

    private static IQueryable<ContentItem> Filter(IQueryable<ContentItem> query, ContentFilter filter, string? search, UserContext user)
    {
        if (filter.State is { } state)
        {
            query = query.Where(c => c.State == state);
        }
        else if (!filter.IncludeArchived)
        {
            query = query.Where(c => c.State != ContentState.Diarsipkan);
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(c => c.Kind == kind);
        }

        if (filter.Channel is { } channel)
        {
            query = query.Where(c => c.Channel == channel);
        }

        query = filter.Attention switch
        {
            ContentAttention.Overdue => query.Where(c => c.Freshness == ContentFreshness.Overdue),
            ContentAttention.DueSoon => query.Where(c => c.Freshness == ContentFreshness.DueSoon),
            ContentAttention.Broken => query.Where(LiveContent.IsLive).Where(c => c.LiveStatus == LiveStatus.Broken),
            ContentAttention.BrokenLinks => query.Where(c => c.BrokenLinkCount > 0),
            ContentAttention.NoEditor => query.Where(c => c.EditorUserId == null && c.State != ContentState.Diarsipkan),
            _ => query,
        };

        if (filter.MineOnly)
        {
            query = query.Where(c => c.EditorUserId == user.UserId);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = $"%{search.Trim()}%";
            query = query.Where(c => EF.Functions.Like(c.Title, term) || (c.Url != null && EF.Functions.Like(c.Url, term)));
        }

        return query;
    }

    /// <summary>Access first, then the version: someone outside the division learns nothing from a stale version.</summary>
    private static async Task<ContentItem?> LoadForEditAsync(AppDbContext db, long id, long version, UserContext user, CancellationToken ct)
    {
        var item = await db.Set<ContentItem>().FindAsync([id], ct);
        if (item is null)
        {
            return null;
        }

        DemandEdit(user, item.OwnerDivisionId);
        if (item.Version != version)
        {
            return null;
        }

        db.Entry(item).Property(e => e.Version).OriginalValue = version;
        return item;
    }

    private static void DemandEdit(UserContext user, int divisionId)
    {
        if (!ContentAccess.CanEdit(user, divisionId))
        {
            throw new AccessDeniedException($"User '{user.DisplayName}' may not edit content of division {divisionId}.");
        }
    }

    private static async Task<List<CommandError>> ValidateAsync(AppDbContext db, ContentForm form, long? id, CancellationToken ct)
    {
        var errors = form.Validate();
        if (form.OwnerDivisionId > 0 && !await db.Set<Division>().AnyAsync(d => d.Id == form.OwnerDivisionId && d.IsActive, ct))
        {
            errors.Add(new(nameof(form.OwnerDivisionId), "Validation.Required", []));
        }

        if (ContentUrls.TryNormalize(form.Url, out var url) && await db.Set<ContentItem>().AnyAsync(c => c.Url == url && c.Id != id, ct))
        {
            errors.Add(new(nameof(form.Url), "Content.UrlTaken", [url]));
        }

        if (form.EditorUserId is { Length: > 0 } editorId && form.OwnerDivisionId > 0
            && !(await EditorsAsync(db, form.OwnerDivisionId, ct)).Any(e => e.Id == editorId))
        {
            errors.Add(new(nameof(form.EditorUserId), "Content.EditorNotInDivision", []));
        }

        if (form.ServiceTypeId is { } serviceId && !await db.Set<ServiceType>().AnyAsync(s => s.Id == serviceId, ct))
        {
            errors.Add(new(nameof(form.ServiceTypeId), "Validation.Required", []));
        }

        return errors;
    }

    private static async Task ApplyFormAsync(AppDbContext db, ContentItem item, ContentForm form, CancellationToken ct)
    {
        item.Title = form.Title.Trim();
        item.Kind = form.Kind;
        item.Channel = form.Channel;
        item.Url = ContentUrls.TryNormalize(form.Url, out var url) ? url : null;
        item.OwnerDivisionId = form.OwnerDivisionId;
        item.Category = form.Category;
        item.ReviewIntervalDaysOverride = form.ReviewIntervalDaysOverride;
        item.ServiceTypeId = form.ServiceTypeId;
        item.Notes = string.IsNullOrWhiteSpace(form.Notes) ? null : form.Notes.Trim();
        if (form.EditorUserId is { Length: > 0 } editorId)
        {
            item.EditorUserId = editorId;
            item.EditorName = await db.Users.Where(u => u.Id == editorId).Select(u => u.FullName).FirstOrDefaultAsync(ct);
        }
        else
        {
            item.EditorUserId = null;
            item.EditorName = null;
        }
    }

    private static async Task<List<ContentEditor>> EditorsAsync(AppDbContext db, int divisionId, CancellationToken ct)
    {
        return await db.ActiveStaffInRoles(AppRoles.Petugas, AppRoles.KepalaBidang, AppRoles.StafTI)
            .Where(u => u.DivisionId == divisionId)
            .OrderBy(u => u.FullName)
            .Select(u => new ContentEditor(u.Id, u.FullName))
            .ToListAsync(ct);
    }

    private void Publish(CommandResult result, int divisionId)
    {
        if (result.Succeeded)
        {
            changes.Publish(ChangeTopic.Content, divisionId.ToString(CultureInfo.InvariantCulture));
        }
    }
}

public sealed record ContentQueueSummary(
    IReadOnlyDictionary<ContentState, int> CountByState, int? OldestWaitingDays, int DueSoon, int Overdue, int Broken);

public sealed record ContentRow(
    long Id,
    string Title,
    ContentKind Kind,
    ContentChannel Channel,
    string? Url,
    int DivisionId,
    string DivisionCode,
    string? EditorName,
    InformationCategory Category,
    ContentState State,
    DateTime StateChangedAtUtc,
    DateTime? PublishedAtUtc,
    DateTime? LastReviewedAtUtc,
    DateTime? ReviewDueAtUtc,
    ContentFreshness Freshness,
    StaleReason StaleReason,
    LiveStatus LiveStatus,
    int BrokenLinkCount);

public sealed record ContentDetail(
    ContentItem Item,
    string? ServiceName,
    IReadOnlyList<ContentEvent> History,
    IReadOnlyList<ContentCheck> Checks,
    bool CanEdit,
    bool CanMarkReviewed,
    IReadOnlyList<ContentState> Moves);

public sealed record ContentEditor(string Id, string Name);

public sealed record DivisionOption(int Id, string Code, string Name);

public enum ContentAttention
{
    Any = 0,
    Overdue = 1,
    DueSoon = 2,
    Broken = 3,
    BrokenLinks = 4,
    NoEditor = 5,
}

public sealed record ContentFilter
{
    public int? DivisionId { get; init; }

    public ContentState? State { get; init; }

    public ContentKind? Kind { get; init; }

    public ContentChannel? Channel { get; init; }

    public ContentAttention Attention { get; init; }

    public bool MineOnly { get; init; }

    public bool IncludeArchived { get; init; }
}
