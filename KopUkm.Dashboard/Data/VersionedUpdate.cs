using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Data;

public static class VersionedUpdate
{
    /// <summary>
    /// Loads a tracked entity and pins its version to the one the editor saw, so that saving fails with
    /// <see cref="ConcurrencyConflictException"/> if anyone changed it since. Returns null when it no longer exists.
    /// </summary>
    public static async Task<T?> FindForUpdateAsync<T>(this AppDbContext db, object key, long expectedVersion, CancellationToken ct = default)
        where T : class, IVersioned
    {
        var entity = await db.Set<T>().FindAsync([key], ct);
        if (entity is not null)
        {
            db.Entry(entity).Property(e => e.Version).OriginalValue = expectedVersion;
        }

        return entity;
    }
}
