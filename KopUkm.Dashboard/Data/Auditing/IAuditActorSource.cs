namespace KopUkm.Dashboard.Data.Auditing;

/// <summary>Names who is saving, for the audit trail. Implemented by the security feature.</summary>
public interface IAuditActorSource
{
    Task<AuditActor> GetActorAsync();
}

/// <param name="UserId">The account that acted; null for the system and for jobs.</param>
/// <param name="Name">The name stored with the row: the person's name at the time, or "Sistem".</param>
/// <param name="Job">The job that acted on its own authority (its class name), if any.</param>
public sealed record AuditActor(string? UserId, string Name, string? Job = null)
{
    public static AuditActor System { get; } = new(null, "Sistem");

    /// <summary>A job acting on its own authority: the system, named.</summary>
    public static AuditActor ForJob(string job) => new(null, System.Name, job);
}
