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

    public string TokenFor(int ticketId) => ExpiringIdToken.Protect(protector, ticketId, clock.GetUtcNow().Add(Lifetime));

    /// <summary>The ticket a token opens, or null when it is forged, damaged or expired.</summary>
    public int? Read(string? token) => ExpiringIdToken.Read(protector, token, clock.GetUtcNow());
}
