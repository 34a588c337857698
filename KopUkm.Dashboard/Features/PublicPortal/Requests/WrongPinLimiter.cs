using KopUkm.Dashboard.Common;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Features.PublicPortal.Requests;

/// <summary>
/// Counts wrong PINs per tracking code and per client address in a sliding window on the app's clock
/// (<c>PublicRequests:WrongPins…</c>). A code is counted whether or not it exists, so being locked out says nothing
/// about the code. The counts live in the database (<see cref="SharedRateCounters"/>): every instance behind a load
/// balancer sees the same ones, and a restart forgives nothing.
/// </summary>
/// <remarks>
/// An attempt is counted before the PIN is checked and taken back when it turns out not to be a wrong PIN (the right
/// PIN, or refused unchecked because the code or address is locked). Checking first and counting after would let a
/// burst of simultaneous guesses all pass the check before any of them was counted; counted first, at most the
/// limit's number of guesses can be under way or wrong at once, whichever instances they reach.
/// </remarks>
public sealed class WrongPinLimiter(IOptions<PublicRequestOptions> options, SharedRateCounters counters)
{
    private const string CodeScope = "pin-code";
    private const string AddressScope = "pin-address";

    /// <summary>
    /// Starts a PIN check for this code from this address: null when the code or the address has used up its wrong
    /// PINs (nothing counted then); otherwise the attempt, counted as a wrong PIN unless <see cref="PinAttempt.ForgiveAsync"/>
    /// is called because the PIN was right.
    /// </summary>
    public async Task<PinAttempt?> TryBeginAsync(string code, string address, CancellationToken ct = default)
    {
        var limits = options.Value;
        var window = TimeSpan.FromMinutes(limits.WrongPinWindowMinutes);
        var byCode = await counters.HitSlidingWindowAsync(CodeScope, Normalize(code), window, ct);
        var byAddress = await counters.HitSlidingWindowAsync(AddressScope, address, window, ct);
        var attempt = new PinAttempt(counters, byCode, byAddress);
        if (byCode.Count <= limits.WrongPinsPerCode && byAddress.Count <= limits.WrongPinsPerAddress)
        {
            return attempt;
        }

        await attempt.ForgiveAsync(ct);
        return null;
    }

    private static string Normalize(string code) => code.Trim().ToUpperInvariant();
}

/// <summary>A PIN check under way, already counted as a wrong PIN for its code and address.</summary>
public sealed class PinAttempt
{
    private readonly SharedRateCounters counters;
    private readonly SlidingHit byCode;
    private readonly SlidingHit byAddress;

    internal PinAttempt(SharedRateCounters counters, SlidingHit byCode, SlidingHit byAddress)
    {
        this.counters = counters;
        this.byCode = byCode;
        this.byAddress = byAddress;
    }

    /// <summary>The PIN was right (or never checked): the attempt does not count against the code or the address.</summary>
    public async Task ForgiveAsync(CancellationToken ct = default)
    {
        await counters.TakeBackAsync(byCode, ct);
        await counters.TakeBackAsync(byAddress, ct);
    }
}
