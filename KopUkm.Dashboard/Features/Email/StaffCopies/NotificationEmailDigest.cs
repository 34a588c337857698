using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Notifications;
using KopUkm.Dashboard.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Features.Email.StaffCopies;

/// <summary>
/// The daily digest for staff who chose <see cref="NotificationEmailMode.DailyDigest"/>: one e-mail per person per day
/// listing their notifications of the 24 hours before 07:00 WIB that are still unread. Keyed per person and date, so
/// a rerun (or a late run the same day) writes nothing twice; a person with nothing unread gets nothing.
/// </summary>
public sealed class NotificationEmailDigest(
    IDbContextFactory<AppDbContext> dbFactory,
    IEmailOutbox outbox,
    IOptions<AppOptions> app,
    TimeProvider clock)
{
    public const string Purpose = "staff-digest";

    /// <summary>Listed one by one; the rest are counted.</summary>
    internal const int MaxListed = 30;

    /// <summary>Writes today's digests into the outbox; returns how many were written.</summary>
    public async Task<int> WriteAsync(CancellationToken ct = default)
    {
        var (date, fromUtc, toUtc) = Window(clock.GetUtcNow().UtcDateTime);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var people = await (
                from p in db.Set<StaffEmailPreference>()
                join u in db.Set<ApplicationUser>() on p.UserId equals u.Id
                where p.Mode == NotificationEmailMode.DailyDigest && u.IsActive && u.Email != null
                select new { u.Id, u.Email, u.FullName })
            .AsNoTracking()
            .ToListAsync(ct);
        var written = 0;
        foreach (var person in people)
        {
            var unread = await db.Set<Notification>().AsNoTracking()
                .Where(n => n.UserId == person.Id && n.ReadAtUtc == null && n.CreatedAtUtc >= fromUtc && n.CreatedAtUtc < toUtc)
                .OrderByDescending(n => n.CreatedAtUtc).ThenByDescending(n => n.Id)
                .Select(n => new { n.MessageKey, n.ArgsJson, n.Link, n.CreatedAtUtc })
                .ToListAsync(ct);
            if (unread.Count == 0)
            {
                continue;
            }

            var subject = EmailTexts.Indonesian("StaffEmail.DigestSubject", unread.Count, date.ToString("d MMMM yyyy", EmailTexts.Culture));
            var body = new EmailBody()
                .Paragraph(EmailTexts.Indonesian("StaffEmail.Greeting", person.FullName))
                .Paragraph(EmailTexts.Indonesian("StaffEmail.DigestIntro", unread.Count))
                .List(unread.Take(MaxListed).Select(n => (
                    $"{WibTime.ToWib(n.CreatedAtUtc).ToString("d MMM HH.mm", EmailTexts.Culture)} · {StaffEmailText.Message(n.MessageKey, n.ArgsJson)}",
                    (string?)app.Value.Link(n.Link))));
            if (unread.Count > MaxListed)
            {
                body.Paragraph(EmailTexts.Indonesian("StaffEmail.DigestMore", unread.Count - MaxListed));
            }

            body.Link(EmailTexts.Indonesian("StaffEmail.OpenAll"), app.Value.Link("/notifikasi"))
                .Footer(EmailTexts.Indonesian("StaffEmail.Why", app.Value.Link("/profil")));
            var key = StaffEmailText.Key("notification-digest", person.Id, date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            if (await outbox.AddAsync(db, new OutgoingEmail(key, Purpose, person.Email!, person.FullName, subject, body.Text, body.Html(subject)), ct))
            {
                written++;
            }
        }

        await db.SaveChangesAsync(ct);
        return written;
    }

    /// <summary>
    /// The digest's date and window: the latest 07:00 WIB at or before <paramref name="nowUtc"/>, and the 24 hours
    /// before it. A run at 09:30 WIB on 24 November covers 23 November 07:00 to 24 November 07:00 under the 24th.
    /// </summary>
    public static (DateOnly Date, DateTime FromUtc, DateTime ToUtc) Window(DateTime nowUtc)
    {
        var nowWib = WibTime.ToWib(nowUtc);
        var endWib = nowWib.Date.AddHours(7);
        if (endWib > nowWib)
        {
            endWib = endWib.AddDays(-1);
        }

        var endUtc = WibTime.ToUtc(endWib);
        return (DateOnly.FromDateTime(endWib), endUtc.AddDays(-1), endUtc);
    }
}

/// <summary>Daily 07:00 WIB: <see cref="NotificationEmailDigest"/>.</summary>
public sealed class NotificationEmailDigestJob(NotificationEmailDigest digest, Data.Auditing.JobActor actor, ILogger<NotificationEmailDigestJob> logger)
{
    [Hangfire.DisableConcurrentExecution(timeoutInSeconds: 600)]
    [Hangfire.AutomaticRetry(Attempts = 2)]
    public async Task RunAsync(CancellationToken ct)
    {
        actor.Name(nameof(NotificationEmailDigestJob));
        var written = await digest.WriteAsync(ct);
        logger.LogInformation("Notification digests written to the outbox: {Count}", written);
    }
}
