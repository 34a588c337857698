using KopUkm.Dashboard.Common;

namespace KopUkm.Dashboard.Features.Backups;

/// <summary>Backup settings (section <c>Backup</c>).</summary>
public sealed class BackupOptions : ISettings
{
    /// <summary>How many nightly backups to keep in the data folder's backups/ subfolder.</summary>
    public int RetentionCount { get; set; } = 14;

    /// <summary>When the nightly backup runs (cron, WIB).</summary>
    public string Schedule { get; set; } = "0 1 * * *";

    public IEnumerable<SettingProblem> Check() =>
        [.. SettingChecks.Range(nameof(RetentionCount), RetentionCount, 1, 365), .. SettingChecks.Cron(nameof(Schedule), Schedule)];
}
