using System.Threading.RateLimiting;

namespace KopUkm.Dashboard.Common;

/// <summary>
/// A fixed-window limit for ASP.NET Core's rate limiting middleware whose count lives in the database
/// (<see cref="SharedRateCounters"/>), so every instance behind a load balancer draws on the same allowance. The
/// middleware's pages, policies and <c>OnRejected</c> answers stay as they were; only the counting moved.
/// </summary>
/// <remarks>
/// The count needs a database round trip, which a synchronous attempt cannot make: <see cref="AttemptAcquireCore"/>
/// answers "not acquired" without counting, and the middleware then awaits <see cref="AcquireAsyncCore"/>, which
/// counts the request and admits it while the window's count stays within the limit. The limiter holds no state of
/// its own, so it reports itself idle and the partitioned limiter may drop it as soon as it likes.
/// </remarks>
public sealed class SharedWindowRateLimiter(SharedRateCounters counters, string scope, string subject, int permitLimit, TimeSpan window) : RateLimiter
{
    /// <summary>A partition of one client for a policy or the global limiter.</summary>
    public static RateLimitPartition<string> Partition(SharedRateCounters counters, string scope, string subject, int permitLimit, TimeSpan window) =>
        RateLimitPartition.Get(scope + "|" + subject, _ => new SharedWindowRateLimiter(counters, scope, subject, permitLimit, window));

    public override TimeSpan? IdleDuration => TimeSpan.MaxValue;

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
        permitCount == 0 ? CountedLease.Admitted : CountedLease.NotCountedYet;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (permitCount == 0)
        {
            return CountedLease.Admitted;
        }

        var hit = await counters.HitFixedWindowAsync(scope, subject, window, cancellationToken);
        return hit.Count <= permitLimit ? CountedLease.Admitted : new CountedLease(false, hit.WindowEndsIn);
    }

    private sealed class CountedLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly CountedLease Admitted = new(true, null);

        public static readonly CountedLease NotCountedYet = new(false, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter is { } after && metadataName == MetadataName.RetryAfter.Name ? after : null;
            return metadata is not null;
        }
    }
}
