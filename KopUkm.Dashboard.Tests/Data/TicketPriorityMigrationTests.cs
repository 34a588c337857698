using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.ServiceCatalog;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KopUkm.Dashboard.Tests.Data;

/// <summary>
/// Ticket priorities were stored as their names; the TicketPriorityAsNumber migration rewrites each existing ticket's
/// priority as its number, and back again when rolled back, so no ticket changes priority on upgrade.
/// </summary>
public sealed class TicketPriorityMigrationTests : IAsyncLifetime
{
    private const string BeforeMigration = "PerfIndexes";
    private TestServices app = default!;

    public async Task InitializeAsync() => app = await TestServices.CreateAsync();

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Existing_priorities_survive_the_move_from_names_to_numbers_and_back()
    {
        var umk = (await app.Get<OrganizationService>().ListDivisionsAsync()).Single(d => d.Code == "UMK").Id;
        var service = (await app.Get<ServiceCatalogService>().ListAsync()).Single(s => s.Code == "NIB-OSS").Id;
        app.ActAs(AppRoles.Petugas, umk, "clerk", divisionCode: "UMK");
        var all = Enum.GetValues<TicketPriority>();
        foreach (var priority in all)
        {
            var (result, _) = await app.Get<TicketService>().CreateAsync(new TicketIntakeForm
            {
                ApplicantName = priority.ToString(), Phone = "0812 7788 9900", ServiceTypeId = service, Description = "Konsultasi NIB.", Priority = priority,
            });
            Assert.True(result.Succeeded);
        }

        await using (var db = await app.DbAsync())
        {
            await db.GetService<IMigrator>().MigrateAsync(BeforeMigration);
            Assert.Equal(all.Select(p => p.ToString()), await PrioritiesAsync(db));

            await db.GetService<IMigrator>().MigrateAsync();
            Assert.Equal(all.Select(p => ((int)p).ToString(System.Globalization.CultureInfo.InvariantCulture)), await PrioritiesAsync(db));
        }

        await using var after = await app.DbAsync();
        Assert.Equal(all, await after.Set<Ticket>().OrderBy(t => t.Id).Select(t => t.Priority).ToListAsync());
    }

    /// <summary>The stored values as text, whatever the column's type, in ticket order.</summary>
    private static Task<List<string>> PrioritiesAsync(AppDbContext db) =>
        db.Database.SqlQueryRaw<string>("SELECT CAST(Priority AS TEXT) AS Value FROM Ticket ORDER BY Id").ToListAsync();
}
