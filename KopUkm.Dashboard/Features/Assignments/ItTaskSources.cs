using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Security;

namespace KopUkm.Dashboard.Features.Assignments;

/// <summary>
/// What a task was raised from (a ticket, content item or cooperative case): labels and links through the owning
/// feature's <see cref="IWorkItemSource"/>, for the create dialog, the board, the list and the task page.
/// </summary>
public sealed class ItTaskSources(AccessGuard guard, IEnumerable<IWorkItemSource> workItemSources)
{
    /// <summary>The label and link of a source, or null when a ticket or case of that id does not exist.</summary>
    public async Task<WorkItemReference?> DescribeSourceAsync(WorkItemKind kind, long sourceId, CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.ViewItTasks);
        var found = await ResolveSourcesAsync([(kind, sourceId)], ct);
        var source = found.GetValueOrDefault((kind, sourceId));
        return source?.Label is null ? null : source;
    }

    /// <summary>
    /// Labels and links of sources, in one query per kind, through the owning feature's <see cref="IWorkItemSource"/>;
    /// an item that no longer exists keeps a link without label.
    /// </summary>
    internal async Task<Dictionary<(WorkItemKind, long), WorkItemReference>> ResolveSourcesAsync(IReadOnlyCollection<(WorkItemKind Kind, long Id)> keys, CancellationToken ct)
    {
        var result = new Dictionary<(WorkItemKind, long), WorkItemReference>();
        foreach (var source in workItemSources)
        {
            var ids = keys.Where(k => k.Kind == source.Kind).Select(k => k.Id).Distinct().ToList();
            if (ids.Count == 0)
            {
                continue;
            }

            var labels = await source.DescribeAsync(ids, ct);
            foreach (var id in ids)
            {
                result[(source.Kind, id)] = new(source.Kind, id, labels.GetValueOrDefault(id), source.LinkTo(id));
            }
        }

        return result;
    }
}
