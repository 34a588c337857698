using System.Globalization;
using System.Text.Json;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.Storage;
using KopUkm.Dashboard.Data.Auditing;
using KopUkm.Dashboard.Features.Cooperatives;
using KopUkm.Dashboard.Host;
using KopUkm.Dashboard.Jobs;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace KopUkm.Dashboard.Tests.Features.Cooperatives;

/// <summary>The test clock reads 23 Nov 2026 09:00 WIB: RATs from 2024 count, certificates from 23 Nov 2024 are current.</summary>
public abstract class SupervisionServiceTests(TestProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : SupervisionServiceTests(TestProvider.Sqlite);

    public sealed class OnPostgreSql() : SupervisionServiceTests(TestProvider.PostgreSql);

    private TestServices app = default!;
    private int counter;

    public async Task InitializeAsync() => app = await TestServices.CreateAsync(provider: provider);

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task A_rat_two_years_back_is_recent_while_one_three_years_back_or_none_flags()
    {
        var twoYears = await AddAsync(c => c.LastRatYear = 2024);
        var threeYears = await AddAsync(c => c.LastRatYear = 2023);
        var none = await AddAsync(c => c.LastRatYear = null);

        await FlagAsync();

        Assert.Equal(SupervisionReason.None, await ReasonsAsync(twoYears));
        Assert.Equal(SupervisionReason.NoRecentRat, await ReasonsAsync(threeYears));
        Assert.Equal(SupervisionReason.NoRecentRat, await ReasonsAsync(none));
    }

    [Fact]
    public async Task A_certificate_up_to_exactly_two_years_old_is_current_and_a_day_older_is_expired()
    {
        var dayYounger = await AddAsync(c => (c.Nik, c.NikCertificateDate) = ("1571000000000001", new DateOnly(2024, 11, 24)));
        var exactly = await AddAsync(c => (c.Nik, c.NikCertificateDate) = ("1571000000000002", new DateOnly(2024, 11, 23)));
        var dayOlder = await AddAsync(c => (c.Nik, c.NikCertificateDate) = ("1571000000000003", new DateOnly(2024, 11, 22)));
        var noCertificate = await AddAsync(c => c.Nik = "1571000000000004");
        var noNik = await AddAsync(c => c.NikCertificateDate = new DateOnly(2020, 1, 1));

        await FlagAsync();

        Assert.Equal(SupervisionReason.None, await ReasonsAsync(dayYounger));
        Assert.Equal(SupervisionReason.None, await ReasonsAsync(exactly));
        Assert.Equal(SupervisionReason.NikCertificateExpired, await ReasonsAsync(dayOlder));
        Assert.Equal(SupervisionReason.NikCertificateExpired, await ReasonsAsync(noCertificate));
        Assert.Equal(SupervisionReason.None, await ReasonsAsync(noNik));
    }

    [Fact]
    public async Task Both_reasons_are_recorded_together_and_set_the_flag()
    {
        var both = await AddAsync(c => (c.LastRatYear, c.Nik, c.NikCertificateDate) = (2020, "1571000000000005", new DateOnly(2021, 5, 1)));

        await FlagAsync();

        await using var db = await app.DbAsync();
        var row = await db.Set<Cooperative>().SingleAsync(c => c.Id == both);
        Assert.True(row.NeedsSupervision);
        Assert.Equal(SupervisionReason.NoRecentRat | SupervisionReason.NikCertificateExpired, row.SupervisionReasons);
    }

    [Fact]
    public async Task Dissolved_cooperatives_are_never_candidates_and_lose_an_earlier_flag()
    {
        var dissolved = await AddAsync(c => (c.ActivityStatus, c.LastRatYear) = (ActivityStatus.Dibubarkan, null));
        var dissolvedFlagged = await AddAsync(c => (c.ActivityStatus, c.LastRatYear, c.NeedsSupervision, c.SupervisionReasons) =
            (ActivityStatus.Dibubarkan, 2019, true, SupervisionReason.NoRecentRat));

        await FlagAsync();

        await using var db = await app.DbAsync();
        var rows = await db.Set<Cooperative>().Where(c => c.Id == dissolved || c.Id == dissolvedFlagged).ToListAsync();
        Assert.All(rows, r => Assert.Equal((false, SupervisionReason.None), (r.NeedsSupervision, r.SupervisionReasons)));
    }

    [Fact]
    public async Task Recording_a_rat_clears_the_flag_and_the_audit_trail_shows_both_changes()
    {
        var id = await AddAsync(c => c.LastRatYear = 2022);
        await FlagAsync();
        Assert.Equal(SupervisionReason.NoRecentRat, await ReasonsAsync(id));

        await using (var db = await app.DbAsync())
        {
            (await db.Set<Cooperative>().SingleAsync(c => c.Id == id)).LastRatYear = 2026;
            await db.SaveChangesAsync();
        }

        var result = await FlagAsync();

        Assert.Equal(1, result.Updated);
        Assert.Equal(SupervisionReason.None, await ReasonsAsync(id));
        var flagChanges = (await AuditUpdatesAsync(id))
            .Select(changes => changes.SingleOrDefault(c => c.Field == nameof(Cooperative.NeedsSupervision)))
            .OfType<AuditFieldChange>()
            .Select(c => (c.Old, c.New))
            .ToList();
        Assert.Equal([("False", "True"), ("True", "False")], flagChanges);
    }

    [Fact]
    public async Task A_second_run_changes_nothing()
    {
        await AddAsync(c => c.LastRatYear = 2021);
        await AddAsync(c => c.Nik = "1571000000000006");
        await AddAsync(c => c.LastRatYear = 2026);
        var first = await FlagAsync();
        var (versions, auditRows) = await SnapshotAsync();

        var second = await FlagAsync();

        Assert.Equal((2, 2), (first.Updated, first.Candidates));
        Assert.Equal((0, 0, 2), (second.Updated, second.Skipped, second.Candidates));
        Assert.Equal((versions, auditRows), await SnapshotAsync());
    }

    [Fact]
    public async Task The_current_year_is_the_year_in_wib()
    {
        var id = await AddAsync(c => c.LastRatYear = 2024);
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 31, 17, 30, 0, TimeSpan.Zero));

        await FlagAsync();

        Assert.Equal(SupervisionReason.NoRecentRat, await ReasonsAsync(id));
    }

    [Fact]
    public async Task The_job_runs_the_flagging()
    {
        var id = await AddAsync(c => c.LastRatYear = null);
        var job = app.Job<SupervisionFlagJob>();

        await job.RunAsync(CancellationToken.None);

        Assert.Equal(SupervisionReason.NoRecentRat, await ReasonsAsync(id));
    }

    [Fact]
    public void Supervision_flagging_is_scheduled_daily_at_two_in_the_morning_wib()
    {
        using var storage = new InMemoryStorage();

        RecurringJobs.Register(new RecurringJobManager(storage), new ConfigurationBuilder().Build());

        using var connection = storage.GetConnection();
        var job = connection.GetRecurringJobs().Single(j => j.Id == RecurringJobs.SupervisionFlags);
        Assert.Equal(("0 2 * * *", "Asia/Jakarta", typeof(SupervisionFlagJob)), (job.Cron, job.TimeZoneId, job.Job.Type));
    }

    private async Task<int> AddAsync(Action<Cooperative> configure)
    {
        var cooperative = new Cooperative
        {
            Name = $"Koperasi Uji {++counter}",
            RegionId = 1,
            MemberCount = 20,
            LastRatYear = 2026,
            CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime,
        };
        configure(cooperative);
        cooperative.NormalizedName = CooperativeRules.NormalizeName(cooperative.Name);
        await using var db = await app.DbAsync();
        db.Add(cooperative);
        await db.SaveChangesAsync();
        return cooperative.Id;
    }

    private async Task<SupervisionRunResult> FlagAsync() => await app.Get<SupervisionService>().FlagCandidatesAsync();

    private async Task<SupervisionReason> ReasonsAsync(int id)
    {
        await using var db = await app.DbAsync();
        var row = await db.Set<Cooperative>().AsNoTracking().SingleAsync(c => c.Id == id);
        Assert.Equal(row.SupervisionReasons != SupervisionReason.None, row.NeedsSupervision);
        return row.SupervisionReasons;
    }

    private async Task<List<List<AuditFieldChange>>> AuditUpdatesAsync(int id)
    {
        var key = id.ToString(CultureInfo.InvariantCulture);
        await using var db = await app.DbAsync();
        var rows = await db.Set<AuditEntry>()
            .Where(a => a.EntityType == nameof(Cooperative) && a.EntityKey == key && a.Action == AuditAction.Update)
            .OrderBy(a => a.Id)
            .Select(a => a.ChangesJson)
            .ToListAsync();
        return [.. rows.Select(json => JsonSerializer.Deserialize<List<AuditFieldChange>>(json)!)];
    }

    private async Task<(string Versions, int AuditRows)> SnapshotAsync()
    {
        await using var db = await app.DbAsync();
        var versions = await db.Set<Cooperative>().OrderBy(c => c.Id).Select(c => c.Version).ToListAsync();
        return (string.Join(",", versions), await db.Set<AuditEntry>().CountAsync());
    }
}
