using KopUkm.Dashboard.Features.Notifications;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Features.Tickets.Portal;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Tests.Features.Tickets.Portal;

/// <summary>The applicant and the officer talk through the ticket: what each side sees, and the e-mails it sends.</summary>
public sealed class TicketPortalConversationTests : PortalScenario
{
    private async Task<(int Id, PortalSubmitResult Done)> AssignedPortalTicketAsync(PortalRequestForm? form = null)
    {
        var done = await SubmitAsync(form, File("akta.pdf", Pdf));
        var ticket = await TicketAsync(done.Code!);
        ActAsHead();
        Assert.True((await Assignment.AssignAsync(ticket.Id, ticket.Version, OfficerA, null)).Succeeded);
        ActAsOfficer(OfficerA);
        return (ticket.Id, done);
    }

    private async Task<long> VersionAsync(int id) => (await Details.GetAsync(id))!.Ticket.Version;

    [Fact]
    public async Task Replies_waiting_resolved_and_closed_each_write_one_e_mail_keyed_by_their_event_and_notes_write_none()
    {
        var (id, _) = await AssignedPortalTicketAsync();

        Assert.True((await Moves.ReplyAsync(id, await VersionAsync(id), "Berkas sudah kami terima.")).Succeeded);
        Assert.True((await Moves.NoteAsync(id, await VersionAsync(id), "Catatan internal: cek OSS.")).Succeeded);
        Assert.True((await Moves.MoveAsync(id, await VersionAsync(id), TicketStatus.MenungguPemohon, "Mohon kirim foto KTP.")).Succeeded);
        Assert.True((await Moves.MoveAsync(id, await VersionAsync(id), TicketStatus.Selesai, "NIB sudah terbit: 1234567890123.")).Succeeded);
        Assert.True((await Moves.MoveAsync(id, await VersionAsync(id), TicketStatus.Ditutup, null)).Succeeded);

        var all = await OutboxAsync();
        // Resolving also invites the applicant to the IKM survey (one invitation, written with the resolution).
        Assert.Single(all, m => m.Purpose == "ikm-invite");
        var mails = all.Where(m => m.Purpose != "ikm-invite").ToList();
        Assert.Equal(["ticket-receipt", "ticket-reply", "ticket-waiting", "ticket-resolved", "ticket-closed"], mails.Select(m => m.Purpose));
        Assert.Equal(mails.Count, mails.Select(m => m.Key).Distinct().Count());
        await using var db = await App.DbAsync();
        var reply = await db.Set<TicketEvent>().SingleAsync(e => e.TicketId == id && e.Kind == TicketEventKind.Replied);
        Assert.Equal($"ticket:{id}:reply:{reply.Id}", mails[1].Key);
        Assert.Contains("Berkas sudah kami terima.", mails[1].TextBody);
        Assert.Contains("Mohon kirim foto KTP.", mails[2].TextBody);
        Assert.Contains("NIB sudah terbit", mails[3].TextBody);
        Assert.DoesNotContain(mails, m => m.TextBody.Contains("Catatan internal", StringComparison.Ordinal));
        Assert.DoesNotContain(mails, m => m.TextBody.Contains("Ahmad", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_walk_in_ticket_without_an_e_mail_address_writes_no_e_mail()
    {
        var view = await AssignedAndStartedAsync();

        await Moves.MoveAsync(view.Ticket.Id, view.Ticket.Version, TicketStatus.Selesai, "Selesai.");

        Assert.Empty(await OutboxAsync());
    }

    [Fact]
    public async Task The_applicants_answer_is_recorded_with_its_files_resumes_the_clock_and_tells_the_assignee()
    {
        var (id, _) = await AssignedPortalTicketAsync();
        await Moves.ReplyAsync(id, await VersionAsync(id), "Kami proses.");
        await Moves.MoveAsync(id, await VersionAsync(id), TicketStatus.MenungguPemohon, "Mohon kirim foto KTP.");
        var waiting = (await Portal.TrackAsync(id))!;
        Assert.True(waiting.CanAnswer);
        Assert.Equal("Mohon kirim foto KTP.", waiting.Question);

        var result = await Portal.AnswerAsync(id, waiting.Version, "Ini foto KTP saya.", [File("ktp.png", Png)]);

        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.MessageKey)));
        var view = (await Details.GetAsync(id))!;
        Assert.Equal(TicketStatus.Diproses, view.Ticket.Status);
        Assert.Null(view.Ticket.PauseReason);
        var answer = Assert.Single(view.History, e => e.Kind == TicketEventKind.ApplicantAnswered);
        Assert.Equal("Siti Rahmah", answer.ByName);
        Assert.Equal(TicketEventKind.Resumed, view.History[^1].Kind);
        Assert.False(view.Sla.Resolution.IsPaused);
        Assert.Contains(view.Attachments, a => a.FileName == "ktp.png" && a.TicketEventId == answer.Id);
        Assert.Contains(view.Attachments, a => a.FileName == "akta.pdf" && a.TicketEventId is null);
        await using var db = await App.DbAsync();
        Assert.True(await db.Set<Notification>().AnyAsync(n => n.UserId == OfficerA && n.MessageKey == "Notification.TicketApplicantAnswered"));

        var again = await Portal.AnswerAsync(id, view.Ticket.Version, "Lagi.", []);
        Assert.Contains(again.Errors, e => e.MessageKey == "Portal.Track.NotWaiting");
    }

    [Fact]
    public async Task The_tracking_view_shows_replies_and_status_in_plain_words_never_notes_or_officer_names_and_marks_replies_seen()
    {
        var (id, _) = await AssignedPortalTicketAsync();
        await Moves.ReplyAsync(id, await VersionAsync(id), "Berkas sudah kami terima.");
        await Moves.NoteAsync(id, await VersionAsync(id), "Catatan internal: pemohon pernah ditolak.");

        var view = (await Portal.TrackAsync(id))!;

        Assert.Equal(TicketStatus.Diproses, view.Status);
        Assert.NotNull(view.DueAtUtc);
        Assert.Contains(view.Timeline, e => e.Kind == TicketEventKind.Replied && e.Text == "Berkas sudah kami terima.");
        Assert.DoesNotContain(view.Timeline, e => e.Kind is TicketEventKind.NoteAdded or TicketEventKind.Assigned);
        Assert.DoesNotContain(view.Timeline, e => e.Text.Contains("Catatan internal", StringComparison.Ordinal) || e.Text.Contains("Ahmad", StringComparison.Ordinal));
        Assert.Single(view.Attachments);
        var staff = (await Details.GetAsync(id))!;
        Assert.Equal(App.Clock.GetUtcNow().UtcDateTime, staff.History.Single(e => e.Kind == TicketEventKind.Replied).SeenByApplicantAtUtc);
        App.Clock.Advance(TimeSpan.FromHours(1));
        await Portal.TrackAsync(id);
        Assert.Equal(App.Clock.GetUtcNow().UtcDateTime - TimeSpan.FromHours(1), (await Details.GetAsync(id))!.History.Single(e => e.Kind == TicketEventKind.Replied).SeenByApplicantAtUtc);
    }

    [Fact]
    public async Task The_applicant_closes_a_resolved_request_with_a_reason_and_may_reopen_it_only_within_the_window()
    {
        var (id, _) = await AssignedPortalTicketAsync();
        await Moves.ReplyAsync(id, await VersionAsync(id), "Kami proses.");
        var open = (await Portal.TrackAsync(id))!;
        Assert.False(open.CanClose);
        Assert.Contains((await Portal.CloseAsync(id, open.Version, "Sudah.")).Errors, e => e.MessageKey == "Portal.Track.CannotClose");
        await Moves.MoveAsync(id, await VersionAsync(id), TicketStatus.Selesai, "NIB terbit.");
        var resolved = (await Portal.TrackAsync(id))!;
        Assert.True(resolved.CanClose);
        Assert.Contains((await Portal.CloseAsync(id, resolved.Version, " ")).Errors, e => e.MessageKey == "Portal.Track.ReasonRequired");

        Assert.True((await Portal.CloseAsync(id, resolved.Version, "Sudah sesuai, terima kasih.")).Succeeded);

        var closed = (await Portal.TrackAsync(id))!;
        Assert.Equal(TicketStatus.Ditutup, closed.Status);
        Assert.Contains(closed.Timeline, e => e.Kind == TicketEventKind.Closed && e.ByApplicant && e.Text == "Sudah sesuai, terima kasih.");
        Assert.Single(await OutboxAsync(), m => m.Purpose == "ticket-closed");
        Assert.True(closed.CanReopen);
        App.Clock.Advance(TimeSpan.FromDays(29));

        Assert.True((await Portal.ReopenAsync(id, closed.Version, "Nama usaha di NIB salah.")).Succeeded);

        var staff = (await Details.GetAsync(id))!;
        Assert.Equal(TicketStatus.DibukaKembali, staff.Ticket.Status);
        Assert.Equal(1, staff.Ticket.ReopenCount);
        Assert.Equal("Nama usaha di NIB salah.", staff.History[^1].Text);
        await Moves.MoveAsync(id, staff.Ticket.Version, TicketStatus.Selesai, "Sudah diperbaiki.");
        App.Clock.Advance(TimeSpan.FromDays(31));
        var late = (await Portal.TrackAsync(id))!;
        Assert.False(late.CanReopen);
        Assert.Contains((await Portal.ReopenAsync(id, late.Version, "Masih salah.")).Errors, e => e.MessageKey == "Portal.Track.ReopenWindowPassed");
    }

    [Fact]
    public async Task An_answer_against_a_version_the_officer_changed_since_is_a_conflict_and_saves_no_file()
    {
        var (id, _) = await AssignedPortalTicketAsync();
        await Moves.ReplyAsync(id, await VersionAsync(id), "Kami proses.");
        await Moves.MoveAsync(id, await VersionAsync(id), TicketStatus.MenungguPemohon, "Kirim KTP.");
        var seen = (await Portal.TrackAsync(id))!;
        await Moves.MoveAsync(id, await VersionAsync(id), TicketStatus.Selesai, "Sudah kami lihat di OSS, tidak perlu KTP.");
        var before = Directory.EnumerateFiles(AttachmentFolder).Count();

        var result = await Portal.AnswerAsync(id, seen.Version, "KTP terlampir.", [File("ktp.png", Png)]);

        Assert.True(result.IsConflict);
        Assert.Equal(before, Directory.EnumerateFiles(AttachmentFolder).Count());
    }

    [Fact]
    public async Task Staff_open_an_applicants_file_only_on_a_ticket_they_may_see()
    {
        var (id, _) = await AssignedPortalTicketAsync();
        var file = Assert.Single((await Details.GetAsync(id))!.Attachments);

        var opened = await Details.OpenAttachmentAsync(id, file.Id);
        Assert.NotNull(opened);
        await using (opened.Value.Content)
        {
            Assert.Equal("akta.pdf", opened.Value.Attachment.FileName);
        }

        // An officer of another division may not see the ticket, so not its files either; nor a file under another ticket's id.
        App.ActAs(AppRoles.Petugas, Plut, "officer-plut", divisionCode: "PLUT");
        Assert.Null(await Details.OpenAttachmentAsync(id, file.Id));
        ActAsOfficer(OfficerA);
        Assert.Null(await Details.OpenAttachmentAsync(id + 1000, file.Id));
    }
}
