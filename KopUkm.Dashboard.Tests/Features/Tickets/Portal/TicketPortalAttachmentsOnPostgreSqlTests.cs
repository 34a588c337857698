using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Features.Tickets.Portal;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Tests.Features.Tickets.Portal;

/// <summary>
/// On PostgreSQL the applicant's files are rows of <c>TicketAttachmentContents</c>, saved in the ticket's transaction:
/// nothing in the instance's data folder, and a failed save leaves no content behind. (The SQLite side, files in the
/// data folder, is <see cref="TicketPortalTests"/>.)
/// </summary>
public sealed class TicketPortalAttachmentsOnPostgreSqlTests : PortalScenario
{
    protected override TestProvider Provider => TestProvider.PostgreSql;

    [Fact]
    public async Task Files_are_stored_in_the_database_with_the_ticket_and_read_back_from_it()
    {
        var done = await SubmitAsync(null, File("akta.pdf", Pdf), File("foto.png", Png));

        var ticket = await TicketAsync(done.Code!);
        await using var db = await App.DbAsync();
        var files = await db.Set<TicketAttachment>().AsNoTracking().Where(a => a.TicketId == ticket.Id).OrderBy(a => a.Id).ToListAsync();
        var contents = await db.Set<TicketAttachmentContent>().AsNoTracking().ToDictionaryAsync(c => c.StoredName, c => c.Content);
        Assert.Equal(2, contents.Count);
        Assert.Equal(Pdf, contents[files[0].StoredName]);
        Assert.Equal(Png, contents[files[1].StoredName]);
        Assert.Equal(Pdf.Length, files[0].SizeBytes);
        Assert.False(Directory.Exists(AttachmentFolder) && Directory.EnumerateFiles(AttachmentFolder).Any());

        var opened = await Portal.OpenAttachmentAsync(ticket.Id, files[1].Id);
        Assert.NotNull(opened);
        await using var content = opened.Value.Content;
        using var read = new MemoryStream();
        await content.CopyToAsync(read);
        Assert.Equal(Png, read.ToArray());
    }

    [Fact]
    public async Task A_failure_while_saving_leaves_no_ticket_and_no_file_content()
    {
        await using (var db = await App.DbAsync())
        {
            await db.Database.ExecuteSqlRawAsync("""
                CREATE FUNCTION outbox_down() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'outbox down'; END $$;
                CREATE TRIGGER outbox_down BEFORE INSERT ON "OutboxEmail" FOR EACH ROW EXECUTE FUNCTION outbox_down();
                """);
        }

        var form = await PublicFormAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => Portal.SubmitAsync(form, [File("akta.pdf", Pdf)]));

        await using var check = await App.DbAsync();
        Assert.False(await check.Set<Ticket>().AnyAsync());
        Assert.False(await check.Set<TicketAttachment>().AnyAsync());
        Assert.False(await check.Set<TicketAttachmentContent>().AnyAsync());
    }
}
