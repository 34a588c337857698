using KopUkm.Dashboard.Common;

namespace KopUkm.Dashboard.Jobs;

/// <summary>Background job settings (section <c>Jobs</c>).</summary>
public sealed class JobsOptions : ISettings
{
    /// <summary><c>Sqlite</c> (persistent, the default) or <c>InMemory</c> (tests).</summary>
    public string Storage { get; set; } = "Sqlite";

    /// <summary>Small on purpose: the office's jobs are few, and two cores serve the web app too.</summary>
    public int WorkerCount { get; set; } = 2;

    /// <summary>How often idle workers look for queued jobs.</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public IEnumerable<SettingProblem> Check() =>
    [
        .. Storage is "Sqlite" or "InMemory" ? [] : new[] { new SettingProblem(nameof(Storage), "OneOf", Storage, "Sqlite, InMemory") },
        .. SettingChecks.Range(nameof(WorkerCount), WorkerCount, 1, 20),
        .. SettingChecks.Positive(nameof(QueuePollInterval), QueuePollInterval),
    ];
}
