using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Account;
using KopUkm.Dashboard.Features.Backups;
using KopUkm.Dashboard.Features.Content.Fetch;
using KopUkm.Dashboard.Features.Content.Import;
using KopUkm.Dashboard.Features.Content.LiveCheck;
using KopUkm.Dashboard.Features.Cooperatives;
using KopUkm.Dashboard.Features.Cooperatives.Import;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Jobs;

namespace KopUkm.Dashboard.Tests.Common;

public sealed class SettingsTests
{
    public static TheoryData<ISettings> Defaults() =>
    [
        new JobsOptions(), new BackupOptions(), new TicketOptions(), new CooperativeOptions(), new AuthOptions(),
        new LiveCheckOptions(), new ContentImportOptions(), new DatabaseOptions(), new FetchOptions(), new CooperativeImportOptions(),
        new DatabaseOptions { Provider = "PostgreSQL", ConnectionString = "Host=db;Database=kopukm;Username=kopukm;Password=rahasia" },
        new JobsOptions { Storage = "PostgreSQL", DatabaseProvider = "PostgreSQL" }, new JobsOptions { Storage = "InMemory" },
        new JobsOptions { Schedules = { ["ticket-sla-refresh"] = "* * * * *" } },
        new FetchOptions { AllowedHosts = ["dinaskopukm.jambiprov.go.id", "10.20.30.40", "::1"], AllowedPorts = [8080] },
    ];

    [Theory]
    [MemberData(nameof(Defaults))]
    public void The_shipped_defaults_are_valid(ISettings settings) => Assert.Empty(settings.Check());

    public static TheoryData<ISettings, string, string> BadValues() => new()
    {
        { new BackupOptions { Schedule = "0 61 * * *" }, "Schedule", "NotCron" },
        { new BackupOptions { RetentionCount = 0 }, "RetentionCount", "OutOfRange" },
        { new TicketOptions { SlaRefreshSchedule = "tiap lima menit" }, "SlaRefreshSchedule", "NotCron" },
        { new TicketOptions { AtRiskThreshold = 1.5 }, "AtRiskThreshold", "OutOfRange" },
        { new TicketOptions { AutoAssignDivisionCodes = ["UMK", "U M K"] }, "AutoAssignDivisionCodes", "NotDivisionCode" },
        { new CooperativeOptions { WorkingDivisionCodes = [] }, "WorkingDivisionCodes", "Empty" },
        { new JobsOptions { Storage = "Redis" }, "Storage", "OneOf" },
        { new JobsOptions { WorkerCount = 0 }, "WorkerCount", "OutOfRange" },
        { new JobsOptions { Schedules = { ["ticket-sla-refresh"] = "tiap menit" } }, "Schedules:ticket-sla-refresh", "NotCron" },
        { new AuthOptions { SessionRevalidationInterval = TimeSpan.Zero }, "SessionRevalidationInterval", "NotPositive" },
        { new LiveCheckOptions { SiteUrl = "ftp://dinaskopukm.jambiprov.go.id" }, "SiteUrl", "NotHttpAddress" },
        { new LiveCheckOptions { Schedule = "nightly" }, "Schedule", "NotCron" },
        { new ContentImportOptions { FallbackDivisionCode = "" }, "FallbackDivisionCode", "NotDivisionCode" },
        { new DatabaseOptions { Provider = "Oracle" }, "Provider", "OneOf" },
        { new DatabaseOptions { Provider = "PostgreSQL" }, "ConnectionStrings:Default", "PostgreSqlConnectionRequired" },
        { new DatabaseOptions { Provider = "PostgreSQL", ConnectionString = "Data Source=kopukm.db" }, "ConnectionStrings:Default", "NotNpgsqlConnection" },
        { new DatabaseOptions { Provider = "postgresql", ConnectionString = "Database=kopukm" }, "ConnectionStrings:Default", "NotNpgsqlConnection" },
        { new JobsOptions { Storage = "PostgreSQL" }, "Storage", "JobsNeedPostgreSqlDatabase" },
        { new FetchOptions { AllowedHosts = ["https://dinaskopukm.jambiprov.go.id"] }, "AllowedHosts", "NotHostName" },
        { new FetchOptions { AllowedHosts = ["dinaskopukm.jambiprov.go.id/berita"] }, "AllowedHosts", "NotHostName" },
        { new FetchOptions { AllowedHosts = ["dinaskopukm.jambiprov.go.id:8080"] }, "AllowedHosts", "NotHostName" },
        { new FetchOptions { AllowedHosts = ["*.jambiprov.go.id"] }, "AllowedHosts", "NotHostName" },
        { new FetchOptions { AllowedHosts = [""] }, "AllowedHosts", "NotHostName" },
        { new FetchOptions { AllowedPorts = [0] }, "AllowedPorts", "OutOfRange" },
        { new CooperativeImportOptions { MaxRows = 0 }, "MaxRows", "OutOfRange" },
        { new CooperativeImportOptions { MaxUnpackedMegabytes = -1 }, "MaxUnpackedMegabytes", "OutOfRange" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void A_bad_value_is_reported_under_its_own_key(ISettings settings, string key, string reason)
    {
        var problem = Assert.Single(settings.Check());

        Assert.Equal((key, reason), (problem.Key, problem.ReasonKey));
    }

    [Theory]
    [InlineData("0 1 * * *", true)]
    [InlineData("*/5 * * * *", true)]
    [InlineData("0 2 * * 1-5", true)]
    [InlineData("0 1 * *", false)]
    [InlineData("0 24 * * *", false)]
    [InlineData("", false)]
    public void Cron_schedules_are_five_fields_as_the_job_scheduler_reads_them(string expression, bool valid) =>
        Assert.Equal(valid, SettingChecks.IsCron(expression));

    [Theory]
    [InlineData(null, "Sqlite", "Sqlite")]
    [InlineData("", "PostgreSQL", "PostgreSQL")]
    [InlineData("inmemory", "PostgreSQL", "InMemory")]
    [InlineData("Sqlite", "PostgreSQL", "Sqlite")]
    public void Job_storage_follows_the_database_unless_set(string? storage, string database, string expected) =>
        Assert.Equal(expected, new JobsOptions { Storage = storage, DatabaseProvider = database }.EffectiveStorage);
}
