using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Content.Cadence;

/// <summary>How each division keeps up its social channels: the last published post per channel against its target.</summary>
public sealed class SocialCadenceService(IDbContextFactory<AppDbContext> dbFactory, AccessGuard guard, TimeProvider clock)
{
    /// <summary>
    /// One row per division and channel that has a target or any post. Users who see one division get theirs
    /// whatever <paramref name="divisionId"/> asks; null means every division the user may see.
    /// </summary>
    public async Task<IReadOnlyList<CadenceRow>> GetAsync(int? divisionId, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewContent);
        var scope = ContentAccess.SeesAll(user) ? divisionId : user.DivisionId;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var targets = db.Set<SocialCadenceTarget>().AsNoTracking();
        var posts = db.Set<ContentItem>().AsNoTracking()
            .Where(c => c.Kind == ContentKind.SocialPost && c.State == ContentState.Terbit && c.PublishedAtUtc != null && c.PublishedAtUtc <= now);
        if (scope is { } id)
        {
            targets = targets.Where(t => t.DivisionId == id);
            posts = posts.Where(c => c.OwnerDivisionId == id);
        }
        else if (!ContentAccess.SeesAll(user))
        {
            // A scoped account without a division sees nothing rather than everything.
            return [];
        }

        var targetRows = await targets.Select(t => new { t.DivisionId, t.Channel, t.TargetDays }).ToListAsync(ct);
        var lastPosts = await posts.GroupBy(c => new { c.OwnerDivisionId, c.Channel })
            .Select(g => new { g.Key.OwnerDivisionId, g.Key.Channel, Last = g.Max(c => c.PublishedAtUtc) })
            .ToListAsync(ct);
        var divisionIds = targetRows.Select(t => t.DivisionId).Concat(lastPosts.Select(p => p.OwnerDivisionId)).Distinct().ToList();
        var divisions = await db.Set<Division>().AsNoTracking().Where(d => divisionIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);

        var keys = targetRows.Select(t => (t.DivisionId, t.Channel)).Concat(lastPosts.Select(p => (DivisionId: p.OwnerDivisionId, p.Channel))).Distinct();
        return [.. keys
            .Select(key =>
            {
                var target = targetRows.FirstOrDefault(t => t.DivisionId == key.DivisionId && t.Channel == key.Channel)?.TargetDays;
                var last = lastPosts.FirstOrDefault(p => p.OwnerDivisionId == key.DivisionId && p.Channel == key.Channel)?.Last;
                var days = last is { } at ? SocialCadenceRules.DaysSince(at, now) : (int?)null;
                var division = divisions[key.DivisionId];
                return new CadenceRow(key.DivisionId, division.Code, division.Name, key.Channel, last, days, target, SocialCadenceRules.Status(days, target));
            })
            .OrderBy(r => r.DivisionName, StringComparer.CurrentCulture)
            .ThenBy(r => r.Channel)];
    }
}

/// <param name="LastPostUtc">The latest published post (not a scheduled one); null when there is none.</param>
/// <param name="DaysSince">WIB calendar days since that post.</param>
/// <param name="TargetDays">At most this many days between posts; null when the division set no target.</param>
public sealed record CadenceRow(
    int DivisionId,
    string DivisionCode,
    string DivisionName,
    ContentChannel Channel,
    DateTime? LastPostUtc,
    int? DaysSince,
    int? TargetDays,
    CadenceStatus Status);
