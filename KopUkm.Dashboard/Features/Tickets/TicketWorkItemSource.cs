using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Tickets;

/// <summary>
/// Tickets as other features link to them (an IT task raised from a ticket): the code, followed by the applicant's
/// name where the user may see the ticket.
/// </summary>
public sealed class TicketWorkItemSource(IDbContextFactory<AppDbContext> dbFactory, AccessGuard guard) : IWorkItemSource
{
    public WorkItemKind Kind => WorkItemKind.Ticket;

    public string LinkTo(long id) => $"/layanan/{id}";

    public async Task<IReadOnlyList<WorkItemOwner>> NewestAsync(int count, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Ticket>().AsNoTracking().OrderByDescending(t => t.Id).Take(count)
            .Select(t => new WorkItemOwner(t.Id, t.DivisionId)).ToListAsync(ct);
    }

    public async Task<IReadOnlyDictionary<long, string>> DescribeAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var user = await guard.DemandAsync(Permissions.ViewTickets);
        var keys = ids.Where(id => id is > 0 and <= int.MaxValue).Select(id => (int)id).Distinct().ToList();
        if (keys.Count == 0)
        {
            return new Dictionary<long, string>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<Ticket>().AsNoTracking()
            .Where(t => keys.Contains(t.Id))
            .Select(t => new { t.Id, t.Code, t.ApplicantName, t.DivisionId })
            .ToListAsync(ct);
        return rows.ToDictionary(t => (long)t.Id, t => TicketAccess.CanSee(user, t.DivisionId) ? $"{t.Code} · {t.ApplicantName}" : t.Code);
    }
}
