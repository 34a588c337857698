namespace KopUkm.Dashboard.Data.Auditing;

/// <summary>
/// A row that is per-user bookkeeping rather than a business record (a notification and whether it was read).
/// The audit trail skips it: recording every "read" would bury the changes administrators look for.
/// </summary>
public interface INotAudited;
