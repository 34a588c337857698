namespace KopUkm.Dashboard.Data;

/// <summary>
/// An editable entity with an app-managed optimistic-concurrency version. SQLite has no row version, so the app
/// increments <see cref="Version"/> on every update and the UPDATE's WHERE clause carries the version the editor
/// loaded; a second, stale save matches no row and fails instead of overwriting.
/// </summary>
public interface IVersioned
{
    long Version { get; set; }
}
