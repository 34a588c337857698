using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.Auditing;
using KopUkm.Dashboard.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Open311.ApiKeys;

/// <summary>A row of the key list: never the key or its hash.</summary>
public sealed record ApiKeyRow(int Id, string Name, string Prefix, string CreatedByName, DateTime CreatedAtUtc, DateTime? LastUsedAtUtc, DateTime? RevokedAtUtc, string? RevokedByName, long Version)
{
    public bool IsRevoked => RevokedAtUtc is not null;
}

/// <summary>A key just made: <see cref="Key"/> is shown this once and never again.</summary>
public sealed record CreatedApiKey(int Id, string Name, string Prefix, string Key);

/// <summary>
/// Administrators make, name and revoke the keys other systems call the Open311 API with
/// (/administrasi/kunci-api). Every call demands <see cref="Permissions.Administer"/>; every change is audited.
/// </summary>
public sealed class ApiKeyAdmin(IDbContextFactory<AppDbContext> dbFactory, AccessGuard guard, JobActor auditActor, TimeProvider clock)
{
    /// <summary>The audit trail's name for a key made by the operator command (<c>Audit.Job.CreateApiKeyCommand</c>).</summary>
    public const string OperatorAuditName = "CreateApiKeyCommand";

    /// <summary>Newest first, searched in name and prefix, paged in SQL.</summary>
    public async Task<PagedResult<ApiKeyRow>> ListAsync(PageRequest page, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        await guard.DemandAsync(Permissions.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Set<ApiKey>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(page.Search))
        {
            query = query.WhereContains(page.Search, k => k.Name, k => k.Prefix);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(k => k.CreatedAtUtc).ThenByDescending(k => k.Id)
            .Skip(page.Skip).Take(page.Take)
            .Select(k => new ApiKeyRow(k.Id, k.Name, k.Prefix, k.CreatedByName, k.CreatedAtUtc, k.LastUsedAtUtc, k.RevokedAtUtc, k.RevokedByName, k.Version))
            .ToListAsync(ct);
        return new PagedResult<ApiKeyRow>(rows, total);
    }

    /// <summary>Makes a named key for the signed-in administrator; the answer holds the key, shown once.</summary>
    public async Task<(CommandResult Result, CreatedApiKey? Key)> CreateAsync(string name, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.Administer);
        return await AddAsync(name, user.UserId, user.DisplayName, ct);
    }

    /// <summary>The <c>create-api-key</c> operator command: the same, at the server's console, audited as that command.</summary>
    public async Task<(CommandResult Result, CreatedApiKey? Key)> CreateAsOperatorAsync(string name, CancellationToken ct = default)
    {
        auditActor.Name(OperatorAuditName);
        return await AddAsync(name, null, "", ct);
    }

    /// <summary>Revokes a key: from now on every call with it is refused (403). A revoked key stays listed.</summary>
    public async Task<CommandResult> RevokeAsync(int id, long version, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.FindForUpdateAsync<ApiKey>(id, version, ct);
        if (key is null)
        {
            return CommandResult.Conflict();
        }

        if (key.RevokedAtUtc is not null)
        {
            return CommandResult.Fail("ApiKeys.AlreadyRevoked");
        }

        key.RevokedAtUtc = clock.GetUtcNow().UtcDateTime;
        key.RevokedByName = user.DisplayName;
        return await db.TrySaveAsync(ct);
    }

    private async Task<(CommandResult Result, CreatedApiKey? Key)> AddAsync(string? name, string? userId, string userName, CancellationToken ct)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return (CommandResult.Fail("Validation.Required", "Name"), null);
        }

        if (trimmed.Length > ApiKey.NameMax)
        {
            return (CommandResult.Fail("Validation.MaxLength", "Name", ApiKey.NameMax), null);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Set<ApiKey>().AnyAsync(k => k.Name == trimmed && k.RevokedAtUtc == null, ct))
        {
            return (CommandResult.Fail("ApiKeys.NameTaken", "Name"), null);
        }

        var (secret, prefix, hash) = ApiKeySecrets.Generate();
        var key = new ApiKey
        {
            Name = trimmed,
            Prefix = prefix,
            SecretHash = hash,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            CreatedByUserId = userId,
            CreatedByName = userName,
        };
        db.Add(key);
        await db.SaveChangesAsync(ct);
        return (CommandResult.Success, new CreatedApiKey(key.Id, key.Name, key.Prefix, secret));
    }
}
