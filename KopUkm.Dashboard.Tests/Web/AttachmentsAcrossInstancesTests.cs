using System.Net;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Features.Tickets.Portal;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KopUkm.Dashboard.Tests.Web;

/// <summary>
/// Two whole app instances on one PostgreSQL database, each with its own data folder, as behind a load balancer: a
/// file the applicant sent through one instance is downloaded by the staff through the other.
/// </summary>
public sealed class AttachmentsAcrossInstancesTests : IAsyncLifetime
{
    private TestServices database = default!;

    public async Task InitializeAsync() => database = await TestServices.CreateAsync(provider: TestProvider.PostgreSql);

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task A_file_submitted_through_one_instance_is_downloaded_by_the_staff_through_the_other()
    {
        var connection = database.Services.GetRequiredService<IConfiguration>().GetConnectionString("Default")!;
        await using var a = new InstanceApp(connection);
        await using var b = new InstanceApp(connection) { Clock = a.Clock };
        using var applicantOnA = HttpLogin.AnonymousClient(a);

        var (code, _) = await PublicRequestsHttpTests.SubmitAsync(a, applicantOnA);

        int ticketId, attachmentId;
        using (var scope = b.Services.CreateScope())
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            ticketId = await db.Set<Ticket>().Where(t => t.Code == code).Select(t => t.Id).SingleAsync();
            attachmentId = await db.Set<TicketAttachment>().Where(t => t.TicketId == ticketId).Select(t => t.Id).SingleAsync();
        }

        Assert.False(Directory.Exists(Path.Combine(a.DataFolder, "attachments")) && Directory.EnumerateFiles(Path.Combine(a.DataFolder, "attachments")).Any());
        using var staffOnB = await HttpLogin.SignedInClientAsync(b, "kabid.umk@kopukm.demo", DemoUsers.Password);
        var file = await staffOnB.GetAsync($"/layanan/{ticketId}/lampiran/{attachmentId}");

        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal(PublicRequestsHttpTests.Pdf, await file.Content.ReadAsByteArrayAsync());
    }

    private sealed class InstanceApp(string connection) : AppFactory
    {
        protected override Dictionary<string, string?> Settings { get; } = new()
        {
            ["Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:Default"] = connection,
            ["PublicRequests:PostsPerMinute"] = "1000",
            ["PublicRequests:MinFillSeconds"] = "0",
        };
    }
}
