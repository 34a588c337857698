using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.Tickets;

namespace KopUkm.Dashboard.Features.Dashboard;

/// <summary>
/// The home dashboard for the signed-in user: a division head, officer or IT staff member sees their division;
/// Pimpinan and Administrator see the office, or one division they pick. The numbers come from the shared
/// <see cref="DashboardFeed"/>; this service decides which scope the user may have.
/// </summary>
public sealed class DashboardService(AccessGuard guard, DashboardFeed feed, OrganizationService organization)
{
    public async Task<DashboardView> GetAsync(int? requestedDivisionId, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewDashboard);
        var picksScope = CanPickDivision(user);
        // Whatever was asked, a scoped user gets their own division: no parameter widens what they see.
        var scope = picksScope ? requestedDivisionId : user.DivisionId;
        var snapshot = await feed.GetAsync(scope);
        var divisions = picksScope
            ? (await organization.ListDivisionsAsync(false, ct)).Where(d => d.IsActive).Select(d => new DashboardDivision(d.Id, d.Code, d.Name)).ToList()
            : [];
        return new DashboardView(snapshot, picksScope, divisions, user.Has(Permissions.ViewItTasks));
    }

    /// <summary>Leadership and administrators look across the office; IT staff too, as they serve every division.</summary>
    public static bool CanPickDivision(UserContext user) => TicketAccess.SeesAll(user);
}

public sealed record DashboardView(DashboardSnapshot Snapshot, bool CanPickDivision, IReadOnlyList<DashboardDivision> Divisions, bool ShowsItTasks);

public sealed record DashboardDivision(int Id, string Code, string Name);
