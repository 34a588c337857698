using KopUkm.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Calendar;

/// <summary>
/// The current <see cref="WorkingCalendar"/>, read from the database once and kept until the calendar is edited.
/// A singleton: SLA checks ask for it often and the calendar changes a few times a year.
/// </summary>
public sealed class WorkingCalendarProvider(IServiceScopeFactory scopeFactory) : IDisposable
{
    private readonly SemaphoreSlim loading = new(1, 1);
    private volatile Cached? cached;

    // Bumped by every invalidation. A calendar is cached with the generation it was read under, so one read before
    // an edit but finished after it is never served as current.
    private int generation;

    /// <summary>The calendar as the database holds it now (cached until <see cref="Invalidate"/>).</summary>
    public async Task<WorkingCalendar> GetAsync(CancellationToken ct = default)
    {
        if (Current() is { } calendar)
        {
            return calendar;
        }

        await loading.WaitAsync(ct);
        try
        {
            if (Current() is { } loadedMeanwhile)
            {
                return loadedMeanwhile;
            }

            var readUnder = Volatile.Read(ref generation);
            var fresh = await LoadAsync(ct);
            cached = new Cached(fresh, readUnder);
            return fresh;
        }
        finally
        {
            loading.Release();
        }
    }

    /// <summary>Forgets the cached calendar; the next <see cref="GetAsync"/> reads it again. Call after every edit.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref generation);
        cached = null;
    }

    /// <inheritdoc />
    public void Dispose() => loading.Dispose();

    private WorkingCalendar? Current() =>
        cached is { } entry && entry.Generation == Volatile.Read(ref generation) ? entry.Calendar : null;

    private async Task<WorkingCalendar> LoadAsync(CancellationToken ct)
    {
        // The context factory is scoped (contexts learn the current user for auditing), so a singleton borrows a scope.
        await using var scope = scopeFactory.CreateAsyncScope();
        var dbFactory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var week = await db.Set<WorkingDay>().AsNoTracking().ToListAsync(ct);
        var holidays = await db.Set<Holiday>().AsNoTracking().Select(h => h.Date).ToListAsync(ct);
        var periods = await db.Set<SpecialHoursPeriod>().AsNoTracking().ToListAsync(ct);
        return new WorkingCalendar(week, holidays, periods);
    }

    private sealed record Cached(WorkingCalendar Calendar, int Generation);
}
