using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Calendar;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Cooperatives.Cases;

/// <summary>The latest stage due date of an open registration case, for the calendar's holiday check.</summary>
public sealed class CaseOpenDueDates(IDbContextFactory<AppDbContext> dbFactory) : IOpenDueDates
{
    public async Task<DateTime?> LatestOpenDueAtUtcAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<RegistrationCase>().MaxAsync(c => c.StageDueAtUtc, ct);
    }
}
