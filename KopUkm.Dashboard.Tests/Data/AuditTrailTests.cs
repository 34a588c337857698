using System.Text.Json;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.Auditing;
using KopUkm.Dashboard.Features.Content;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KopUkm.Dashboard.Tests.Data;

public abstract class AuditTrailTests(TestProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : AuditTrailTests(TestProvider.Sqlite);

    public sealed class OnPostgreSql() : AuditTrailTests(TestProvider.PostgreSql);

    private TestServices app = default!;

    public async Task InitializeAsync() => app = await TestServices.CreateAsync(provider: provider);

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Insert_writes_an_audit_row_with_the_database_key_the_actor_and_the_new_values()
    {
        app.User.Current = FakeCurrentUser.As(AppRoles.Administrator, userId: "admin-1", name: "Rina");
        int id;
        await using (var db = await app.DbAsync())
        {
            var division = new Division { Code = "BARU", Name = "Bidang Baru" };
            db.Add(division);
            await db.SaveChangesAsync();
            id = division.Id;
        }

        var entry = await SingleAuditAsync(nameof(Division), id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(AuditAction.Insert, entry.Action);
        Assert.Equal("admin-1", entry.ActorUserId);
        Assert.Equal("Rina", entry.ActorName);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, entry.OccurredAtUtc);
        var changes = Changes(entry);
        Assert.Contains(changes, c => c.Field == "Name" && c.Old == null && c.New == "Bidang Baru");
        Assert.Contains(changes, c => c.Field == "Code" && c.New == "BARU");
    }

    [Fact]
    public async Task Update_records_only_the_changed_fields_old_and_new()
    {
        await using (var db = await app.DbAsync())
        {
            var division = await db.Set<Division>().SingleAsync(d => d.Code == "KLM");
            division.Name = "Bidang Kelembagaan";
            await db.SaveChangesAsync();
        }

        await using var check = await app.DbAsync();
        var key = (await check.Set<Division>().SingleAsync(d => d.Code == "KLM")).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var update = await check.Set<AuditEntry>().SingleAsync(a => a.EntityType == nameof(Division) && a.EntityKey == key && a.Action == AuditAction.Update);
        var change = Assert.Single(Changes(update));
        Assert.Equal(("Name", "Bidang Kelembagaan Koperasi", "Bidang Kelembagaan"), (change.Field, change.Old, change.New));
        Assert.Equal("Sistem", update.ActorName);
    }

    [Fact]
    public async Task Delete_records_the_removed_values()
    {
        int id;
        await using (var db = await app.DbAsync())
        {
            var holiday = await db.Set<KopUkm.Dashboard.Features.Calendar.Holiday>().SingleAsync(h => h.Date == new DateOnly(2026, 1, 1));
            id = holiday.Id;
            db.Remove(holiday);
            await db.SaveChangesAsync();
        }

        var entry = await SingleAuditAsync("Holiday", id.ToString(System.Globalization.CultureInfo.InvariantCulture), AuditAction.Delete);
        Assert.Contains(Changes(entry), c => c.Field == "Name" && c.Old == "Tahun Baru 2026 Masehi" && c.New == null);
    }

    [Fact]
    public async Task Audit_rows_cannot_be_updated_or_deleted()
    {
        await using var db = await app.DbAsync();
        var entry = await db.Set<AuditEntry>().FirstAsync();
        entry.ActorName = "someone else";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        db.ChangeTracker.Clear();
        db.Remove(await db.Set<AuditEntry>().FirstAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Password_hashes_never_reach_the_audit_trail()
    {
        await using var db = await app.DbAsync();
        var rows = await db.Set<AuditEntry>().Where(a => a.EntityType == "ApplicationUser").ToListAsync();
        app.ActAs(AppRoles.Administrator);
        var users = app.Get<KopUkm.Dashboard.Features.Users.UserAdministrationService>();
        var created = await users.CreateAsync(new KopUkm.Dashboard.Features.Users.UserForm { Email = "audit@kopukm.test", FullName = "Audit", Role = AppRoles.Petugas, DivisionId = 1 }, "sandi-yang-panjang-1");
        Assert.True(created.Succeeded);

        var userRows = await db.Set<AuditEntry>().Where(a => a.EntityType == "ApplicationUser").ToListAsync();
        Assert.True(userRows.Count > rows.Count);
        Assert.All(userRows, r => Assert.DoesNotContain("AQAAAA", r.ChangesJson, StringComparison.Ordinal));
        Assert.Contains(userRows.SelectMany(Changes), c => c.Field == "PasswordHash" && c.New == "***");
    }

    [Fact]
    public async Task An_update_that_changes_only_derived_columns_writes_no_audit_row()
    {
        var id = await AddContentItemAsync();
        var before = await CountAsync();

        await using (var db = await app.DbAsync())
        {
            var item = await db.Set<ContentItem>().SingleAsync(c => c.Id == id);
            item.Freshness = ContentFreshness.Overdue;
            item.ReviewDueAtUtc = item.ReviewDueAtUtc!.Value.AddDays(-1);
            item.LiveStatus = LiveStatus.Ok;
            item.LastCheckedAtUtc = app.Clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();
        }

        Assert.Equal(before, await CountAsync());
        await using var check = await app.DbAsync();
        Assert.Equal(ContentFreshness.Overdue, (await check.Set<ContentItem>().SingleAsync(c => c.Id == id)).Freshness);
    }

    [Fact]
    public async Task Derived_columns_are_left_out_of_inserts_and_of_updates_that_change_other_fields()
    {
        var id = await AddContentItemAsync();
        await using (var db = await app.DbAsync())
        {
            var item = await db.Set<ContentItem>().SingleAsync(c => c.Id == id);
            item.Title = "Syarat pendaftaran koperasi (2026)";
            item.Freshness = ContentFreshness.DueSoon;
            await db.SaveChangesAsync();
        }

        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var inserted = Changes(await SingleAuditAsync(nameof(ContentItem), key)).Select(c => c.Field).ToList();
        Assert.Contains(nameof(ContentItem.Title), inserted);
        Assert.DoesNotContain(nameof(ContentItem.Freshness), inserted);
        Assert.DoesNotContain(nameof(ContentItem.ReviewDueAtUtc), inserted);
        Assert.DoesNotContain(nameof(ContentItem.LiveStatus), inserted);
        var update = Assert.Single(Changes(await SingleAuditAsync(nameof(ContentItem), key, AuditAction.Update)));
        Assert.Equal(nameof(ContentItem.Title), update.Field);
    }

    [Fact]
    public async Task A_job_that_names_itself_is_the_actor_of_every_save_in_its_scope()
    {
        app.User.Current = FakeCurrentUser.As(AppRoles.Administrator, userId: "admin-1", name: "Rina");
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<JobActor>().Name("UjiJob");
        int id;
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var division = new Division { Code = "JOB", Name = "Bidang dari job" };
            db.Add(division);
            await db.SaveChangesAsync();
            id = division.Id;
        }

        var entry = await SingleAuditAsync(nameof(Division), id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((null, "Sistem", "UjiJob"), (entry.ActorUserId, entry.ActorName, entry.ActorJob));
    }

    /// <summary>A published page with its freshness computed, as the content service stores one.</summary>
    private async Task<long> AddContentItemAsync()
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await using var db = await app.DbAsync();
        var division = await db.Set<Division>().FirstAsync();
        var item = new ContentItem
        {
            Title = "Syarat pendaftaran koperasi",
            Url = "https://dinaskopukm.jambiprov.go.id/syarat",
            OwnerDivisionId = division.Id,
            Kind = ContentKind.WebsitePage,
            Channel = ContentChannel.Website,
            Category = InformationCategory.SetiapSaat,
            State = ContentState.Terbit,
            CreatedAtUtc = now,
            StateChangedAtUtc = now,
            PublishedAtUtc = now,
        };
        ContentFreshnessRules.Refresh(item, now);
        db.Add(item);
        await db.SaveChangesAsync();
        return item.Id;
    }

    private async Task<int> CountAsync()
    {
        await using var db = await app.DbAsync();
        return await db.Set<AuditEntry>().CountAsync();
    }

    private async Task<AuditEntry> SingleAuditAsync(string type, string key, AuditAction action = AuditAction.Insert)
    {
        await using var db = await app.DbAsync();
        return await db.Set<AuditEntry>().SingleAsync(a => a.EntityType == type && a.EntityKey == key && a.Action == action);
    }

    private static List<AuditFieldChange> Changes(AuditEntry entry) =>
        JsonSerializer.Deserialize<List<AuditFieldChange>>(entry.ChangesJson)!;
}
