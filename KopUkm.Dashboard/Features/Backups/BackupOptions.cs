namespace KopUkm.Dashboard.Features.Backups;

/// <summary>Backup settings (section <c>Backup</c>).</summary>
public sealed class BackupOptions
{
    /// <summary>How many nightly backups to keep in the data folder's backups/ subfolder.</summary>
    public int RetentionCount { get; set; } = 14;
}
