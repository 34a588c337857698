using System.Globalization;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Security;
using Microsoft.EntityFrameworkCore;
using static KopUkm.Dashboard.Features.Content.ContentActionSupport;

namespace KopUkm.Dashboard.Features.Content;

/// <summary>Pages that explain a service now promise its old standard: flag them at once, not at their review date.</summary>
public sealed class ContentServiceStandardHandler(
    IDbContextFactory<AppDbContext> dbFactory,
    AccessGuard guard,
    ChangeNotifier changes,
    TimeProvider clock) : IServiceStandardChangedHandler
{
    public Task HandleAsync(ServiceStandardChange change, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        return FlagServiceChangedAsync(change.ServiceTypeId, $"{StaleReason.ServiceChanged}: {change.ServiceCode} {change.Before} → {change.After}", ct);
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
        var now = clock.GetUtcNow().UtcDateTime;
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
}
