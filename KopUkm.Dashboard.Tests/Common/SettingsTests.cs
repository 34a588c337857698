using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Account;
using KopUkm.Dashboard.Features.Backups;
using KopUkm.Dashboard.Features.Content.Import;
using KopUkm.Dashboard.Features.Content.LiveCheck;
using KopUkm.Dashboard.Features.Cooperatives;
using KopUkm.Dashboard.Features.Cooperatives.Import;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Jobs;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Tests.Common;

public sealed class SettingsTests
{
    public static TheoryData<ISettings> Defaults() =>
    [
        new JobsOptions(), new BackupOptions(), new TicketOptions(), new CooperativeOptions(), new AuthOptions(),
        new LiveCheckOptions(), new ContentImportOptions(), new DatabaseOptions(), new CooperativeImportOptions(),
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
        { new AuthOptions { SessionRevalidationInterval = TimeSpan.Zero }, "SessionRevalidationInterval", "NotPositive" },
        { new LiveCheckOptions { SiteUrl = "ftp://dinaskopukm.jambiprov.go.id" }, "SiteUrl", "NotHttpAddress" },
        { new LiveCheckOptions { Schedule = "nightly" }, "Schedule", "NotCron" },
        { new ContentImportOptions { FallbackDivisionCode = "" }, "FallbackDivisionCode", "NotDivisionCode" },
        { new DatabaseOptions { Provider = "Oracle" }, "Provider", "OneOf" },
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
}

/// <summary>The app itself refuses to start on a bad setting, naming the key in Indonesian.</summary>
public sealed class StartupSettingsTests
{
    [Theory]
    [InlineData("Backup:Schedule", "setiap malam", "Pengaturan Backup:Schedule tidak valid: \"setiap malam\" bukan jadwal cron")]
    [InlineData("Cooperatives:WorkingDivisionCodes:0", "K L M", "Pengaturan Cooperatives:WorkingDivisionCodes tidak valid: \"K L M\" bukan kode bidang")]
    [InlineData("Demo:SeedTickets", "ya", "Pengaturan Demo:SeedTickets tidak valid: \"ya\" harus true atau false.")]
    [InlineData("Database:Provider", "Oracle", "Pengaturan Database:Provider tidak valid: \"Oracle\" bukan salah satu dari: Sqlite.")]
    public void A_bad_setting_stops_start_up_with_a_sentence_naming_the_key(string key, string value, string sentence)
    {
        using var app = new BadSettingApp(key, value);

        var failure = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains(failure.Failures, f => f.StartsWith(sentence, StringComparison.Ordinal));
    }

    private sealed class BadSettingApp(string key, string value) : AppFactory
    {
        protected override Dictionary<string, string?> Settings { get; } = new() { [key] = value };
    }
}
