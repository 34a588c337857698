using KopUkm.Dashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Features.Open311.ApiKeys;

/// <summary>The key a call came with, once checked.</summary>
public sealed record VerifiedApiKey(int Id, string Name, string Prefix);

public enum ApiKeyCheck
{
    Unknown,
    Revoked,
    Valid,
}

/// <summary>
/// Checks a key a client sent: found by its prefix, compared by hash in constant time, refused once revoked. A valid
/// key's "last used" time is written at most once per <see cref="Open311Options.LastUsedWriteMinutes"/>, with a
/// conditional update, so a busy client costs one write per interval.
/// </summary>
public sealed class ApiKeyVerifier(IDbContextFactory<AppDbContext> dbFactory, IOptions<Open311Options> options, TimeProvider clock)
{
    public async Task<(ApiKeyCheck Check, VerifiedApiKey? Key)> VerifyAsync(string? key, CancellationToken ct = default)
    {
        if (ApiKeySecrets.PrefixOf(key) is not { } prefix)
        {
            return (ApiKeyCheck.Unknown, null);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.Set<ApiKey>().AsNoTracking().Where(k => k.Prefix == prefix)
            .Select(k => new { k.Id, k.Name, k.SecretHash, k.RevokedAtUtc }).FirstOrDefaultAsync(ct);
        if (found is null || !ApiKeySecrets.Matches(key!, found.SecretHash))
        {
            return (ApiKeyCheck.Unknown, null);
        }

        if (found.RevokedAtUtc is not null)
        {
            return (ApiKeyCheck.Revoked, null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var staleBefore = now.AddMinutes(-options.Value.LastUsedWriteMinutes);
        await db.Set<ApiKey>().Where(k => k.Id == found.Id && (k.LastUsedAtUtc == null || k.LastUsedAtUtc < staleBefore))
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAtUtc, now), ct);
        return (ApiKeyCheck.Valid, new VerifiedApiKey(found.Id, found.Name, prefix));
    }
}
