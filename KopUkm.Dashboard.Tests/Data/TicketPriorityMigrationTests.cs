using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Tests.Features.Tickets;
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
        app.ActAs(AppRoles.Petugas, await TicketTestData.UmkAsync(app), "clerk", divisionCode: "UMK");
        var all = Enum.GetValues<WorkPriority>();
        foreach (var priority in all)
        {
            await TicketTestData.CreateNibRequestAsync(app, priority.ToString(), priority: priority);
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
