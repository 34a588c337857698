using KopUkm.Dashboard.Features.Account;
using System.Globalization;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Notifications;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Localization;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Content;

/// <summary>
/// Daily digests and escalation: one message per editor per day listing their due, overdue and broken items;
/// items overdue by more than 14 days to their division head; more than 30 days to Pimpinan once a week.
/// Notifications are keyed by day (or ISO week), so a rerun or retry sends nothing twice.
/// </summary>
public sealed class ContentDigestService(IDbContextFactory<AppDbContext> dbFactory, NotificationService notifications, TimeProvider clock)
{
    public const int HeadEscalationDays = 14;
    public const int LeadershipEscalationDays = 30;

    public async Task<DigestResult> SendAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(WibTime.ToWib(now));
        var dayKey = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var attention = await db.Set<ContentItem>().AsNoTracking()
            .Where(LiveContent.IsLive)
            .Where(c => c.Freshness == ContentFreshness.DueSoon || c.Freshness == ContentFreshness.Overdue || c.LiveStatus == LiveStatus.Broken)
            .Select(c => new { c.Id, c.Title, c.OwnerDivisionId, c.EditorUserId, c.Freshness, c.LiveStatus, c.ReviewDueAtUtc })
            .ToListAsync(ct);

        var editors = 0;
        foreach (var group in attention.Where(a => a.EditorUserId != null).GroupBy(a => a.EditorUserId!))
        {
            var overdue = group.Count(a => a.Freshness == ContentFreshness.Overdue);
            var dueSoon = group.Count(a => a.Freshness == ContentFreshness.DueSoon);
            var broken = group.Count(a => a.LiveStatus == LiveStatus.Broken);
            var titles = string.Join("; ", group.OrderBy(a => a.ReviewDueAtUtc).Take(3).Select(a => a.Title));
            if (await notifications.NotifyAsync(
                    group.Key, $"content-digest:{dayKey}", "content-digest", "Notification.ContentDigest",
                    [Num(overdue), Num(dueSoon), Num(broken), titles], "/konten?perhatian=saya", ct))
            {
                editors++;
            }
        }

        var heads = 0;
        var longOverdue = attention
            .Where(a => ContentFreshnessRules.DaysOverdue(a.ReviewDueAtUtc, now) > HeadEscalationDays)
            .GroupBy(a => a.OwnerDivisionId)
            .ToDictionary(g => g.Key, g => g.Count());
        if (longOverdue.Count > 0)
        {
            foreach (var head in await UsersInRoleAsync(db, AppRoles.KepalaBidang, ct))
            {
                if (longOverdue.TryGetValue(head.DivisionId, out var count)
                    && await notifications.NotifyAsync(
                        head.Id, $"content-escalation:{dayKey}", "content-escalation", "Notification.ContentEscalation",
                        [Num(count), Num(HeadEscalationDays)], "/konten?perhatian=terlambat", ct))
                {
                    heads++;
                }
            }
        }

        var leaders = 0;
        var veryOverdue = attention.Where(a => ContentFreshnessRules.DaysOverdue(a.ReviewDueAtUtc, now) > LeadershipEscalationDays).ToList();
        if (veryOverdue.Count > 0)
        {
            var week = string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(today.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(today.ToDateTime(TimeOnly.MinValue)):D2}");
            var divisions = await db.Set<Organization.Division>().AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Code, ct);
            var perDivision = string.Join(", ", veryOverdue.GroupBy(a => a.OwnerDivisionId).OrderByDescending(g => g.Count())
                .Select(g => string.Create(CultureInfo.InvariantCulture, $"{divisions.GetValueOrDefault(g.Key, "?")} {g.Count()}")));
            foreach (var leader in await UsersInRoleAsync(db, AppRoles.Pimpinan, ct))
            {
                if (await notifications.NotifyAsync(
                        leader.Id, $"content-weekly:{week}", "content-weekly", "Notification.ContentWeekly",
                        [Num(veryOverdue.Count), Num(LeadershipEscalationDays), perDivision], "/konten?perhatian=terlambat", ct))
                {
                    leaders++;
                }
            }
        }

        return new DigestResult(editors, heads, leaders);
    }

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static async Task<List<(string Id, int DivisionId)>> UsersInRoleAsync(AppDbContext db, string role, CancellationToken ct)
    {
        var rows = await db.ActiveStaffInRoles(role).Select(u => new { u.Id, u.DivisionId }).ToListAsync(ct);
        return [.. rows.Select(r => (r.Id, r.DivisionId))];
    }
}

public sealed record DigestResult(int Editors, int DivisionHeads, int Leaders);
