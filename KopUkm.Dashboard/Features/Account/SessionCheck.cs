using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Features.Account;

/// <summary>The database side of <see cref="ISessionCheck"/>: one indexed lookup of the user row.</summary>
public sealed class SessionCheck(IDbContextFactory<AppDbContext> dbFactory, IOptions<AuthOptions> options, TimeProvider clock) : ISessionCheck
{
    public async Task<bool> IsCurrentAsync(string? userId, UserSession? session, CancellationToken ct = default)
    {
        if (userId is null || session is null || session.StartedAtUtc is not { } started
            || clock.GetUtcNow().UtcDateTime - started > options.Value.AbsoluteSessionLifetime)
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && u.IsActive && u.SecurityStamp == session.SecurityStamp, ct);
    }
}
