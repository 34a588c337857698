using System.Globalization;
using KopUkm.Dashboard.Common;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Features.Tickets.Portal;

/// <summary>
/// The signed link in the applicant's e-mails: it opens the tracking page of one ticket without typing the PIN, for
/// <see cref="Lifetime"/>. Protected with Data Protection (keys in the data folder), so it cannot be forged or
/// changed to another ticket; the expiry is inside the protected payload and read against the app's clock.
/// </summary>
public sealed class TicketTrackingLinks(IDataProtectionProvider protection, IOptions<AppOptions> app, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    private readonly IDataProtector protector = protection.CreateProtector("KopUkm.Tickets.Portal.TrackingLink.v1");

    /// <summary>The absolute link for e-mails: <c>{App:PublicBaseUrl}/lacak/tautan?t=…</c>.</summary>
    public string LinkFor(int ticketId) => app.Value.Link("lacak/tautan?t=" + Uri.EscapeDataString(TokenFor(ticketId)));

    public string TokenFor(int ticketId)
    {
        var expires = clock.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds();
        return protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{ticketId}|{expires}"));
    }

    /// <summary>The ticket a token opens, or null when it is forged, damaged or expired.</summary>
    public int? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000)
        {
            return null;
        }

        try
        {
            var parts = protector.Unprotect(token).Split('|');
            return parts.Length == 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
                && clock.GetUtcNow().ToUnixTimeSeconds() < expires
                ? id
                : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
