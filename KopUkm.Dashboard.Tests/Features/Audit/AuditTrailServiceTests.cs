using System.Globalization;
using System.Text.Json;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.Auditing;
using KopUkm.Dashboard.Features.Audit;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KopUkm.Dashboard.Tests.Features.Audit;

public abstract class AuditTrailServiceTests(TestProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : AuditTrailServiceTests(TestProvider.Sqlite);

    public sealed class OnPostgreSql() : AuditTrailServiceTests(TestProvider.PostgreSql);

    private TestServices app = default!;

    public async Task InitializeAsync()
    {
        app = await TestServices.CreateAsync(provider: provider);
        app.ActAs(AppRoles.Administrator, userId: "admin-9");
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task History_of_a_record_lists_its_insert_and_each_edit_in_order_with_the_editor()
    {
        var organization = app.Get<OrganizationService>();
        var division = (await organization.ListDivisionsAsync()).Single(d => d.Code == "PMK");
        app.Clock.Advance(TimeSpan.FromHours(1));
        await organization.SaveDivisionAsync(division with { Name = "Bidang Pemberdayaan" });
        app.Clock.Advance(TimeSpan.FromHours(1));
        var latest = (await organization.ListDivisionsAsync()).Single(d => d.Code == "PMK");
        await organization.SaveDivisionAsync(latest with { IsActive = false });

        var history = await app.Get<AuditTrailService>().HistoryOfAsync(nameof(Division), division.Id.ToString(CultureInfo.InvariantCulture));

        Assert.Equal([AuditAction.Insert, AuditAction.Update, AuditAction.Update], history.Select(h => h.Action));
        Assert.Equal("Sistem", history[0].ActorName);
        Assert.Equal("Penguji", history[1].ActorName);
        Assert.Equal(("Name", "Bidang Pemberdayaan Koperasi", "Bidang Pemberdayaan"), (history[1].Changes[0].Field, history[1].Changes[0].Old, history[1].Changes[0].New));
        Assert.Equal(("IsActive", "True", "False"), (history[2].Changes[0].Field, history[2].Changes[0].Old, history[2].Changes[0].New));
        Assert.True(history[1].OccurredAtUtc < history[2].OccurredAtUtc);
    }

    [Fact]
    public async Task Log_filters_by_record_type_and_wib_date_and_pages_newest_first()
    {
        var organization = app.Get<OrganizationService>();
        var region = (await organization.ListRegionsAsync())[0];
        // 2026-11-23 02:00 UTC is 09:00 WIB on the 23rd; 18:00 UTC is already the 24th in WIB.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 18, 0, 0, TimeSpan.Zero));
        await organization.SaveRegionAsync(region with { Name = "Kerinci (diubah)" });
        var audit = app.Get<AuditTrailService>();

        var on24th = await audit.ListAsync(new PageRequest(0, 10), new AuditFilter(nameof(Region), new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 24)));
        var on23rd = await audit.ListAsync(new PageRequest(0, 10), new AuditFilter(nameof(Region), new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 23)));
        var firstPage = await audit.ListAsync(new PageRequest(0, 5), new AuditFilter());

        Assert.Equal(1, on24th.TotalCount);
        Assert.Equal(AuditAction.Update, on24th.Items[0].Action);
        Assert.Equal(11, on23rd.TotalCount);
        Assert.Equal(5, firstPage.Items.Count);
        Assert.True(firstPage.TotalCount > 50);
        Assert.Equal(on24th.Items[0].Id, firstPage.Items[0].Id);
    }

    [Fact]
    public async Task Log_filters_by_person_by_job_by_the_system_and_by_record()
    {
        var organization = app.Get<OrganizationService>();
        var pmk = (await organization.ListDivisionsAsync()).Single(d => d.Code == "PMK");
        await organization.SaveDivisionAsync(pmk with { Name = "Bidang Pemberdayaan" });
        app.ActAs(AppRoles.Administrator, userId: "admin-2");
        var region = (await organization.ListRegionsAsync())[0];
        await organization.SaveRegionAsync(region with { Name = "Kerinci (diubah)" });
        await SaveAsJobAsync("SupervisionFlagJob", pmk.Id, "Bidang Pemberdayaan Koperasi");
        var audit = app.Get<AuditTrailService>();
        var actors = await audit.ListActorsAsync();

        var byFirst = await audit.ListAsync(new PageRequest(0, 50), new AuditFilter(Actor: new AuditActorOption(AuditActorKind.Person, "admin-9", "Penguji")));
        var bySecond = await audit.ListAsync(new PageRequest(0, 50), new AuditFilter(Actor: new AuditActorOption(AuditActorKind.Person, "admin-2", "Penguji")));
        var byJob = await audit.ListAsync(new PageRequest(0, 50), new AuditFilter(Actor: actors.Single(a => a.Kind == AuditActorKind.Job)));
        var bySystem = await audit.ListAsync(new PageRequest(0, 50), new AuditFilter(Actor: actors.Single(a => a.Kind == AuditActorKind.System)));
        var record = await audit.ListAsync(new PageRequest(0, 50), new AuditFilter(nameof(Division), EntityKey: pmk.Id.ToString(CultureInfo.InvariantCulture)));

        Assert.Equal(("Division", "Bidang Pemberdayaan"), (Assert.Single(byFirst.Items).EntityType, byFirst.Items[0].Changes[0].New));
        Assert.Equal("Region", Assert.Single(bySecond.Items).EntityType);
        Assert.Equal(("SupervisionFlagJob", "Sistem"), (Assert.Single(byJob.Items).ActorJob, byJob.Items[0].ActorName));
        Assert.True(bySystem.TotalCount > 10);
        Assert.All(bySystem.Items, r => Assert.Equal((null, null, "Sistem"), (r.ActorUserId, r.ActorJob, r.ActorName)));
        // The record's own history, newest first: the job's rename, the administrator's, the seeding's insert.
        Assert.Equal([AuditAction.Update, AuditAction.Update, AuditAction.Insert], record.Items.Select(r => r.Action));
        Assert.Equal(["SupervisionFlagJob", null, null], record.Items.Select(r => r.ActorJob));
    }

    [Fact]
    public async Task Log_pages_in_the_database_newest_first()
    {
        var audit = app.Get<AuditTrailService>();

        var first = await audit.ListAsync(new PageRequest(0, 25), new AuditFilter());
        var second = await audit.ListAsync(new PageRequest(1, 25), new AuditFilter());

        Assert.Equal((25, 25), (first.Items.Count, second.Items.Count));
        Assert.Equal(first.TotalCount, second.TotalCount);
        var ids = first.Items.Concat(second.Items).Select(r => r.Id).ToList();
        Assert.Equal(ids.OrderByDescending(id => id), ids);
        Assert.Equal(50, ids.Distinct().Count());
    }

    [Fact]
    public async Task Automatic_updates_recorded_before_are_hidden_unless_asked_for()
    {
        var at = app.Clock.GetUtcNow().UtcDateTime;
        await using (var db = await app.DbAsync())
        {
            db.AddRange(
                OldTicketRow(at, projection: true, ("SlaRefreshedAtUtc", "2026-11-23T01:55:00.0000000Z", "2026-11-23T02:00:00.0000000Z")),
                OldTicketRow(at, projection: false, ("Status", "Baru", "Ditugaskan"), ("SlaRefreshedAtUtc", "2026-11-23T01:55:00.0000000Z", "2026-11-23T02:00:00.0000000Z")));
            await db.SaveChangesAsync();
        }

        var audit = app.Get<AuditTrailService>();
        var hidden = await audit.ListAsync(new PageRequest(0, 10), new AuditFilter("Ticket"));
        var shown = await audit.ListAsync(new PageRequest(0, 10), new AuditFilter("Ticket", IncludeProjections: true));

        var mixed = Assert.Single(hidden.Items);
        Assert.Equal(["Status"], mixed.Changes.Select(c => c.Field));
        Assert.Equal([false, true], shown.Items.Select(r => r.IsProjection).Order());
        Assert.All(shown.Items, r => Assert.Contains(r.Changes, c => c.Field == "SlaRefreshedAtUtc" && c.Info.IsDerived));
    }

    [Fact]
    public async Task Ids_in_changes_come_back_as_the_division_person_and_role_they_name()
    {
        var umk = (await app.Get<OrganizationService>().ListDivisionsAsync()).Single(d => d.Code == "UMK");
        var userId = await app.CreateUserAsync("yusuf@umk.test", "Yusuf Hidayat", AppRoles.Petugas, umk.Id);
        var audit = app.Get<AuditTrailService>();

        var account = (await audit.ListAsync(new PageRequest(0, 10), new AuditFilter("ApplicationUser", EntityKey: userId))).Items.Single(r => r.Action == AuditAction.Insert);
        var role = Assert.Single((await audit.ListAsync(new PageRequest(0, 10), new AuditFilter("IdentityUserRole"))).Items);

        Assert.Equal("Yusuf Hidayat", account.KeyName);
        var division = Assert.Single(account.Changes, c => c.Field == "DivisionId");
        Assert.Equal((AuditValueKind.Division, "Bidang Usaha Mikro"), (division.Info.Kind, division.New));
        // A role given is keyed by the account and role ids, which read as who got which role.
        Assert.Equal($"Yusuf Hidayat · {AppRoles.Petugas}", role.KeyName);
    }

    [Fact]
    public async Task Only_administrators_read_the_whole_log()
    {
        app.ActAs(AppRoles.Pimpinan);

        await Assert.ThrowsAsync<AccessDeniedException>(() => app.Get<AuditTrailService>().ListAsync(new PageRequest(0, 10), new AuditFilter()));
    }

    /// <summary>Saves a rename of a division in a scope where a job has named itself, as Hangfire would run it.</summary>
    private async Task SaveAsJobAsync(string job, int divisionId, string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<JobActor>().Name(job);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        (await db.Set<Division>().SingleAsync(d => d.Id == divisionId)).Name = name;
        await db.SaveChangesAsync();
    }

    /// <summary>A ticket update as the trail recorded it before recomputed columns were left out.</summary>
    private static AuditEntry OldTicketRow(DateTime at, bool projection, params (string Field, string Old, string New)[] changes) => new()
    {
        OccurredAtUtc = at,
        ActorName = "Sistem",
        EntityType = "Ticket",
        EntityKey = "1",
        Action = AuditAction.Update,
        ChangesJson = JsonSerializer.Serialize(changes.Select(c => new AuditFieldChange(c.Field, c.Old, c.New)).ToList()),
        IsProjection = projection,
    };
}
