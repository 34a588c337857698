using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Cooperatives.Cases;

/// <summary>Registration cases as other features link to them (an IT task raised from a case): "#id · cooperative".</summary>
public sealed class CaseWorkItemSource(IDbContextFactory<AppDbContext> dbFactory, AccessGuard guard) : IWorkItemSource
{
    public WorkItemKind Kind => WorkItemKind.CooperativeCase;

    public string LinkTo(long id) => $"/koperasi/kasus/{id}";

    /// <remarks>Cases carry no owner division (the working divisions share them).</remarks>
    public async Task<IReadOnlyList<WorkItemOwner>> NewestAsync(int count, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<RegistrationCase>().AsNoTracking().OrderByDescending(c => c.Id).Take(count)
            .Select(c => new WorkItemOwner(c.Id, null)).ToListAsync(ct);
    }

    public async Task<IReadOnlyDictionary<long, string>> DescribeAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        await guard.DemandAsync(Permissions.ViewCooperatives);
        var keys = ids.Where(id => id is > 0 and <= int.MaxValue).Select(id => (int)id).Distinct().ToList();
        if (keys.Count == 0)
        {
            return new Dictionary<long, string>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<RegistrationCase>().AsNoTracking()
            .Where(c => keys.Contains(c.Id))
            .Select(c => new { c.Id, c.Cooperative!.Name })
            .ToDictionaryAsync(c => (long)c.Id, c => $"#{c.Id} · {c.Name}", ct);
    }
}
