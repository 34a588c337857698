using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Cooperatives.Cases;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Cooperatives;

/// <summary>Default stage targets in working days; administrators change them later. Seeded only while empty.</summary>
public sealed class CooperativeReferenceSeeder(IDbContextFactory<AppDbContext> dbFactory) : IReferenceSeeder
{
    public static IReadOnlyDictionary<CaseStage, int> DefaultTargets { get; } = new Dictionary<CaseStage, int>
    {
        [CaseStage.Diajukan] = 2,
        [CaseStage.VerifikasiDokumen] = 5,
        [CaseStage.VerifikasiLapangan] = 10,
    };

    public async Task SeedAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Set<StageTarget>().AnyAsync(ct))
        {
            return;
        }

        db.AddRange(DefaultTargets.Select(t => new StageTarget { Stage = t.Key, TargetWorkingDays = t.Value }));
        await db.SaveChangesAsync(ct);
    }
}
