using System.Collections.Concurrent;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Cooperatives;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Features.Dashboard;

/// <summary>
/// One computation of the dashboard per scope, shared by every open dashboard. A change anywhere marks the cached
/// snapshots stale and, at most once a second, tells the open dashboards; each then asks for its scope and the
/// first asker recomputes while the others wait for that same result. Fifty open dashboards after a burst of saves
/// cost one set of queries per scope, not fifty.
/// </summary>
public sealed class DashboardFeed : IDisposable
{
    private static readonly ChangeTopic[] Topics = [ChangeTopic.Tickets, ChangeTopic.Cooperatives, ChangeTopic.Content, ChangeTopic.ItTasks];

    /// <summary>Without any change, a snapshot is recomputed after this long.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly IServiceScopeFactory scopes;
    private readonly IOptions<CooperativeOptions> cooperatives;
    private readonly TimeProvider clock;
    private readonly ConcurrentDictionary<int, Lazy<Task<DashboardSnapshot>>> cache = new();
    private readonly List<IDisposable> subscriptions = [];
    private readonly CoalescedAction announce;

    public DashboardFeed(IServiceScopeFactory scopes, ChangeNotifier changes, IOptions<CooperativeOptions> cooperatives, TimeProvider clock, ILogger<DashboardFeed> logger)
    {
        this.scopes = scopes;
        this.cooperatives = cooperatives;
        this.clock = clock;
        announce = new CoalescedAction(() =>
        {
            Changed?.Invoke();
            return Task.CompletedTask;
        }, TimeSpan.FromSeconds(1), clock, logger);
        foreach (var topic in Topics)
        {
            subscriptions.Add(changes.Subscribe(topic, _ =>
            {
                Invalidate();
                return Task.CompletedTask;
            }));
        }
    }

    /// <summary>Raised (coalesced, at most once a second) after data behind the dashboard changed.</summary>
    public event Action? Changed;

    /// <summary>The snapshot of a scope (null = the whole office). Callers have checked the user may see it.</summary>
    public Task<DashboardSnapshot> GetAsync(int? divisionId)
    {
        var key = divisionId ?? 0;
        var entry = cache.GetOrAdd(key, _ => new Lazy<Task<DashboardSnapshot>>(() => ComputeAsync(divisionId)));
        var task = entry.Value;
        var stale = task.IsCompletedSuccessfully && clock.GetUtcNow().UtcDateTime - task.Result.ComputedAtUtc > MaxAge;
        if (task.IsFaulted || task.IsCanceled || stale)
        {
            // A failed computation is not cached, and time alone ages a snapshot (SLA clocks run, reviews fall due).
            cache.TryRemove(new KeyValuePair<int, Lazy<Task<DashboardSnapshot>>>(key, entry));
            return stale ? GetAsync(divisionId) : task;
        }

        return task;
    }

    /// <summary>Drops every cached snapshot; the next request recomputes.</summary>
    public void Invalidate()
    {
        cache.Clear();
        announce.Trigger();
    }

    private async Task<DashboardSnapshot> ComputeAsync(int? divisionId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var dbFactory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        var code = cooperatives.Value.WorkingDivisionCodes.FirstOrDefault() ?? "KLM";
        return await DashboardQueries.ComputeAsync(db, divisionId, code, clock.GetUtcNow().UtcDateTime, CancellationToken.None);
    }

    public void Dispose()
    {
        subscriptions.ForEach(s => s.Dispose());
        announce.Dispose();
    }
}
