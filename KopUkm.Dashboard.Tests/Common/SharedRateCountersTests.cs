using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data.Auditing;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KopUkm.Dashboard.Tests.Common;

/// <summary>
/// The abuse counters live in the database, on both providers: two instances on one database (two service containers)
/// count into the same windows, simultaneous hits each get their own number, windows follow the app's clock, and
/// what is counted is stored only as a hash, for no longer than its window.
/// </summary>
public abstract class SharedRateCountersTests(TestProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : SharedRateCountersTests(TestProvider.Sqlite);

    public sealed class OnPostgreSql() : SharedRateCountersTests(TestProvider.PostgreSql);

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private TestServices a = default!;
    private TestServices b = default!;

    private SharedRateCounters OnA => a.Services.GetRequiredService<SharedRateCounters>();

    private SharedRateCounters OnB => b.Services.GetRequiredService<SharedRateCounters>();

    public async Task InitializeAsync()
    {
        a = await TestServices.CreateAsync(provider: provider);
        b = await a.AnotherInstanceAsync();
    }

    public async Task DisposeAsync()
    {
        await b.DisposeAsync();
        await a.DisposeAsync();
    }

    [Fact]
    public async Task Hits_on_two_instances_count_in_one_window_and_the_next_minute_starts_a_new_one()
    {
        Assert.Equal(1, (await OnA.HitFixedWindowAsync("login", "198.51.100.7", Minute)).Count);
        Assert.Equal(2, (await OnB.HitFixedWindowAsync("login", "198.51.100.7", Minute)).Count);
        var third = await OnA.HitFixedWindowAsync("login", "198.51.100.7", Minute);
        Assert.Equal(3, third.Count);
        Assert.Equal(Minute, third.WindowEndsIn);
        // Another subject and another scope count apart.
        Assert.Equal(1, (await OnB.HitFixedWindowAsync("login", "198.51.100.8", Minute)).Count);
        Assert.Equal(1, (await OnB.HitFixedWindowAsync("public-post", "198.51.100.7", Minute)).Count);

        Advance(TimeSpan.FromSeconds(59));
        var last = await OnB.HitFixedWindowAsync("login", "198.51.100.7", Minute);
        Assert.Equal((4, TimeSpan.FromSeconds(1)), (last.Count, last.WindowEndsIn));
        Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await OnA.HitFixedWindowAsync("login", "198.51.100.7", Minute)).Count);
    }

    [Fact]
    public async Task A_sliding_window_counts_the_hits_of_the_last_window_to_the_second_on_either_instance()
    {
        var window = TimeSpan.FromMinutes(15);
        await OnA.HitSlidingWindowAsync("pin-code", "UMKM-2026-000001", window);
        Advance(TimeSpan.FromMinutes(10));
        await OnB.HitSlidingWindowAsync("pin-code", "UMKM-2026-000001", window);
        Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        var third = await OnA.HitSlidingWindowAsync("pin-code", "UMKM-2026-000001", window);
        Assert.Equal(3, third.Count);

        // Fifteen minutes after the first hit it no longer counts; the second and third do.
        Advance(TimeSpan.FromSeconds(1));
        var fourth = await OnB.HitSlidingWindowAsync("pin-code", "UMKM-2026-000001", window);
        Assert.Equal(3, fourth.Count);

        // A hit taken back (on the other instance) no longer counts.
        await OnA.TakeBackAsync(fourth);
        Assert.Equal(3, (await OnA.HitSlidingWindowAsync("pin-code", "UMKM-2026-000001", window)).Count);
    }

    [Fact]
    public async Task Simultaneous_hits_on_both_instances_each_get_their_own_number()
    {
        var hits = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            Task.Run(async () => (await (i % 2 == 0 ? OnA : OnB).HitFixedWindowAsync("open311-address", "203.0.113.9", Minute)).Count)));

        Assert.Equal(Enumerable.Range(1, 24), hits.Order());
    }

    [Fact]
    public async Task Only_a_hash_of_the_subject_is_stored_not_audited_and_expired_counters_are_swept()
    {
        await OnA.HitFixedWindowAsync("login", "198.51.100.7", Minute);
        await OnA.HitSlidingWindowAsync("pin-address", "198.51.100.7", TimeSpan.FromMinutes(15));

        await using (var db = await a.DbAsync())
        {
            var keys = await db.Set<RateCounter>().Select(c => c.Key).OrderBy(k => k).ToListAsync();
            Assert.Equal([SharedRateCounters.KeyOf("login", "198.51.100.7"), SharedRateCounters.KeyOf("pin-address", "198.51.100.7")], keys);
            Assert.All(keys, k => Assert.DoesNotContain("198.51", k, StringComparison.Ordinal));
            Assert.Matches("^login:[0-9a-f]{32}$", keys[0]);
            Assert.False(await db.Set<AuditEntry>().AnyAsync(e => e.EntityType == nameof(RateCounter)));
        }

        // Once the one-minute window has passed, the login counter goes; the wrong-PIN one still counts.
        Assert.Equal(0, await OnB.SweepAsync());
        Advance(Minute);
        Assert.Equal(1, await OnB.SweepAsync());
        Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(1, await OnA.SweepAsync());
        await using var check = await b.DbAsync();
        Assert.False(await check.Set<RateCounter>().AnyAsync());
    }

    [Fact]
    public async Task Each_instance_sweeps_expired_counters_every_minute_of_its_clock_even_when_nothing_is_counted()
    {
        await OnA.HitFixedWindowAsync("login", "198.51.100.7", Minute);
        var sweeper = ActivatorUtilities.CreateInstance<RateCounterSweeper>(b.Services);
        await sweeper.StartAsync(CancellationToken.None);
        try
        {
            // The service sets its timer on a thread of its own: each minute moved on is one tick once it is set.
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (await CountersLeftAsync() > 0)
            {
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "the sweeper never deleted the expired counter");
                b.Clock.Advance(RateCounterSweeper.Every);
                await Task.Delay(20); // polling the table: the sweep runs on the timer's thread, with no event to await
            }
        }
        finally
        {
            await sweeper.StopAsync(CancellationToken.None);
        }
    }

    private async Task<int> CountersLeftAsync()
    {
        await using var db = await a.DbAsync();
        return await db.Set<RateCounter>().CountAsync();
    }

    /// <summary>Both instances read one time, as two servers with synchronised clocks do.</summary>
    private void Advance(TimeSpan by)
    {
        a.Clock.Advance(by);
        b.Clock.Advance(by);
    }
}
