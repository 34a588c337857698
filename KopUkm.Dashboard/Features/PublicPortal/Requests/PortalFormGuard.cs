using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Features.PublicPortal.Requests;

/// <summary>
/// Abuse checks without a captcha: the form carries the moment it was shown, protected with Data Protection so it
/// cannot be forged, and a form sent faster than a person could fill it is refused; a hidden field people never see
/// (the honeypot) must stay empty.
/// </summary>
public sealed class PortalFormGuard(IDataProtectionProvider protection, IOptions<PublicRequestOptions> options, TimeProvider clock)
{
    private readonly IDataProtector protector = protection.CreateProtector("KopUkm.PublicPortal.FormStarted.v1");

    public string IssueStartToken() =>
        protector.Protect(clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

    /// <summary>True when the form looks filled by a person: an untouched honeypot and a genuine, old-enough start token.</summary>
    public bool LooksHuman(string? startToken, string? honeypot)
    {
        if (!string.IsNullOrEmpty(honeypot) || string.IsNullOrEmpty(startToken) || startToken.Length > 1000)
        {
            return false;
        }

        try
        {
            var started = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(protector.Unprotect(startToken), NumberStyles.None, CultureInfo.InvariantCulture));
            var elapsed = clock.GetUtcNow() - started;
            return elapsed >= TimeSpan.FromSeconds(options.Value.MinFillSeconds) && elapsed <= TimeSpan.FromDays(1);
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or FormatException or OverflowException)
        {
            return false;
        }
    }
}
