using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Features.Guide.Tour;

/// <summary>
/// The first-login tour, shown once per account: the first call of <see cref="BeginAsync"/> for a user records that
/// the tour was shown and says "show it"; every later call says no, until the user asks for it again from the guide
/// (<see cref="RestartAsync"/>). Remembered on the server, so it does not come back on another computer.
/// </summary>
public sealed class TourService(IDbContextFactory<AppDbContext> dbFactory, ICurrentUserAccessor currentUser, TimeProvider clock, IOptions<GuideOptions> options)
{
    public const string HomeTour = "home";

    /// <summary>True when the signed-in user has never been shown the home tour (and records that it is shown now).</summary>
    public async Task<bool> BeginAsync(CancellationToken ct = default)
    {
        var user = await currentUser.GetAsync();
        if (!user.IsAuthenticated || !options.Value.HomeTour)
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Set<TourView>().AnyAsync(v => v.UserId == user.UserId && v.Tour == HomeTour, ct))
        {
            return false;
        }

        db.Add(new TourView { UserId = user.UserId!, Tour = HomeTour, ShownAtUtc = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another tab of the same user recorded it a moment ago: that tab shows the tour.
            return false;
        }
    }

    /// <summary>Forgets that the signed-in user saw the home tour, so the next home page shows it again.</summary>
    public async Task RestartAsync(CancellationToken ct = default)
    {
        var user = await currentUser.GetAsync();
        if (!user.IsAuthenticated)
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Set<TourView>().Where(v => v.UserId == user.UserId && v.Tour == HomeTour).ExecuteDeleteAsync(ct);
    }
}
