using System.Text.Json;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.Auditing;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KopUkm.Dashboard.Tests.Data;

/// <summary>
/// Audit rows written before derived columns were left out stay, append-only; the AuditJobActorAndProjections
/// migration flags those whose every change is to a derived column of their own entity, and no other.
/// </summary>
public sealed class AuditProjectionMigrationTests : IAsyncLifetime
{
    private const string BeforeMigration = "TicketNameSearch";
    private TestServices app = default!;

    public async Task InitializeAsync() => app = await TestServices.CreateAsync();

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Old_updates_of_derived_columns_only_are_flagged_and_every_other_row_is_left_as_it_was()
    {
        Dictionary<string, long> ids;
        await using (var db = await app.DbAsync())
        {
            await db.GetService<IMigrator>().MigrateAsync(BeforeMigration);
            ids = new Dictionary<string, long>
            {
                ["sla refresh"] = await InsertAsync(db, "Ticket", "Update", ("SlaRefreshedAtUtc", "2026-11-23T02:00:00.0000000Z", "2026-11-23T02:05:00.0000000Z"), ("ResolutionMinutesLeft", "2250", "2245")),
                ["sla state"] = await InsertAsync(db, "Ticket", "Update", ("ResolutionSla", "OnTrack", "AtRisk"), ("SlaRefreshedAtUtc", "2026-11-23T02:00:00.0000000Z", "2026-11-23T02:05:00.0000000Z")),
                ["breach"] = await InsertAsync(db, "Ticket", "Update", ("FirstResponseSla", "AtRisk", "Breached"), ("EverBreached", "False", "True")),
                ["status with refresh"] = await InsertAsync(db, "Ticket", "Update", ("Status", "Baru", "Ditugaskan"), ("SlaRefreshedAtUtc", "2026-11-23T02:00:00.0000000Z", "2026-11-23T02:05:00.0000000Z")),
                ["ticket insert"] = await InsertAsync(db, "Ticket", "Insert", ("SlaRefreshedAtUtc", null, "2026-11-23T02:00:00.0000000Z")),
                ["freshness"] = await InsertAsync(db, "ContentItem", "Update", ("Freshness", "Fresh", "DueSoon"), ("ReviewDueAtUtc", "2027-02-21T02:00:00.0000000Z", "2027-02-20T02:00:00.0000000Z")),
                ["page flagged"] = await InsertAsync(db, "ContentItem", "Update", ("State", "Terbit", "PerluPembaruan"), ("Freshness", "DueSoon", "Overdue")),
                ["case due date"] = await InsertAsync(db, "RegistrationCase", "Update", ("StageDueAtUtc", "2026-11-25T09:00:00.0000000Z", "2026-11-26T09:00:00.0000000Z")),
                ["handoff minutes"] = await InsertAsync(db, "TicketHandoff", "Update", ("AcceptanceWorkingMinutes", null, "95")),
                ["supervision"] = await InsertAsync(db, "Cooperative", "Update", ("SupervisionReasons", "None", "NoRecentRat"), ("NeedsSupervision", "False", "True")),
                // A field that is derived on another entity is not derived here.
                ["other entity's field"] = await InsertAsync(db, "Division", "Update", ("Freshness", "Fresh", "Overdue")),
            };

            await db.GetService<IMigrator>().MigrateAsync();
        }

        await using var check = await app.DbAsync();
        var rows = await check.Set<AuditEntry>().Where(a => ids.Values.Contains(a.Id)).ToDictionaryAsync(a => a.Id);
        var flagged = ids.Where(kv => rows[kv.Value].IsProjection).Select(kv => kv.Key).Order(StringComparer.Ordinal);
        Assert.Equal(["case due date", "freshness", "handoff minutes", "sla refresh", "sla state"], flagged);
        Assert.All(rows.Values, r => Assert.Null(r.ActorJob));
        Assert.Equal(2, JsonSerializer.Deserialize<List<AuditFieldChange>>(rows[ids["sla refresh"]].ChangesJson)!.Count);
    }

    /// <summary>An audit row as the app wrote it before the migration (no job, no projection flag). Returns its id.</summary>
    private static async Task<long> InsertAsync(AppDbContext db, string entityType, string action, params (string Field, string? Old, string? New)[] changes)
    {
        var json = JsonSerializer.Serialize(changes.Select(c => new AuditFieldChange(c.Field, c.Old, c.New)).ToList());
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "AuditEntries" ("OccurredAtUtc", "ActorUserId", "ActorName", "EntityType", "EntityKey", "Action", "ChangesJson")
            VALUES ('2026-11-23 02:05:00', NULL, 'Sistem', {entityType}, '1', {action}, {json})
            """);
        return await db.Database.SqlQuery<long>($"SELECT MAX(\"Id\") AS \"Value\" FROM \"AuditEntries\"").SingleAsync();
    }
}
