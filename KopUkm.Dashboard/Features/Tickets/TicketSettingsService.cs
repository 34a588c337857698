using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Tickets;

/// <summary>Per-division ticket intake settings, edited by administrators.</summary>
public sealed class TicketSettingsService(IDbContextFactory<AppDbContext> dbFactory, AccessGuard guard)
{
    public async Task<IReadOnlyList<TicketDivisionSettingItem>> ListAsync(CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await db.Set<TicketDivisionSetting>().AsNoTracking().ToDictionaryAsync(s => s.DivisionId, ct);
        var divisions = await db.Set<Division>().AsNoTracking().Where(d => d.IsActive).OrderBy(d => d.Name).ToListAsync(ct);
        return [.. divisions.Select(d => settings.TryGetValue(d.Id, out var s)
            ? new TicketDivisionSettingItem(d.Id, d.Code, d.Name, s.AutoAssign, s.Version)
            : new TicketDivisionSettingItem(d.Id, d.Code, d.Name, false, 0))];
    }

    public async Task<CommandResult> SetAutoAssignAsync(TicketDivisionSettingItem item, bool autoAssign, CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (item.Version == 0)
        {
            if (await db.Set<TicketDivisionSetting>().AnyAsync(s => s.DivisionId == item.DivisionId, ct))
            {
                return CommandResult.Conflict();
            }

            db.Add(new TicketDivisionSetting { DivisionId = item.DivisionId, AutoAssign = autoAssign });
        }
        else
        {
            var setting = await db.FindForUpdateAsync<TicketDivisionSetting>(item.DivisionId, item.Version, ct);
            if (setting is null)
            {
                return CommandResult.Conflict();
            }

            setting.AutoAssign = autoAssign;
        }

        return await db.TrySaveAsync(ct);
    }
}

public sealed record TicketDivisionSettingItem(int DivisionId, string Code, string Name, bool AutoAssign, long Version);
