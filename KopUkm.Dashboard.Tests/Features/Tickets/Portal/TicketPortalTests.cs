using KopUkm.Dashboard.Data.Auditing;
using KopUkm.Dashboard.Features.Notifications;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Features.Tickets.Portal;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Tests.Features.Tickets.Portal;

public sealed class TicketPortalTests : PortalScenario
{
    [Fact]
    public async Task A_portal_request_becomes_a_routed_ticket_on_channel_portal_with_sla_clocks_from_its_arrival()
    {
        var done = await SubmitAsync();

        var ticket = await TicketAsync(done.Code!);
        Assert.Matches(@"^UMKM-2026-\d{6}$", ticket.Code);
        Assert.Equal(TicketChannel.Portal, ticket.Channel);
        Assert.Equal(Umk, ticket.DivisionId);
        Assert.Equal(App.Clock.GetUtcNow().UtcDateTime, ticket.CreatedAtUtc);
        Assert.Equal("+6281277889900", ticket.Phone);
        Assert.NotNull(ticket.ResolutionDueAtUtc);
        Assert.Equal(ticket.ResolutionDueAtUtc, done.Receipt!.DueAtUtc);
        await using var db = await App.DbAsync();
        var audit = await db.Set<AuditEntry>().AsNoTracking().SingleAsync(a => a.EntityType == "Ticket" && a.EntityKey == ticket.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.Action == AuditAction.Insert);
        Assert.Equal(TicketPortal.AuditName, audit.ActorJob);
        Assert.Null(audit.ActorUserId);
        Assert.Equal(TicketPortal.ActorName, (await db.Set<TicketEvent>().AsNoTracking().SingleAsync(e => e.TicketId == ticket.Id)).ByName);
    }

    [Fact]
    public async Task The_pin_is_random_eight_digits_stored_only_as_a_hash_and_opens_only_its_own_ticket()
    {
        var first = await SubmitAsync();
        var second = await SubmitAsync();

        Assert.Matches(@"^\d{8}$", first.Pin);
        await using var db = await App.DbAsync();
        var stored = await db.Set<TicketPortalAccess>().AsNoTracking().ToListAsync();
        Assert.Equal(2, stored.Count);
        Assert.All(stored, a => Assert.DoesNotContain(first.Pin!, a.PinHash));
        Assert.All(stored, a => Assert.DoesNotContain(second.Pin!, a.PinHash));
        var firstId = (await TicketAsync(first.Code!)).Id;
        Assert.Equal(firstId, await Portal.VerifyAsync(first.Code, first.Pin));
        Assert.Equal(firstId, await Portal.VerifyAsync(first.Code!.ToLowerInvariant(), $" {first.Pin} "));
        Assert.Null(await Portal.VerifyAsync(first.Code, second.Pin == first.Pin ? "x" : second.Pin));
        Assert.Null(await Portal.VerifyAsync("UMKM-2026-999999", first.Pin));
        Assert.Null(await Portal.VerifyAsync("", ""));
    }

    [Theory]
    [InlineData("ApplicantName", "Validation.Required")]
    [InlineData("Email", "Portal.Validation.ContactRequired")]
    [InlineData("Phone", "Portal.Validation.WhatsApp")]
    [InlineData("Nib", "Portal.Validation.Nib")]
    [InlineData("Description", "Portal.Validation.DescriptionShort")]
    [InlineData("ServiceTypeId", "Portal.Validation.Service")]
    [InlineData("RegionId", "Portal.Validation.Region")]
    [InlineData("Consent", "Portal.Validation.Consent")]
    public async Task Each_bad_field_gets_its_own_message_and_nothing_is_saved(string field, string key)
    {
        var form = await PublicFormAsync();
        switch (field)
        {
            case "ApplicantName": form.ApplicantName = " "; break;
            case "Email": form.Email = ""; form.Phone = ""; break;
            case "Phone": form.Phone = "12345"; break;
            case "Nib": form.Nib = "12345678901"; break;
            case "Description": form.Description = "Tolong."; break;
            case "ServiceTypeId": form.ServiceTypeId = 0; break;
            case "RegionId": form.RegionId = 0; break;
            case "Consent": form.Consent = false; break;
        }

        var result = await Portal.SubmitAsync(form, [File("akta.pdf", Pdf)]);

        Assert.Contains(result.Result.Errors, e => e.Field == field && e.MessageKey == key);
        Assert.Null(result.Pin);
        await using var db = await App.DbAsync();
        Assert.False(await db.Set<Ticket>().AnyAsync());
        Assert.Empty(await OutboxAsync());
        Assert.False(Directory.Exists(AttachmentFolder) && Directory.EnumerateFiles(AttachmentFolder).Any());
    }

    [Fact]
    public async Task Over_long_fields_are_refused_with_their_limit()
    {
        var form = await PublicFormAsync();
        form.ApplicantName = new string('a', PortalRequestForm.NameMax + 1);
        form.Description = new string('b', PortalRequestForm.DescriptionMax + 1);

        var result = await Portal.SubmitAsync(form, []);

        Assert.Contains(result.Result.Errors, e => e.Field == "ApplicantName" && e.MessageKey == "Validation.MaxLength");
        Assert.Contains(result.Result.Errors, e => e.Field == "Description" && e.MessageKey == "Validation.MaxLength");
    }

    [Fact]
    public async Task Attachments_are_typed_by_their_first_bytes_not_their_names_and_stored_outside_wwwroot_under_random_names()
    {
        var refused = await Portal.SubmitAsync(await PublicFormAsync(), [File("surat.pdf", "bukan pdf sama sekali"u8.ToArray())]);
        Assert.Contains(refused.Result.Errors, e => e.Field == "Files" && e.MessageKey == "Portal.Files.WrongType");

        var done = await SubmitAsync(null, File("foto-usaha.pdf", Png), File("..\\..\\akta<script>.pdf", Pdf));

        await using var db = await App.DbAsync();
        var files = await db.Set<TicketAttachment>().AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["image/png", "application/pdf"], files.Select(f => f.ContentType));
        Assert.Equal(["foto-usaha.pdf", "aktascript.pdf"], files.Select(f => f.FileName));
        Assert.All(files, f => Assert.Matches("^[0-9a-f]{32}\\.(png|pdf)$", f.StoredName));
        Assert.All(files, f => Assert.True(System.IO.File.Exists(Path.Combine(AttachmentFolder, f.StoredName))));
        Assert.Equal(Png.Length, files[0].SizeBytes);
        Assert.DoesNotContain("wwwroot", AttachmentFolder, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(done.Code);
    }

    [Fact]
    public async Task More_than_three_files_or_a_file_over_five_megabytes_is_refused()
    {
        var tooMany = await Portal.SubmitAsync(await PublicFormAsync(), [File("1.pdf", Pdf), File("2.pdf", Pdf), File("3.pdf", Pdf), File("4.pdf", Pdf)]);
        var big = new byte[TicketAttachmentFiles.MaxBytes + 1];
        Pdf.CopyTo(big, 0);
        var tooLarge = await Portal.SubmitAsync(await PublicFormAsync(), [File("besar.pdf", big)]);
        var justRight = new byte[TicketAttachmentFiles.MaxBytes];
        Pdf.CopyTo(justRight, 0);

        Assert.Contains(tooMany.Result.Errors, e => e.MessageKey == "Portal.Files.TooMany");
        Assert.Contains(tooLarge.Result.Errors, e => e.MessageKey == "Portal.Files.TooLarge");
        Assert.True((await Portal.SubmitAsync(await PublicFormAsync(), [File("pas.pdf", justRight)])).Result.Succeeded);
    }

    [Fact]
    public async Task A_failure_while_saving_leaves_no_ticket_no_attachment_row_no_email_and_no_file()
    {
        await using (var db = await App.DbAsync())
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER outbox_down BEFORE INSERT ON OutboxEmail BEGIN SELECT RAISE(ABORT, 'outbox down'); END;");
        }

        var form = await PublicFormAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => Portal.SubmitAsync(form, [File("akta.pdf", Pdf)]));

        await using var check = await App.DbAsync();
        Assert.False(await check.Set<Ticket>().AnyAsync());
        Assert.False(await check.Set<TicketEvent>().AnyAsync());
        Assert.False(await check.Set<TicketAttachment>().AnyAsync());
        Assert.False(await check.Set<TicketPortalAccess>().AnyAsync());
        Assert.Empty(Directory.EnumerateFiles(AttachmentFolder));
    }

    [Fact]
    public async Task A_file_that_fails_while_being_written_removes_the_files_already_written()
    {
        var opens = 0;
        var failing = new IncomingFile("b.pdf", Pdf.Length, () => ++opens > 2 ? throw new IOException("disk") : new MemoryStream(Pdf));

        var form = await PublicFormAsync();
        await Assert.ThrowsAsync<IOException>(() => Portal.SubmitAsync(form, [File("a.pdf", Pdf), failing]));

        Assert.Empty(Directory.EnumerateFiles(AttachmentFolder));
        await using var db = await App.DbAsync();
        Assert.False(await db.Set<Ticket>().AnyAsync());
    }

    [Fact]
    public async Task The_receipt_e_mail_carries_code_pin_a_signed_link_and_the_standard_time_limit_once()
    {
        var done = await SubmitAsync();
        var ticket = await TicketAsync(done.Code!);

        var mail = Assert.Single(await OutboxAsync());
        Assert.Equal($"ticket:{ticket.Id}:receipt", mail.Key);
        Assert.Equal("siti@contoh.id", mail.ToAddress);
        Assert.Contains(done.Code!, mail.Subject);
        Assert.Contains(done.Pin!, mail.TextBody);
        Assert.Contains("http://localhost:5000/lacak/tautan?t=", mail.TextBody);
        Assert.Contains("hari kerja", mail.TextBody);
        Assert.Contains(KopUkm.Dashboard.Localization.WibTime.ToWib(ticket.ResolutionDueAtUtc!.Value).ToString("d MMM yyyy", new System.Globalization.CultureInfo("id-ID")), mail.TextBody);
        Assert.Contains("<a href=", mail.HtmlBody);
        var token = Uri.UnescapeDataString(mail.TextBody.Split("?t=")[1].Split('\n')[0]);
        Assert.Equal(ticket.Id, await Portal.OpenLinkAsync(token));
        Assert.Null(await Portal.OpenLinkAsync(token[..^2] + "xx"));
        App.Clock.Advance(TimeSpan.FromDays(91));
        Assert.Null(await Portal.OpenLinkAsync(token));
    }

    [Fact]
    public async Task Without_an_e_mail_address_nothing_is_put_in_the_outbox()
    {
        var form = await PublicFormAsync(email: "");
        var done = await SubmitAsync(form);

        Assert.False(done.Receipt!.EmailSent);
        Assert.Empty(await OutboxAsync());
    }
}
