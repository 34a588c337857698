using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace KopUkm.Dashboard.Common;

/// <summary>
/// A record id with an expiry, protected with Data Protection (<c>"{id}|{unix seconds}"</c> inside), so it can be
/// handed to a browser — a link or a cookie — without being forged, moved to another record or used after it
/// expires. The expiry is read against the app's clock, not the browser's.
/// </summary>
public static class ExpiringIdToken
{
    /// <summary>Anything longer is not a token this app issued; it is refused before decrypting.</summary>
    private const int MaxLength = 1000;

    public static string Protect(IDataProtector protector, int id, DateTimeOffset expiresAt) =>
        protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{id}|{expiresAt.ToUnixTimeSeconds()}"));

    /// <summary>The id, or null when the token is missing, forged, damaged or expired at <paramref name="now"/>.</summary>
    public static int? Read(IDataProtector protector, string? token, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > MaxLength)
        {
            return null;
        }

        try
        {
            var parts = protector.Unprotect(token).Split('|');
            return parts.Length == 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
                && now.ToUnixTimeSeconds() < expires
                ? id
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
