using KopUkm.Dashboard.Features.Email;
using KopUkm.Dashboard.Features.Email.Delivery;
using KopUkm.Dashboard.Features.Email.StaffCopies;
using KopUkm.Dashboard.Features.Notifications;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Tests.Features.Email;

public sealed class StaffEmailCopiesTests : IAsyncLifetime
{
    private SmtpTestServer smtp = default!;
    private TestServices app = default!;
    private string officer = "";

    public async Task InitializeAsync()
    {
        smtp = await SmtpTestServer.StartAsync();
        app = await TestServices.CreateAsync(smtp.Settings());
        officer = await app.CreateUserAsync("sari@kopukm.example.go.id", "Sari Wulandari", AppRoles.Petugas, 1);
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await smtp.DisposeAsync();
    }

    private async Task ChooseAsync(NotificationEmailMode mode)
    {
        app.ActAs(AppRoles.Petugas, userId: officer);
        await app.Get<NotificationEmailSettings>().SetAsync(mode);
        app.User.Current = UserContext.System;
    }

    private Task<bool> NotifyAsync(string key, string caseCode = "REG-2026-00012") =>
        app.Get<NotificationService>().NotifyAsync(officer, key, "case-assigned", "Notification.CaseAssigned", ["Budi (Kepala Bidang)", caseCode], "/koperasi/kasus/12");

    private async Task<List<OutboxEmail>> OutboxAsync()
    {
        await using var db = await app.DbAsync();
        return await db.Set<OutboxEmail>().AsNoTracking().OrderBy(e => e.Id).ToListAsync();
    }

    [Fact]
    public async Task By_default_a_notification_writes_no_e_mail()
    {
        app.ActAs(AppRoles.Petugas, userId: officer);
        Assert.Equal(NotificationEmailMode.Off, await app.Get<NotificationEmailSettings>().GetAsync());

        await NotifyAsync("case:12:assigned");

        Assert.Empty(await OutboxAsync());
    }

    [Fact]
    public async Task With_each_notification_chosen_a_notification_writes_an_indonesian_e_mail_with_a_link_in_the_same_save()
    {
        await ChooseAsync(NotificationEmailMode.EachNotification);

        Assert.True(await NotifyAsync("case:12:assigned"));
        Assert.False(await NotifyAsync("case:12:assigned"));

        var email = Assert.Single(await OutboxAsync());
        Assert.Equal(("sari@kopukm.example.go.id", "staff-notification", OutboxEmailStatus.Waiting), (email.ToAddress, email.Purpose, email.Status));
        Assert.Equal("Notifikasi: Budi (Kepala Bidang) menugaskan kasus REG-2026-00012 kepada Anda.", email.Subject);
        Assert.Contains("https://layanan.example.go.id/koperasi/kasus/12", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://layanan.example.go.id/koperasi/kasus/12\"", email.HtmlBody, StringComparison.Ordinal);

        await app.Get<OutboxSender>().SendDueAsync();
        var received = Assert.Single(smtp.Messages);
        Assert.Equal("Sari Wulandari", received.To.Mailboxes.Single().Name);
        Assert.Contains("menugaskan kasus REG-2026-00012", received.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_a_user_typed_is_encoded_in_the_html_part()
    {
        await ChooseAsync(NotificationEmailMode.EachNotification);

        await NotifyAsync("case:13:assigned", caseCode: "<script>alert(1)</script>");

        var email = Assert.Single(await OutboxAsync());
        Assert.DoesNotContain("<script>", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_account_gets_no_copy()
    {
        await ChooseAsync(NotificationEmailMode.EachNotification);
        await using (var db = await app.DbAsync())
        {
            await db.Users.Where(u => u.Id == officer).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false));
        }

        await NotifyAsync("case:12:assigned");

        Assert.Empty(await OutboxAsync());
    }

    [Fact]
    public async Task The_daily_digest_lists_the_unread_notifications_of_the_day_once_per_person_and_date()
    {
        await ChooseAsync(NotificationEmailMode.DailyDigest);

        // Monday 09:00 WIB: three notifications, one of them read; the digest choice writes no e-mail per notification.
        await NotifyAsync("n1", "REG-1");
        await NotifyAsync("n2", "REG-2");
        await NotifyAsync("n3", "REG-3");
        await using (var db = await app.DbAsync())
        {
            await db.Set<Notification>().Where(n => n.Key == "n2").ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, TestClock.Start.UtcDateTime));
        }

        Assert.Empty(await OutboxAsync());

        // Tuesday 07:00 WIB: the job runs, then runs again.
        app.Clock.Advance(TimeSpan.FromHours(22));
        var digest = app.Get<NotificationEmailDigest>();
        Assert.Equal(1, await digest.WriteAsync());
        Assert.Equal(0, await digest.WriteAsync());

        var email = Assert.Single(await OutboxAsync());
        Assert.Equal("staff-digest", email.Purpose);
        Assert.Equal($"notification-digest:{officer}:2026-11-24", email.Key);
        Assert.Equal("2 notifikasi belum dibaca, 24 November 2026", email.Subject);
        Assert.Contains("REG-1", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("REG-3", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("REG-2", email.TextBody, StringComparison.Ordinal);

        // Wednesday: nothing new and unread from the last day, so no e-mail.
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await digest.WriteAsync());
    }

    [Theory]
    [InlineData("2026-11-24T00:30:00Z", "2026-11-24")] // 07:30 WIB
    [InlineData("2026-11-23T23:59:00Z", "2026-11-23")] // 06:59 WIB: before today's cut, so yesterday's digest
    public void The_digest_window_ends_at_the_latest_seven_oclock_wib(string nowUtc, string date)
    {
        var (day, from, to) = NotificationEmailDigest.Window(DateTime.Parse(nowUtc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal));

        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), day);
        Assert.Equal(TimeSpan.FromDays(1), to - from);
        Assert.Equal(0, to.Minute);
        Assert.Equal(0, to.Hour); // 07:00 WIB is 00:00 UTC
    }

    [Fact]
    public async Task Choosing_needs_a_signed_in_user()
    {
        app.User.Current = UserContext.System;

        await Assert.ThrowsAsync<AccessDeniedException>(() => app.Get<NotificationEmailSettings>().SetAsync(NotificationEmailMode.DailyDigest));
    }
}
