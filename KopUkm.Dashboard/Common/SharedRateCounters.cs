using System.Security.Cryptography;
using System.Text;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KopUkm.Dashboard.Common;

/// <summary>
/// One counter of an abuse limit: how often <see cref="Key"/> was hit in the window or second starting at
/// <see cref="WindowStart"/>. Times are Unix seconds of the app's clock (a window number, not a date to show), the
/// same integer on SQLite and PostgreSQL. Bookkeeping, not a business record: not audited.
/// </summary>
public sealed class RateCounter : INotAudited
{
    /// <summary>The limit's scope and a hash of what it counts (never the address or code itself).</summary>
    public required string Key { get; set; }

    public long WindowStart { get; set; }

    public int Count { get; set; }

    /// <summary>From this second on the row counts for nothing and the next sweep deletes it.</summary>
    public long ExpiresAt { get; set; }
}

internal sealed class RateCounterConfiguration : IEntityTypeConfiguration<RateCounter>
{
    public void Configure(EntityTypeBuilder<RateCounter> builder)
    {
        builder.ToTable("RateCounters");
        builder.HasKey(c => new { c.Key, c.WindowStart });
        builder.Property(c => c.Key).HasMaxLength(SharedRateCounters.MaxKeyLength);
        builder.HasIndex(c => c.ExpiresAt);
    }
}

/// <summary>A fixed window's count after this hit, and how long until the window ends.</summary>
public readonly record struct WindowCount(int Count, TimeSpan WindowEndsIn);

/// <summary>
/// A hit counted in a sliding window: the hits within the window, this one included, and the one-second counter it
/// went into (so it can be taken back).
/// </summary>
public readonly record struct SlidingHit(string Key, long Second, int Count);

/// <summary>
/// Abuse counters every instance shares, because they live in the database (table <c>RateCounters</c>): two
/// instances behind a load balancer must not give an attacker twice the attempts. One statement per hit,
/// <c>INSERT … ON CONFLICT … DO UPDATE SET Count = Count + 1 RETURNING Count</c>, which SQLite (3.35 and later) and
/// PostgreSQL both run atomically: each concurrent hit gets its own number, whichever instance sends it.
/// </summary>
/// <remarks>
/// What is counted is stored as <c>scope:hash</c>, the first 128 bits of SHA-256 of the subject (a client address, a
/// tracking code, an API key's id), never the subject itself. A hash of an IPv4 address can be reversed by trying all
/// of them, so it is a pseudonym, not anonymity: what keeps the data small is that a row lives only as long as its
/// window (a minute, or the wrong-PIN window) and is then deleted by <see cref="RateCounterSweeper"/> within a minute.
/// Times come from the injected clock, so tests pin them.
/// </remarks>
public sealed class SharedRateCounters(IServiceScopeFactory scopes, TimeProvider clock)
{
    public const int MaxKeyLength = 64;

    /// <summary>
    /// Counts a hit in the fixed window (aligned to the clock: whole minutes for a one-minute window) that the
    /// current instant falls into, and returns the window's count with this hit.
    /// </summary>
    public async Task<WindowCount> HitFixedWindowAsync(string scope, string subject, TimeSpan window, CancellationToken ct = default)
    {
        var seconds = WholeSeconds(window);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var start = Math.DivRem(now, seconds * 1000).Quotient * seconds;
        var key = KeyOf(scope, subject);
        var count = await InDatabaseAsync(db => IncrementAsync(db, key, start, start + seconds, ct), ct);
        return new WindowCount(count, TimeSpan.FromMilliseconds(((start + seconds) * 1000) - now));
    }

    /// <summary>
    /// Counts a hit now and returns the hits of the last <paramref name="window"/>, this one included: a sliding
    /// window exact to the second (one counter per key and second). The count is read after the hit is committed, so
    /// of several hits racing on any instances, at least one sees all of them; none is admitted on a count that
    /// missed a hit committed before it.
    /// </summary>
    public async Task<SlidingHit> HitSlidingWindowAsync(string scope, string subject, TimeSpan window, CancellationToken ct = default)
    {
        var seconds = WholeSeconds(window);
        var second = clock.GetUtcNow().ToUnixTimeSeconds();
        var key = KeyOf(scope, subject);
        var count = await InDatabaseAsync(
            async db =>
            {
                await IncrementAsync(db, key, second, second + seconds, ct);
                var since = second - seconds;
                var counted = await db.Database.SqlQuery<int>($"""
                    SELECT CAST(COALESCE(SUM("Count"), 0) AS INTEGER) AS "Value" FROM "RateCounters"
                    WHERE "Key" = {key} AND "WindowStart" > {since}
                    """).ToListAsync(ct);
                return counted.Single();
            },
            ct);
        return new SlidingHit(key, second, count);
    }

    /// <summary>
    /// Takes a sliding-window hit back (an attempt that turned out not to count, such as the right PIN). Never below
    /// zero; a hit whose counter has already expired is gone anyway.
    /// </summary>
    public Task TakeBackAsync(SlidingHit hit, CancellationToken ct = default) =>
        InDatabaseAsync(
            db => db.Database.ExecuteSqlAsync($"""
                UPDATE "RateCounters" SET "Count" = "Count" - 1
                WHERE "Key" = {hit.Key} AND "WindowStart" = {hit.Second} AND "Count" > 0
                """, ct),
            ct);

    /// <summary>The stored key: the scope as written and a hash of the subject, so no address or code is kept.</summary>
    public static string KeyOf(string scope, string subject)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        ArgumentNullException.ThrowIfNull(subject);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(subject)).AsSpan(0, 16));
        var key = scope + ":" + hash;
        return key.Length <= MaxKeyLength ? key : throw new ArgumentException($"The scope '{scope}' is too long for a counter key.", nameof(scope));
    }

    private static long WholeSeconds(TimeSpan window) =>
        window >= TimeSpan.FromSeconds(1) ? (long)window.TotalSeconds : throw new ArgumentOutOfRangeException(nameof(window), window, "A window is at least a second.");

    private static async Task<int> IncrementAsync(AppDbContext db, string key, long windowStart, long expiresAt, CancellationToken ct)
    {
        // The conflict target is the primary key; the existing row is named by the table ("excluded" is the new one).
        var counted = await db.Database.SqlQuery<int>($"""
            INSERT INTO "RateCounters" ("Key", "WindowStart", "Count", "ExpiresAt") VALUES ({key}, {windowStart}, 1, {expiresAt})
            ON CONFLICT ("Key", "WindowStart") DO UPDATE SET "Count" = "RateCounters"."Count" + 1
            RETURNING "Count" AS "Value"
            """).ToListAsync(ct);
        return counted.Single();
    }

    /// <summary>Deletes the counters whose window has passed; returns how many.</summary>
    public Task<int> SweepAsync(CancellationToken ct = default)
    {
        var second = clock.GetUtcNow().ToUnixTimeSeconds();
        return InDatabaseAsync(db => db.Set<RateCounter>().Where(c => c.ExpiresAt <= second).ExecuteDeleteAsync(ct), ct);
    }

    /// <summary>
    /// Runs on a context of its own (this service is a singleton: ASP.NET Core's rate limiter keeps its limiters
    /// beyond a request). Each statement commits by itself, so a hit is visible to every instance at once.
    /// </summary>
    private async Task<T> InDatabaseAsync<T>(Func<AppDbContext, Task<T>> work, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
        return await work(db);
    }
}

/// <summary>
/// Deletes expired counters once a minute on the app's clock, on every instance (deleting twice is harmless), also
/// when nobody is counted: a quiet night keeps no addresses' hashes until the morning.
/// </summary>
public sealed class RateCounterSweeper(SharedRateCounters counters, TimeProvider clock, ILogger<RateCounterSweeper> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await counters.SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be away for a moment (or not migrated yet at the first tick): next minute again.
                logger.LogWarning(ex, "Expired rate counters could not be deleted; trying again in a minute.");
            }
        }
    }
}

public static class SharedRateCountersSetup
{
    /// <summary>Registers <see cref="SharedRateCounters"/> once, whichever limit asks first.</summary>
    public static IServiceCollection AddSharedRateCounters(this IServiceCollection services)
    {
        services.TryAddSingleton<SharedRateCounters>();
        services.AddHostedService<RateCounterSweeper>();
        return services;
    }
}
