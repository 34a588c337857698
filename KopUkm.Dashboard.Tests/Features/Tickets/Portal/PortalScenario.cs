using KopUkm.Dashboard.Features.Email;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Features.Tickets.Portal;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Tests.Features.Tickets.Portal;

/// <summary>The ticket scenario plus a member of the public: a valid portal request, files by their first bytes.</summary>
public abstract class PortalScenario : TicketScenario
{
    protected static readonly byte[] Pdf = [.. "%PDF-1.4\n"u8, .. new byte[200]];
    protected static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[200]];

    protected TicketPortal Portal => App.Get<TicketPortal>();

    /// <summary>Links in applicants' e-mails are built on the office's public address.</summary>
    protected override Dictionary<string, string?>? Settings => new() { ["App:PublicBaseUrl"] = "http://localhost:5000" };

    protected async Task<int> RegionIdAsync()
    {
        await using var db = await App.DbAsync();
        return await db.Set<Region>().Where(r => r.IsActive).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
    }

    protected async Task<PortalRequestForm> PublicFormAsync(string email = "siti@contoh.id") => new()
    {
        ApplicantName = "Siti Rahmah",
        Email = email,
        Phone = "0812-7788 9900",
        ServiceTypeId = NibService,
        RegionId = await RegionIdAsync(),
        BusinessName = "Keripik Pisang Bu Siti",
        Description = "Saya ingin dibantu membuat NIB untuk usaha keripik.",
        Consent = true,
    };

    protected static IncomingFile File(string name, byte[] content) => new(name, content.Length, () => new MemoryStream(content));

    protected async Task<PortalSubmitResult> SubmitAsync(PortalRequestForm? form = null, params IncomingFile[] files)
    {
        var result = await Portal.SubmitAsync(form ?? await PublicFormAsync(), files);
        Assert.True(result.Result.Succeeded, string.Join(", ", result.Result.Errors.Select(e => $"{e.Field}:{e.MessageKey}")));
        return result;
    }

    protected async Task<Ticket> TicketAsync(string code)
    {
        await using var db = await App.DbAsync();
        return await db.Set<Ticket>().AsNoTracking().SingleAsync(t => t.Code == code);
    }

    protected async Task<List<OutboxEmail>> OutboxAsync()
    {
        await using var db = await App.DbAsync();
        return await db.Set<OutboxEmail>().AsNoTracking().OrderBy(e => e.Id).ToListAsync();
    }

    protected string AttachmentFolder => Path.Combine(App.DataFolder, "attachments");
}
