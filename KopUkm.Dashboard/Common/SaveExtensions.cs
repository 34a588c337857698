using KopUkm.Dashboard.Data;

namespace KopUkm.Dashboard.Common;

public static class SaveExtensions
{
    /// <summary>Saves, turning a lost optimistic-concurrency race into a result the page can show.</summary>
    public static async Task<CommandResult> TrySaveAsync(this AppDbContext db, CancellationToken ct = default)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return CommandResult.Success;
        }
        catch (ConcurrencyConflictException)
        {
            return CommandResult.Conflict();
        }
    }
}
