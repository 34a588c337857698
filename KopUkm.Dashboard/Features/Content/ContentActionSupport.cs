using System.Globalization;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Security;

namespace KopUkm.Dashboard.Features.Content;

/// <summary>
/// What the content use cases (and the jobs that change items) share: the history row, loading an item to edit it
/// after checking the division, and the <see cref="ChangeTopic.Content"/> notice.
/// </summary>
internal static class ContentActionSupport
{
    public static ContentEvent Event(
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

    /// <summary>Access first, then the version: someone outside the division learns nothing from a stale version.</summary>
    public static async Task<ContentItem?> LoadForEditAsync(AppDbContext db, long id, long version, UserContext user, CancellationToken ct)
    {
        var item = await db.Set<ContentItem>().FindAsync([id], ct);
        if (item is null)
        {
            return null;
        }

        DemandEdit(user, item.OwnerDivisionId, item.Kind);
        if (item.Version != version)
        {
            return null;
        }

        db.Entry(item).Property(e => e.Version).OriginalValue = version;
        return item;
    }

    public static void DemandEdit(UserContext user, int divisionId, ContentKind kind = ContentKind.WebsitePage)
    {
        if (!ContentAccess.CanEdit(user, divisionId, kind))
        {
            throw new AccessDeniedException($"User '{user.DisplayName}' may not edit content of division {divisionId}.");
        }
    }

    /// <summary>Tells open queues of the division that something changed, once the save succeeded.</summary>
    public static void Publish(ChangeNotifier changes, CommandResult result, int divisionId)
    {
        if (result.Succeeded)
        {
            changes.Publish(ChangeTopic.Content, divisionId.ToString(CultureInfo.InvariantCulture));
        }
    }
}
