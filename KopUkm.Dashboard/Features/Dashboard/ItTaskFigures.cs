using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Assignments;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Dashboard;

/// <summary>The IT task board's figures on the home dashboard, read from its table: overdue tasks per requesting division.</summary>
internal static class ItTaskFigures
{
    public static async Task<DashboardSnapshot> AddAsync(AppDbContext db, DashboardSnapshot snapshot, DateOnly todayWib, CancellationToken ct)
    {
        // Same rule as the board's "overdue only" filter: the due day has passed in WIB and the task is not done.
        var query = db.Set<ItTask>().AsNoTracking().Where(t => t.Status != ItTaskStatus.Selesai && t.DueDate < todayWib);
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
