using System.Globalization;
using KopUkm.Dashboard.Common;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Features.Surveys;

/// <summary>
/// The signed survey link: it names one request, protected with Data Protection so it cannot be forged or moved to
/// another request. The expiry is the survey row's own (<see cref="IkmRules.LinkLifetime"/> after the invitation).
/// </summary>
public sealed class IkmSurveyLinks(IDataProtectionProvider protection, IOptions<AppOptions> app)
{
    public const string Path = "survei";

    private readonly IDataProtector protector = protection.CreateProtector("KopUkm.Surveys.Link.v1");

    public string TokenFor(int ticketId) => protector.Protect(ticketId.ToString(CultureInfo.InvariantCulture));

    /// <summary>The absolute link for e-mails and QR codes: <c>{App:PublicBaseUrl}/survei?t=…</c>.</summary>
    public string LinkFor(int ticketId) => app.Value.Link(RelativeFor(ticketId));

    /// <summary>The link relative to the site (for pages: <c>survei?t=…</c>).</summary>
    public string RelativeFor(int ticketId) => Path + "?t=" + Uri.EscapeDataString(TokenFor(ticketId));

    /// <summary>The request a token names, or null when it is forged or damaged.</summary>
    public int? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000)
        {
            return null;
        }

        try
        {
            return int.TryParse(protector.Unprotect(token), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
