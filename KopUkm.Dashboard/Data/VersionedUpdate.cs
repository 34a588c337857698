using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Data;

public static class VersionedUpdate
{
    /// <summary>
    /// Loads a tracked entity and pins its version to the one the editor saw, so that saving fails with
    /// <see cref="ConcurrencyConflictException"/> if anyone changes it in between. Returns null when it no longer
    /// exists or was already changed since the editor loaded it: the caller reports a conflict before judging the
    /// request against state its user never saw.
    /// </summary>
    public static async Task<T?> FindForUpdateAsync<T>(this AppDbContext db, object key, long expectedVersion, CancellationToken ct = default)
        where T : class, IVersioned
    {
        var entity = await db.Set<T>().FindAsync([key], ct);
        if (entity is null || entity.Version != expectedVersion)
        {
            return null;
        }

        db.Entry(entity).Property(e => e.Version).OriginalValue = expectedVersion;
        return entity;
    }
}
