using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Cooperatives.Cases;

/// <summary>Administrators set each case stage's target in working days. New targets apply from the next stage change.</summary>
public sealed class StageTargetService(IDbContextFactory<AppDbContext> dbFactory, AccessGuard guard)
{
    /// <summary>Stages whose clock runs (revision pauses it; closed stages have none).</summary>
    public static IReadOnlyList<CaseStage> TimedStages { get; } = [CaseStage.Diajukan, CaseStage.VerifikasiDokumen, CaseStage.VerifikasiLapangan];

    public async Task<IReadOnlyList<StageTargetItem>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var targets = await db.Set<StageTarget>().AsNoTracking().ToDictionaryAsync(t => t.Stage, ct);
        return [.. TimedStages.Select(s => targets.TryGetValue(s, out var t)
            ? new StageTargetItem(s, t.TargetWorkingDays, t.Version)
            : new StageTargetItem(s, null, 0))];
    }

    /// <summary>Sets (or, with null, removes) a stage's target.</summary>
    public async Task<CommandResult> SaveAsync(StageTargetItem item, CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.Administer);
        if (!TimedStages.Contains(item.Stage))
        {
            return CommandResult.Fail("Cases.TransitionNotAllowed", null, item.Stage.ToString(), item.Stage.ToString());
        }

        if (item.TargetWorkingDays is < 1 or > 120)
        {
            return CommandResult.Fail("Validation.Range", nameof(StageTargetItem.TargetWorkingDays), 1, 120);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = item.Version == 0 ? null : await db.FindForUpdateAsync<StageTarget>(item.Stage, item.Version, ct);
        if (item.Version != 0 && existing is null)
        {
            return CommandResult.Conflict();
        }

        if (item.TargetWorkingDays is null)
        {
            if (existing is not null)
            {
                db.Remove(existing);
            }
        }
        else if (existing is null)
        {
            db.Add(new StageTarget { Stage = item.Stage, TargetWorkingDays = item.TargetWorkingDays.Value });
        }
        else
        {
            existing.TargetWorkingDays = item.TargetWorkingDays.Value;
        }

        try
        {
            return await db.TrySaveAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone added the same stage's target at the same moment.
            return CommandResult.Conflict();
        }
    }
}

public sealed record StageTargetItem(CaseStage Stage, int? TargetWorkingDays, long Version);
