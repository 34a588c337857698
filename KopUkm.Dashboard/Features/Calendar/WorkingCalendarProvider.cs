using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Calendar;

/// <summary>
/// The current <see cref="WorkingCalendar"/>, read from the database once and kept until the calendar is edited.
/// A singleton: SLA checks ask for it often and the calendar changes a few times a year. An edit on this instance
/// invalidates it directly (<see cref="Changed"/>); an edit on another instance sharing the database arrives as a
/// <see cref="ChangeTopic.Calendar"/> change (PostgreSQL LISTEN/NOTIFY) and invalidates it here too.
/// </summary>
public sealed class WorkingCalendarProvider : IDisposable
{
    private readonly IServiceScopeFactory scopeFactory;
    private readonly ChangeNotifier changes;
    private readonly IDisposable fromOtherInstances;
    private readonly SemaphoreSlim loading = new(1, 1);
    private volatile Cached? cached;

    // Bumped by every invalidation. A calendar is cached with the generation it was read under, so one read before
    // an edit but finished after it is never served as current.
    private int generation;

    public WorkingCalendarProvider(IServiceScopeFactory scopeFactory, ChangeNotifier changes)
    {
        this.scopeFactory = scopeFactory;
        this.changes = changes;
        fromOtherInstances = changes.Subscribe(ChangeTopic.Calendar, change =>
        {
            // This instance's own edits invalidated already, before their change was published.
            if (change.FromAnotherInstance)
            {
                Invalidate();
            }

            return Task.CompletedTask;
        });
    }

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

    /// <summary>
    /// After every saved edit of the calendar: forgets it here at once (this instance's next <see cref="GetAsync"/>
    /// reads it again) and tells the other instances and every subscriber (<see cref="ChangeTopic.Calendar"/>).
    /// </summary>
    public void Changed()
    {
        Invalidate();
        changes.Publish(ChangeTopic.Calendar);
    }

    /// <summary>Forgets the cached calendar; the next <see cref="GetAsync"/> reads it again.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref generation);
        cached = null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        fromOtherInstances.Dispose();
        loading.Dispose();
    }

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
