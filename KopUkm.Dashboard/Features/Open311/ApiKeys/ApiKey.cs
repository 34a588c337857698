using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.Auditing;

namespace KopUkm.Dashboard.Features.Open311.ApiKeys;

/// <summary>
/// A key another system uses to file requests through the Open311 API. Only the SHA-256 of its secret part is kept;
/// the key itself is shown once, when it is made. The prefix finds the row without comparing every hash.
/// </summary>
public sealed class ApiKey : IVersioned
{
    public const int NameMax = 100;

    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The public part of the key (<c>kop_XXXXXXXXXX</c>), unique: it names the key in logs and on the admin page.</summary>
    public required string Prefix { get; set; }

    /// <summary>Lower-case hex SHA-256 of the whole key.</summary>
    public required string SecretHash { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The administrator who made it; null when the operator command made it.</summary>
    public string? CreatedByUserId { get; set; }

    /// <summary>The administrator's name at the time; empty for the operator command.</summary>
    public string CreatedByName { get; set; } = "";

    /// <summary>Refreshed at most once per <see cref="Open311Options.LastUsedWriteMinutes"/>; bookkeeping, not audited.</summary>
    [Derived]
    public DateTime? LastUsedAtUtc { get; set; }

    public DateTime? RevokedAtUtc { get; set; }

    public string? RevokedByName { get; set; }

    public long Version { get; set; }
}

/// <summary>Which key filed which ticket through the API, and the token the standard answers a filing with.</summary>
public sealed class Open311Submission
{
    public int Id { get; set; }

    public int TicketId { get; set; }

    public int ApiKeyId { get; set; }

    /// <summary>Random, URL-safe; <c>GET /open311/v2/tokens/{token}.json</c> gives the request's id for it.</summary>
    public required string Token { get; set; }

    /// <summary>The client's own account id for the person, if it sent one (opaque to the office).</summary>
    public string? AccountId { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
