using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Content;

/// <summary>
/// Content items as other features link to them (an IT task raised from a page): the item's title where the user
/// may see the item (a draft's title is the owner division's business), otherwise the bare number.
/// </summary>
public sealed class ContentWorkItemSource(IDbContextFactory<AppDbContext> dbFactory, AccessGuard guard) : IWorkItemSource
{
    public WorkItemKind Kind => WorkItemKind.ContentItem;

    public string LinkTo(long id) => $"/konten/{id}";

    public async Task<IReadOnlyList<WorkItemOwner>> NewestAsync(int count, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<ContentItem>().AsNoTracking().OrderByDescending(c => c.Id).Take(count)
            .Select(c => new WorkItemOwner(c.Id, c.OwnerDivisionId)).ToListAsync(ct);
    }

    public async Task<IReadOnlyDictionary<long, string>> DescribeAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return new Dictionary<long, string>();
        }

        var user = await guard.DemandAsync(Permissions.ViewContent);
        var keys = ids.Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<ContentItem>().AsNoTracking().Where(c => keys.Contains(c.Id))
            .Select(c => new { c.Id, c.Title, c.OwnerDivisionId }).ToListAsync(ct);
        return rows.ToDictionary(c => c.Id, c => ContentAccess.CanSee(user, c.OwnerDivisionId) ? c.Title : $"#{c.Id}");
    }
}
