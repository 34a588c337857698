using KopUkm.Dashboard.Common;

namespace KopUkm.Dashboard.Jobs;

/// <summary>Background job settings (section <c>Jobs</c>).</summary>
public sealed class JobsOptions : ISettings
{
    public static readonly string[] StorageNames = ["Sqlite", "PostgreSQL", "InMemory"];

    /// <summary>
    /// <c>Sqlite</c> (its own file in the data folder), <c>PostgreSQL</c> (the app's database, shared by every
    /// instance) or <c>InMemory</c> (tests). Empty follows <c>Database:Provider</c>.
    /// </summary>
    public string? Storage { get; set; }

    /// <summary><c>Database:Provider</c>, read in so the check and the default can follow it.</summary>
    public string DatabaseProvider { get; set; } = nameof(Data.DatabaseProvider.Sqlite);

    /// <summary>The storage in use: the configured one, or the database provider's.</summary>
    public string EffectiveStorage =>
        string.IsNullOrWhiteSpace(Storage)
            ? Data.DatabaseOptions.Parse(DatabaseProvider) == Data.DatabaseProvider.PostgreSQL ? "PostgreSQL" : "Sqlite"
            : StorageNames.FirstOrDefault(n => string.Equals(n, Storage.Trim(), StringComparison.OrdinalIgnoreCase)) ?? Storage;

    /// <summary>The settings as the app reads them from its configuration (used while registering services).</summary>
    public static JobsOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection("Jobs").Get<JobsOptions>() ?? new JobsOptions();
        options.DatabaseProvider = configuration["Database:Provider"] is { Length: > 0 } provider ? provider : nameof(Data.DatabaseProvider.Sqlite);
        return options;
    }

    /// <summary>Small on purpose: the office's jobs are few, and two cores serve the web app too.</summary>
    public int WorkerCount { get; set; } = 2;

    /// <summary>How often idle workers look for queued jobs.</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Schedules replacing recurring jobs' own, by job id (<c>Jobs:Schedules:ticket-sla-refresh</c> = a cron
    /// expression in WIB); see Host/RecurringJobs for the ids.
    /// </summary>
    public Dictionary<string, string> Schedules { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<SettingProblem> Check() =>
    [
        .. StorageNames.Contains(EffectiveStorage) ? [] : new[] { new SettingProblem(nameof(Storage), "OneOf", Storage ?? "", string.Join(", ", StorageNames)) },
        .. EffectiveStorage == "PostgreSQL" && Data.DatabaseOptions.Parse(DatabaseProvider) != Data.DatabaseProvider.PostgreSQL
            ? new[] { new SettingProblem(nameof(Storage), "JobsNeedPostgreSqlDatabase") }
            : [],
        .. SettingChecks.Range(nameof(WorkerCount), WorkerCount, 1, 20),
        .. SettingChecks.Positive(nameof(QueuePollInterval), QueuePollInterval),
        .. Schedules.SelectMany(s => SettingChecks.Cron($"{nameof(Schedules)}:{s.Key}", s.Value)).Take(1),
    ];
}
