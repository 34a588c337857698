using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Email.StaffCopies;

/// <summary>The signed-in staff member's own choice of e-mail copies of their notifications (profile page).</summary>
public sealed class NotificationEmailSettings(IDbContextFactory<AppDbContext> dbFactory, ICurrentUserAccessor currentUser, TimeProvider clock)
{
    /// <summary>The signed-in user's choice, <see cref="NotificationEmailMode.Off"/> unless they chose otherwise.</summary>
    /// <exception cref="AccessDeniedException">Nobody is signed in.</exception>
    public async Task<NotificationEmailMode> GetAsync(CancellationToken ct = default)
    {
        var me = await MeAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<StaffEmailPreference>().Where(p => p.UserId == me).Select(p => (NotificationEmailMode?)p.Mode).FirstOrDefaultAsync(ct)
            ?? NotificationEmailMode.Off;
    }

    /// <summary>Stores the signed-in user's choice; it applies to notifications written from now on.</summary>
    public async Task SetAsync(NotificationEmailMode mode, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode));
        }

        var me = await MeAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Set<StaffEmailPreference>().FirstOrDefaultAsync(p => p.UserId == me, ct);
        if (row is null)
        {
            db.Add(row = new StaffEmailPreference { UserId = me });
        }
        else if (row.Mode == mode)
        {
            return;
        }

        row.Mode = mode;
        row.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    private async Task<string> MeAsync()
    {
        var user = await currentUser.GetAsync();
        return user.UserId ?? throw new AccessDeniedException("Only a signed-in user chooses e-mail copies.");
    }
}
