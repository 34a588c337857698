using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data.Auditing;
using KopUkm.Dashboard.Features.Email;
using KopUkm.Dashboard.Features.Email.Delivery;
using KopUkm.Dashboard.Features.Email.Pages;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Tests.Features.Email;

public sealed class OutboxAdminTests : IAsyncLifetime
{
    private SmtpTestServer smtp = default!;
    private TestServices app = default!;

    public async Task InitializeAsync()
    {
        smtp = await SmtpTestServer.StartAsync();
        app = await TestServices.CreateAsync(smtp.Settings());
        app.ActAs(AppRoles.Administrator, userId: "admin-1");
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await smtp.DisposeAsync();
    }

    private OutboxAdmin Admin => app.Get<OutboxAdmin>();

    private async Task SetAsync(long id, OutboxEmailStatus status, string? error = null)
    {
        await using var db = await app.DbAsync();
        await db.Set<OutboxEmail>().Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, status).SetProperty(e => e.LastError, error).SetProperty(e => e.Attempts, 6));
    }

    [Fact]
    public async Task The_list_is_newest_first_filtered_by_status_and_searched_by_recipient_or_subject()
    {
        var first = await OutboxSenderTests.WriteAsync(app, "a", to: "siti@contoh.id");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await OutboxSenderTests.WriteAsync(app, "b", to: "budi@contoh.id");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var third = await OutboxSenderTests.WriteAsync(app, "c", to: "andi@contoh.id");
        await SetAsync(second, OutboxEmailStatus.Failed, "Server SMTP menolak pesan");

        var all = await Admin.ListAsync(null, null, new PageRequest(0, 25));
        var failed = await Admin.ListAsync(OutboxEmailStatus.Failed, null, new PageRequest(0, 25));
        var byRecipient = await Admin.ListAsync(null, "SITI@", new PageRequest(0, 25));
        var bySubject = await Admin.ListAsync(null, "permohonan c", new PageRequest(0, 25));
        var paged = await Admin.ListAsync(null, null, new PageRequest(1, 2));

        Assert.Equal([third, second, first], all.Items.Select(i => i.Id));
        Assert.Equal("Server SMTP menolak pesan", Assert.Single(failed.Items).LastError);
        Assert.Equal(first, Assert.Single(byRecipient.Items).Id);
        Assert.Equal(third, Assert.Single(bySubject.Items).Id);
        Assert.Equal((3, first), (paged.TotalCount, Assert.Single(paged.Items).Id));
        Assert.Equal(new OutboxCounts(2, 0, 1), await Admin.CountAsync());
    }

    [Fact]
    public async Task Resending_a_failed_message_queues_it_again_records_who_and_delivers_it_as_a_new_message()
    {
        var id = await OutboxSenderTests.WriteAsync(app, "resend");
        await app.Get<OutboxSender>().SendDueAsync();
        await SetAsync(id, OutboxEmailStatus.Failed, "Gagal setelah 6 percobaan.");

        var result = await Admin.ResendAsync(id);

        Assert.True(result.Succeeded);
        var detail = await Admin.GetAsync(id);
        Assert.Equal((OutboxEmailStatus.Waiting, 0, (string?)null), (detail!.Row.Status, detail.Row.Attempts, detail.Row.LastError));
        Assert.Equal(("Penguji", OutboxEmailStatus.Failed), (Assert.Single(detail.Resends).ByName, detail.Resends[0].PreviousStatus));
        await using (var db = await app.DbAsync())
        {
            var audit = Assert.Single(await db.Set<AuditEntry>().Where(a => a.EntityType == nameof(OutboxEmailResend)).ToListAsync());
            Assert.Equal(("admin-1", AuditAction.Insert), (audit.ActorUserId, audit.Action));
        }

        await app.Get<OutboxSender>().SendDueAsync();
        Assert.Equal(2, smtp.Messages.Count);
        Assert.Equal([$"kopukm.outbox.{id}.0@dinaskopukm.example.go.id", $"kopukm.outbox.{id}.1@dinaskopukm.example.go.id"], smtp.Messages.Select(m => m.MessageId));
    }

    [Fact]
    public async Task A_waiting_message_is_not_resent()
    {
        var id = await OutboxSenderTests.WriteAsync(app, "waiting");

        var result = await Admin.ResendAsync(id);

        Assert.Equal("Outbox.AlreadyWaiting", Assert.Single(result.Errors).MessageKey);
    }

    [Fact]
    public async Task The_detail_shows_the_text_body_and_the_message_id()
    {
        var id = await OutboxSenderTests.WriteAsync(app, "detail");

        var detail = await Admin.GetAsync(id);

        Assert.Contains("Permohonan Anda diterima.", detail!.TextBody, StringComparison.Ordinal);
        Assert.True(detail.HasHtml);
        Assert.Equal($"kopukm.outbox.{id}.0@dinaskopukm.example.go.id", detail.MessageId);
    }

    [Theory]
    [InlineData(AppRoles.Pimpinan)]
    [InlineData(AppRoles.KepalaBidang)]
    [InlineData(AppRoles.Petugas)]
    [InlineData(AppRoles.StafTI)]
    public async Task Only_administrators_see_or_resend_messages(string role)
    {
        var id = await OutboxSenderTests.WriteAsync(app, "private");
        app.ActAs(role);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Admin.ListAsync(null, null, new PageRequest(0, 25)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Admin.GetAsync(id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Admin.CountAsync());
        await Assert.ThrowsAsync<AccessDeniedException>(() => Admin.ResendAsync(id));
    }
}
