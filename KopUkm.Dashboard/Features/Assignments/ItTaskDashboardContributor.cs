using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Assignments;

/// <summary>The task board's figures on the home dashboard: overdue IT tasks, per requesting division.</summary>
public sealed class ItTaskDashboardContributor(TimeProvider clock) : IDashboardContributor
{
    public async Task<DashboardSnapshot> AddAsync(AppDbContext db, DashboardSnapshot snapshot, CancellationToken ct)
    {
        // Same rule as the board's "overdue only" filter: the due day has passed in WIB and the task is not done.
        var today = ItTaskRules.TodayWib(clock);
        var query = db.Set<ItTask>().AsNoTracking().Where(t => t.Status != ItTaskStatus.Selesai && t.DueDate < today);
        if (snapshot.DivisionId is { } division)
        {
            query = query.Where(t => t.RequestingDivisionId == division);
        }

        var byDivision = await query.GroupBy(t => t.RequestingDivisionId)
            .Select(g => new { DivisionId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.DivisionId, g => g.Count, ct);
        return snapshot with { ItTasksOverdue = byDivision.Values.Sum(), ItTasksOverdueByDivision = byDivision };
    }
}
