using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Content.Standards;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.ServiceCatalog;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Content;

/// <summary>The item page's read: the item, its history, its live-site checks and the moves the user may make.</summary>
public sealed class ContentDetails(IDbContextFactory<AppDbContext> dbFactory, AccessGuard guard)
{
    /// <summary>One item with its history, its last live-site checks and what the user may do with it; null when missing.</summary>
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
        var service = item.ServiceTypeId is { } serviceId
            ? await db.Set<ServiceType>().Where(s => s.Id == serviceId).Select(s => new { s.NameId, s.Code }).FirstOrDefaultAsync(ct)
            : null;
        var standard = item.Kind == ContentKind.ServiceStandard
            ? await db.Set<ServiceStandard>().AsNoTracking().FirstOrDefaultAsync(s => s.ContentItemId == id, ct)
            : null;
        var canEdit = ContentAccess.CanEdit(user, item.OwnerDivisionId, item.Kind);
        var moves = canEdit
            ? ContentWorkflow.NextStates(item.State).Where(s => !ContentWorkflow.NeedsApprover(s) || ContentAccess.CanApprove(user, item.OwnerDivisionId)).ToList()
            : [];
        var canMarkReviewed = canEdit && ContentWorkflow.CanMarkReviewed(item.State) && item.StaleReason != StaleReason.Broken;
        return new ContentDetail(item, service?.NameId, history, checks, canEdit, canMarkReviewed, moves, standard, service?.Code);
    }
}

public sealed record ContentDetail(
    ContentItem Item,
    string? ServiceName,
    IReadOnlyList<ContentEvent> History,
    IReadOnlyList<ContentCheck> Checks,
    bool CanEdit,
    bool CanMarkReviewed,
    IReadOnlyList<ContentState> Moves,
    ServiceStandard? Standard = null,
    string? ServiceCode = null);
