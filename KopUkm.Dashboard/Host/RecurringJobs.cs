using KopUkm.Dashboard.Data;
using Hangfire;
using KopUkm.Dashboard.Features.Backups;
using KopUkm.Dashboard.Features.Content.LiveCheck;
using KopUkm.Dashboard.Features.Cooperatives;
using KopUkm.Dashboard.Features.Cooperatives.Cases;
using KopUkm.Dashboard.Localization;

namespace KopUkm.Dashboard.Host;

/// <summary>
/// The one list of recurring schedules, all in WIB. The jobs themselves live in their features. Any job's schedule can
/// be replaced by the setting <c>Jobs:Schedules:&lt;job id&gt;</c> (a cron expression, e.g.
/// <c>Jobs:Schedules:ticket-sla-refresh = */10 * * * *</c>); a job that is switched off by its feature's own setting
/// (backup on PostgreSQL, e-mail outbox without SMTP, live check without a site) stays off.
/// </summary>
public static class RecurringJobs
{
    public const string NightlyBackup = "backup-nightly";

    /// <summary>Daily 02:00 WIB: <see cref="SupervisionFlagJob"/>.</summary>
    public const string SupervisionFlags = "cooperative-supervision-flags";

    /// <summary>Daily 02:15 WIB: <see cref="CaseDueDateRefreshJob"/>.</summary>
    public const string CaseDueDates = "cooperative-case-due-dates";

    /// <summary>Every 5 minutes: <see cref="Features.Tickets.TicketSlaRefreshJob"/>.</summary>
    public const string TicketSla = "ticket-sla-refresh";

    /// <summary>Daily 02:30 WIB: <see cref="Features.Content.ContentReviewAgeJob"/>.</summary>
    public const string ContentReviewAge = "content-review-age";

    /// <summary>Daily 07:00 WIB, before office hours: <see cref="Features.Content.ContentDigestJob"/>.</summary>
    public const string ContentDigest = "content-digest";

    /// <summary>On <c>Content:LiveCheck:Schedule</c> when a site is configured: <see cref="Features.Content.LiveCheck.ContentLiveCheckJob"/>.</summary>
    public const string ContentLiveCheck = "content-live-check";

    /// <summary>Every minute while <c>Email:Smtp:Host</c> is set: <see cref="Features.Email.Delivery.EmailOutboxJob"/>.</summary>
    public const string EmailOutbox = "email-outbox";

    /// <summary>Daily 07:00 WIB: <see cref="Features.Email.StaffCopies.NotificationEmailDigestJob"/>.</summary>
    public const string NotificationEmailDigest = "notification-email-digest";

    /// <param name="configuration">Where the configurable schedules come from (their defaults are the settings' own).</param>
    public static void Register(IRecurringJobManager jobs, IConfiguration configuration)
    {
        string Cron(string id, string schedule) => configuration[$"Jobs:Schedules:{id}"] is { Length: > 0 } configured ? configured.Trim() : schedule;
        var wib = new RecurringJobOptions { TimeZone = WibTime.Zone };
        var backup = configuration.GetSection("Backup").Get<BackupOptions>() ?? new BackupOptions();
        var tickets = configuration.GetSection("Tickets").Get<Features.Tickets.TicketOptions>() ?? new Features.Tickets.TicketOptions();
        var email = configuration.GetSection(Features.Email.EmailOptions.SectionName).Get<Features.Email.EmailOptions>() ?? new Features.Email.EmailOptions();
        var liveCheck = configuration.GetSection(LiveCheckOptions.SectionName).Get<LiveCheckOptions>() ?? new LiveCheckOptions();
        if (DatabaseOptions.From(configuration).ProviderKind == DatabaseProvider.PostgreSQL)
        {
            // The database administrator's pg_dump schedule backs up PostgreSQL (docs/scale-out.md).
            jobs.RemoveIfExists(NightlyBackup);
        }
        else
        {
            jobs.AddOrUpdate<BackupJob>(NightlyBackup, job => job.RunAsync(CancellationToken.None), Cron(NightlyBackup, backup.Schedule), wib);
        }

        // After the backup, so a bad night's flagging can be undone from it; due dates a little later, so the two
        // writers do not queue behind each other on SQLite.
        jobs.AddOrUpdate<SupervisionFlagJob>(SupervisionFlags, job => job.RunAsync(CancellationToken.None), Cron(SupervisionFlags, "0 2 * * *"), wib);
        jobs.AddOrUpdate<CaseDueDateRefreshJob>(CaseDueDates, job => job.RunAsync(CancellationToken.None), Cron(CaseDueDates, "15 2 * * *"), wib);
        jobs.AddOrUpdate<Features.Tickets.TicketSlaRefreshJob>(TicketSla, job => job.RunAsync(CancellationToken.None), Cron(TicketSla, tickets.SlaRefreshSchedule), wib);
        jobs.AddOrUpdate<Features.Content.ContentReviewAgeJob>(ContentReviewAge, job => job.RunAsync(CancellationToken.None), Cron(ContentReviewAge, "30 2 * * *"), wib);
        // The digest reads the flags the review-age pass set overnight.
        jobs.AddOrUpdate<Features.Content.ContentDigestJob>(ContentDigest, job => job.RunAsync(CancellationToken.None), Cron(ContentDigest, "0 7 * * *"), wib);

        // Digests are written to the outbox whether or not it is delivered, so administrators see them wait in a demo.
        jobs.AddOrUpdate<Features.Email.StaffCopies.NotificationEmailDigestJob>(NotificationEmailDigest, job => job.RunAsync(CancellationToken.None), Cron(NotificationEmailDigest, "0 7 * * *"), wib);

        // Without an SMTP server, messages wait in the outbox and nothing polls it every minute.
        if (email.DeliveryEnabled)
        {
            jobs.AddOrUpdate<Features.Email.Delivery.EmailOutboxJob>(EmailOutbox, job => job.RunAsync(CancellationToken.None), Cron(EmailOutbox, "* * * * *"), wib);
        }
        else
        {
            jobs.RemoveIfExists(EmailOutbox);
        }

        // The live-site check only exists once an administrator names the site: a demo install sends no requests.
        if (!string.IsNullOrWhiteSpace(liveCheck.SiteUrl))
        {
            jobs.AddOrUpdate<ContentLiveCheckJob>(ContentLiveCheck, job => job.RunAsync(CancellationToken.None), Cron(ContentLiveCheck, liveCheck.Schedule), wib);
        }
        else
        {
            jobs.RemoveIfExists(ContentLiveCheck);
        }
    }
}
