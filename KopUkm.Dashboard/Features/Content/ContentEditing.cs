using System.Globalization;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Account;
using KopUkm.Dashboard.Features.Content.Standards;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.ServiceCatalog;
using Microsoft.EntityFrameworkCore;
using static KopUkm.Dashboard.Features.Content.ContentActionSupport;

namespace KopUkm.Dashboard.Features.Content;

/// <summary>
/// Filing and editing pages and posts: validation (one URL per item, an editor of the owning division), the review
/// date recomputed on every save, and the editors a division may name.
/// </summary>
public sealed class ContentEditing(
    IDbContextFactory<AppDbContext> dbFactory,
    AccessGuard guard,
    ChangeNotifier changes,
    TimeProvider clock)
{
    /// <summary>Files a new page or post as a draft, with its creation in the history.</summary>
    public async Task<(CommandResult Result, long? Id)> CreateAsync(ContentForm form, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewContent);
        DemandEdit(user, form.OwnerDivisionId, form.Kind);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var errors = await ValidateAsync(db, form, null, ct);
        if (errors.Count > 0)
        {
            return (new CommandResult(errors), null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var item = new ContentItem { Title = form.Title.Trim(), State = ContentState.Draf, StateChangedAtUtc = now, CreatedAtUtc = now };
        await ApplyFormAsync(db, item, form, ct);
        ContentFreshnessRules.Refresh(item, now);
        db.Add(item);
        await db.SaveChangesAsync(ct);
        db.Add(Event(item.Id, ContentEventKind.Created, user, now, toState: ContentState.Draf));
        if (item.Kind == ContentKind.ServiceStandard)
        {
            var standard = new ServiceStandard { ContentItemId = item.Id };
            standard.SetWorking(form.Standard.ToTexts());
            db.Add(standard);
        }

        await db.SaveChangesAsync(ct);
        changes.Publish(ChangeTopic.Content, item.OwnerDivisionId.ToString(CultureInfo.InvariantCulture));
        return (CommandResult.Success, item.Id);
    }

    /// <summary>Edits the item as loaded at <paramref name="version"/>; a new editor enters the history.</summary>
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
            DemandEdit(user, form.OwnerDivisionId, form.Kind);
        }

        if ((item.Kind == ContentKind.ServiceStandard) != (form.Kind == ContentKind.ServiceStandard))
        {
            // A standard has its own text record; it does not turn into a page or back.
            return CommandResult.Fail("Content.StandardKindFixed", nameof(ContentForm.Kind));
        }

        var errors = await ValidateAsync(db, form, id, ct);
        if (errors.Count > 0)
        {
            return new CommandResult(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (item.Kind == ContentKind.ServiceStandard)
        {
            var standard = await db.Set<ServiceStandard>().FirstOrDefaultAsync(s => s.ContentItemId == id, ct)
                ?? db.Add(new ServiceStandard { ContentItemId = id }).Entity;
            var texts = form.Standard.ToTexts();
            if (!texts.SameAs(standard.Working))
            {
                if (!ServiceStandardRules.CanChangeText(item.State))
                {
                    return CommandResult.Fail("Content.StandardLocked");
                }

                standard.SetWorking(texts);
                standard.ApprovedAtUtc = null;
                standard.ApprovedByName = null;
                if (ServiceStandardRules.ChangeNeedsReapproval(item.State))
                {
                    // The public keeps the published text; the change goes through the head again.
                    item.State = ContentState.PerluPembaruan;
                    item.StateChangedAtUtc = now;
                    item.StaleReason = StaleReason.StandardEdited;
                    db.Add(Event(id, ContentEventKind.FlaggedStale, user, now, ContentState.Terbit, ContentState.PerluPembaruan, nameof(StaleReason.StandardEdited)));
                }
            }
        }

        var editorBefore = item.EditorUserId;
        await ApplyFormAsync(db, item, form, ct);
        ContentFreshnessRules.Refresh(item, now);
        db.Add(Event(id, ContentEventKind.Edited, user, now));
        if (editorBefore != item.EditorUserId)
        {
            db.Add(Event(id, ContentEventKind.EditorAssigned, user, now, text: item.EditorName ?? "-"));
        }

        var result = await db.TrySaveAsync(ct);
        Publish(changes, result, item.OwnerDivisionId);
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

        if (form.ServiceTypeId is { } serviceId)
        {
            var service = await db.Set<ServiceType>().Where(s => s.Id == serviceId).Select(s => new { s.OwnerDivisionId }).FirstOrDefaultAsync(ct);
            if (service is null)
            {
                errors.Add(new(nameof(form.ServiceTypeId), "Validation.Required", []));
            }
            else if (form.Kind == ContentKind.ServiceStandard)
            {
                // The standard is the promise of the division that delivers the service, kept in its queue.
                if (service.OwnerDivisionId != form.OwnerDivisionId)
                {
                    errors.Add(new(nameof(form.OwnerDivisionId), "Content.StandardWrongDivision", []));
                }

                if (await db.Set<ContentItem>().AnyAsync(
                        c => c.Kind == ContentKind.ServiceStandard && c.ServiceTypeId == serviceId && c.Id != id && c.State != ContentState.Diarsipkan, ct))
                {
                    errors.Add(new(nameof(form.ServiceTypeId), "Content.StandardExists", []));
                }
            }
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
}

public sealed record ContentEditor(string Id, string Name);
