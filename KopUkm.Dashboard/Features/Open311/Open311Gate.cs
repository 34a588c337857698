using System.Globalization;
using System.Threading.RateLimiting;
using KopUkm.Dashboard.Features.Open311.ApiKeys;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Features.Open311;

/// <summary>
/// The API's rate limits (System.Threading.RateLimiting, a fixed window of one minute): one partition per verified
/// key, and one per client address for calls without a key. Checked after the key, so a made-up key cannot use up a
/// real client's allowance.
/// </summary>
public sealed class Open311RateLimits(IOptions<Open311Options> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(partition =>
        RateLimitPartition.GetFixedWindowLimiter(partition, p => new FixedWindowRateLimiterOptions
        {
            PermitLimit = p.StartsWith("key:", StringComparison.Ordinal) ? options.Value.RequestsPerMinutePerKey : options.Value.AnonymousRequestsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>True when the call may go on; otherwise how long to wait, if the limiter says.</summary>
    public (bool Admitted, TimeSpan? RetryAfter) TryAcquire(string partition)
    {
        using var lease = limiter.AttemptAcquire(partition);
        return lease.IsAcquired ? (true, null) : (false, lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1));
    }

    public void Dispose() => limiter.Dispose();
}

/// <summary>What the gate decided: go on (with the key, if one was sent), or answer this error.</summary>
public sealed record Open311Admission(VerifiedApiKey? Key, IResult? Refusal);

/// <summary>
/// The door every API call passes: the key (required to file, optional to read; a key that is sent must be valid and
/// not revoked), then the rate limit of that key or of the client's address. Refusals are the standard's error array.
/// </summary>
public sealed class Open311Gate(ApiKeyVerifier keys, Open311RateLimits limits, IStringLocalizer<SharedResource> L)
{
    public async Task<Open311Admission> AdmitAsync(HttpContext http, string? apiKey, bool keyRequired, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        VerifiedApiKey? key = null;
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            if (keyRequired)
            {
                return new(null, Open311Json.Error(StatusCodes.Status403Forbidden, L["Open311.Error.KeyRequired"]));
            }
        }
        else
        {
            var (check, verified) = await keys.VerifyAsync(apiKey.Trim(), ct);
            if (check != ApiKeyCheck.Valid)
            {
                return new(null, Open311Json.Error(StatusCodes.Status403Forbidden, L[check == ApiKeyCheck.Revoked ? "Open311.Error.KeyRevoked" : "Open311.Error.KeyUnknown"]));
            }

            key = verified;
        }

        var partition = key is not null
            ? string.Create(CultureInfo.InvariantCulture, $"key:{key.Id}")
            : $"ip:{http.Connection.RemoteIpAddress?.ToString() ?? "unknown"}";
        var (admitted, retryAfter) = limits.TryAcquire(partition);
        if (!admitted)
        {
            var seconds = (int)Math.Ceiling((retryAfter ?? TimeSpan.FromMinutes(1)).TotalSeconds);
            http.Response.Headers.RetryAfter = Math.Max(1, seconds).ToString(CultureInfo.InvariantCulture);
            return new(key, Open311Json.Error(StatusCodes.Status429TooManyRequests, L["Open311.Error.TooMany"]));
        }

        return new(key, null);
    }
}
