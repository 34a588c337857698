using KopUkm.Dashboard.Features.Email;
using KopUkm.Dashboard.Features.Email.Delivery;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using SmtpServer.Protocol;

namespace KopUkm.Dashboard.Tests.Features.Email;

public sealed class OutboxSenderTests : IAsyncLifetime
{
    private SmtpTestServer smtp = default!;
    private TestServices app = default!;

    public async Task InitializeAsync()
    {
        smtp = await SmtpTestServer.StartAsync();
        app = await TestServices.CreateAsync(smtp.Settings());
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await smtp.DisposeAsync();
    }

    internal static async Task<long> WriteAsync(TestServices services, string key, string? html = "<p>Halo <b>Budi</b></p>", string to = "budi@contoh.id")
    {
        await using var db = await services.DbAsync();
        await services.Services.GetRequiredService<IEmailOutbox>().AddAsync(
            db, new OutgoingEmail(key, "test", to, "Budi Santoso", $"Permohonan {key} diterima", "Halo Budi,\n\nPermohonan Anda diterima.", html));
        await db.SaveChangesAsync();
        return await db.Set<OutboxEmail>().Where(e => e.Key == key).Select(e => e.Id).SingleAsync();
    }

    private async Task<OutboxEmail> RowAsync(long id)
    {
        await using var db = await app.DbAsync();
        return await db.Set<OutboxEmail>().AsNoTracking().SingleAsync(e => e.Id == id);
    }

    private Task<OutboxRunResult> RunAsync() => app.Get<OutboxSender>().SendDueAsync();

    [Fact]
    public async Task A_waiting_message_is_delivered_with_text_and_html_parts_its_sender_and_a_message_id_from_its_row()
    {
        var id = await WriteAsync(app, "ticket:1:receipt");

        var result = await RunAsync();

        Assert.Equal(new OutboxRunResult(1, 1, 0, 0), result);
        var message = Assert.Single(smtp.Messages);
        Assert.Equal("Permohonan ticket:1:receipt diterima", message.Subject);
        Assert.Equal("layanan@dinaskopukm.example.go.id", message.From.Mailboxes.Single().Address);
        Assert.Equal("Dinas Koperasi dan UKM Provinsi Jambi", message.From.Mailboxes.Single().Name);
        Assert.Equal("budi@contoh.id", message.To.Mailboxes.Single().Address);
        Assert.Equal($"kopukm.outbox.{id}.0@dinaskopukm.example.go.id", message.MessageId);
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(2, alternative.Count);
        Assert.Contains("Permohonan Anda diterima.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<b>Budi</b>", message.HtmlBody, StringComparison.Ordinal);

        var row = await RowAsync(id);
        Assert.Equal((OutboxEmailStatus.Sent, 1, TestClock.Start.UtcDateTime), (row.Status, row.Attempts, row.SentAtUtc!.Value));
        Assert.Null(row.ClaimToken);
    }

    [Fact]
    public async Task A_message_without_html_goes_out_as_plain_text_only()
    {
        await WriteAsync(app, "plain", html: null);

        await RunAsync();

        var message = Assert.Single(smtp.Messages);
        Assert.IsType<TextPart>(message.Body);
        Assert.Null(message.HtmlBody);
    }

    [Fact]
    public async Task A_sent_message_is_not_sent_again_by_the_next_run()
    {
        await WriteAsync(app, "once");

        await RunAsync();
        var second = await RunAsync();

        Assert.Equal(OutboxRunResult.Nothing, second);
        Assert.Single(smtp.Messages);
    }

    [Fact]
    public async Task Two_runs_at_the_same_time_send_every_message_exactly_once()
    {
        for (var i = 0; i < 30; i++)
        {
            await WriteAsync(app, $"race:{i}");
        }

        // Batches of 20: both runs find due rows, and neither may take one the other claimed.
        var runs = await Task.WhenAll(Task.Run(RunAsync), Task.Run(RunAsync), Task.Run(RunAsync));
        while ((await RunAsync()).Claimed > 0)
        {
            // Whatever the racing runs left for the next minute.
        }

        Assert.Equal(30, smtp.Messages.Count);
        Assert.Equal(30, smtp.Messages.Select(m => m.MessageId).Distinct().Count());
        Assert.True(runs.Sum(r => r.Sent) <= 30);
        await using var db = await app.DbAsync();
        Assert.All(await db.Set<OutboxEmail>().ToListAsync(), e => Assert.Equal((OutboxEmailStatus.Sent, 1), (e.Status, e.Attempts)));
    }

    [Fact]
    public async Task A_message_held_by_another_run_is_left_alone_until_its_lease_runs_out()
    {
        var id = await WriteAsync(app, "leased");
        await using (var db = await app.DbAsync())
        {
            await db.Set<OutboxEmail>().Where(e => e.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.ClaimToken, "other-run")
                .SetProperty(e => e.LeaseUntilUtc, TestClock.Start.UtcDateTime.AddMinutes(15)));
        }

        Assert.Equal(OutboxRunResult.Nothing, await RunAsync());

        // The other run died: once its lease has passed, the message goes out.
        app.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(1, (await RunAsync()).Sent);
        Assert.Single(smtp.Messages);
    }

    [Fact]
    public async Task A_refusal_the_server_calls_permanent_fails_the_message_at_once_with_the_servers_reason()
    {
        var id = await WriteAsync(app, "refused");
        smtp.Refuse = new SmtpResponse((SmtpReplyCode)550, "mailbox budi@contoh.id does not exist");

        var result = await RunAsync();

        Assert.Equal(1, result.Failed);
        var row = await RowAsync(id);
        Assert.Equal(OutboxEmailStatus.Failed, row.Status);
        Assert.StartsWith("Server SMTP menolak pesan (kode 550)", row.LastError, StringComparison.Ordinal);
        Assert.Contains("does not exist", row.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_temporary_refusal_is_retried_after_a_minute()
    {
        var id = await WriteAsync(app, "greylisted");
        smtp.Refuse = new SmtpResponse((SmtpReplyCode)451, "greylisted, try again later");

        await RunAsync();
        var row = await RowAsync(id);
        Assert.Equal((OutboxEmailStatus.Waiting, 1, TestClock.Start.UtcDateTime.AddMinutes(1)), (row.Status, row.Attempts, row.NextAttemptAtUtc!.Value));

        smtp.Refuse = null;
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await RunAsync();

        Assert.Single(smtp.Messages);
        Assert.Equal(OutboxEmailStatus.Sent, (await RowAsync(id)).Status);
    }
}

/// <summary>The sender when the server is down or not configured at all.</summary>
public sealed class OutboxSenderWithoutServerTests
{
    [Fact]
    public async Task While_the_server_is_down_the_message_waits_with_backoff_and_goes_out_once_when_it_is_back()
    {
        var port = SmtpTestServer.FreePort();
        await using var app = await TestServices.CreateAsync(SmtpTestServer.SettingsFor(port));
        var id = await OutboxSenderTests.WriteAsync(app, "down");
        var sender = app.Get<OutboxSender>();

        // Down: each failed try pushes the next one further out (1, 5, 15 minutes), and runs before then do nothing.
        var expected = new[] { 1, 5, 15 };
        foreach (var minutes in expected)
        {
            Assert.Equal(1, (await sender.SendDueAsync()).Retrying);
            await using var db = await app.DbAsync();
            var row = await db.Set<OutboxEmail>().AsNoTracking().SingleAsync(e => e.Id == id);
            Assert.Equal(OutboxEmailStatus.Waiting, row.Status);
            Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddMinutes(minutes), row.NextAttemptAtUtc);
            Assert.StartsWith($"Server SMTP 127.0.0.1:{port} tidak dapat dihubungi", row.LastError, StringComparison.Ordinal);

            app.Clock.Advance(TimeSpan.FromMinutes(minutes) - TimeSpan.FromSeconds(1));
            Assert.Equal(OutboxRunResult.Nothing, await sender.SendDueAsync());
            app.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        // Back: exactly one delivery, then nothing more.
        await using var smtp = await SmtpTestServer.StartAsync(port);
        Assert.Equal(1, (await sender.SendDueAsync()).Sent);
        Assert.Equal(OutboxRunResult.Nothing, await sender.SendDueAsync());
        Assert.Single(smtp.Messages);
        await using var check = await app.DbAsync();
        var sent = await check.Set<OutboxEmail>().AsNoTracking().SingleAsync(e => e.Id == id);
        Assert.Equal((OutboxEmailStatus.Sent, 4, (string?)null), (sent.Status, sent.Attempts, sent.LastError));
    }

    [Fact]
    public async Task After_the_last_attempt_the_message_is_failed_with_a_readable_sentence_and_no_password()
    {
        var settings = SmtpTestServer.SettingsFor(SmtpTestServer.FreePort());
        settings["Email:MaxAttempts"] = "2";
        settings["Email:Smtp:User"] = "relay-user";
        settings["Email:Smtp:Password"] = "rahasia-sekali";
        await using var app = await TestServices.CreateAsync(settings);
        var id = await OutboxSenderTests.WriteAsync(app, "give-up");
        var sender = app.Get<OutboxSender>();

        await sender.SendDueAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var last = await sender.SendDueAsync();

        Assert.Equal(1, last.Failed);
        await using var db = await app.DbAsync();
        var row = await db.Set<OutboxEmail>().AsNoTracking().SingleAsync(e => e.Id == id);
        Assert.Equal((OutboxEmailStatus.Failed, 2, (DateTime?)null), (row.Status, row.Attempts, row.NextAttemptAtUtc));
        Assert.StartsWith("Gagal setelah 2 percobaan. Terakhir: Server SMTP 127.0.0.1:", row.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("rahasia", row.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", row.LastError, StringComparison.Ordinal);

        // Failed is final: later runs leave it for an administrator.
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(OutboxRunResult.Nothing, await sender.SendDueAsync());
    }

    [Fact]
    public async Task Without_an_smtp_host_messages_stay_waiting_and_nothing_errors()
    {
        await using var app = await TestServices.CreateAsync();
        var id = await OutboxSenderTests.WriteAsync(app, "demo");

        var result = await app.Get<OutboxSender>().SendDueAsync();

        Assert.Equal(OutboxRunResult.Nothing, result);
        await using var db = await app.DbAsync();
        var row = await db.Set<OutboxEmail>().AsNoTracking().SingleAsync(e => e.Id == id);
        Assert.Equal((OutboxEmailStatus.Waiting, 0, (string?)null), (row.Status, row.Attempts, row.LastError));
    }
}
