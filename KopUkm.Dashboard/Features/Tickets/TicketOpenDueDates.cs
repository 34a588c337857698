using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Calendar;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Tickets;

/// <summary>The latest due date of a running ticket clock (first response or resolution), for the calendar's holiday check.</summary>
public sealed class TicketOpenDueDates(IDbContextFactory<AppDbContext> dbFactory) : IOpenDueDates
{
    public async Task<DateTime?> LatestOpenDueAtUtcAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var resolution = await db.Set<Ticket>().MaxAsync(t => t.ResolutionDueAtUtc, ct);
        var firstResponse = await db.Set<Ticket>().MaxAsync(t => t.FirstResponseDueAtUtc, ct);
        return resolution > firstResponse || firstResponse is null ? resolution : firstResponse;
    }
}
