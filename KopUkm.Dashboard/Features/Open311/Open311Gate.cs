using System.Globalization;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Open311.ApiKeys;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Features.Open311;

/// <summary>
/// The API's rate limits (a fixed window of one minute): one per verified key, and one per client address for calls
/// without a key. Checked after the key, so a made-up key cannot use up a real client's allowance. Counted in the
/// database (<see cref="SharedRateCounters"/>), so every instance draws on the same allowance.
/// </summary>
public sealed class Open311RateLimits(IOptions<Open311Options> options, SharedRateCounters counters)
{
    /// <summary>Counts the call; true when it may go on, otherwise how long until the window ends.</summary>
    public async Task<(bool Admitted, TimeSpan RetryAfter)> TryAcquireAsync(VerifiedApiKey? key, string clientAddress, CancellationToken ct = default)
    {
        var (scope, subject, limit) = key is not null
            ? ("open311-key", key.Id.ToString(CultureInfo.InvariantCulture), options.Value.RequestsPerMinutePerKey)
            : ("open311-address", clientAddress, options.Value.AnonymousRequestsPerMinute);
        var hit = await counters.HitFixedWindowAsync(scope, subject, TimeSpan.FromMinutes(1), ct);
        return (hit.Count <= limit, hit.WindowEndsIn);
    }
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

        var (admitted, retryAfter) = await limits.TryAcquireAsync(key, ClientAddress.Of(http), ct);
        if (!admitted)
        {
            var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
            http.Response.Headers.RetryAfter = Math.Max(1, seconds).ToString(CultureInfo.InvariantCulture);
            return new(key, Open311Json.Error(StatusCodes.Status429TooManyRequests, L["Open311.Error.TooMany"]));
        }

        return new(key, null);
    }
}
