using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Content;

/// <summary>Content items as other features link to them (an IT task raised from a page): the item's title.</summary>
public sealed class ContentWorkItemSource(IDbContextFactory<AppDbContext> dbFactory) : IWorkItemSource
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

        var keys = ids.Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<ContentItem>().AsNoTracking().Where(c => keys.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, ct);
    }
}
