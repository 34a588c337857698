namespace KopUkm.Dashboard.Data.Auditing;

/// <summary>One append-only row per inserted, updated or deleted entity. Never updated or deleted by the app.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime OccurredAtUtc { get; set; }

    public string? ActorUserId { get; set; }

    public required string ActorName { get; set; }

    /// <summary>The job that acted on its own authority (its class name, see <see cref="JobActor"/>); null otherwise.</summary>
    public string? ActorJob { get; set; }

    public required string EntityType { get; set; }

    public required string EntityKey { get; set; }

    public AuditAction Action { get; set; }

    /// <summary>JSON array of <see cref="AuditFieldChange"/>: field, old value, new value.</summary>
    public required string ChangesJson { get; set; }

    /// <summary>
    /// An update that changed only columns the app recomputes (<see cref="DerivedAttribute"/>). Such rows are no longer
    /// written; the flag marks the ones written before, which the log hides unless asked.
    /// </summary>
    public bool IsProjection { get; set; }
}

public enum AuditAction
{
    Insert = 1,
    Update = 2,
    Delete = 3,
}

public sealed record AuditFieldChange(string Field, string? Old, string? New);
