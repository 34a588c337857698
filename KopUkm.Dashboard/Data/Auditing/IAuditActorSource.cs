namespace KopUkm.Dashboard.Data.Auditing;

/// <summary>Names who is saving, for the audit trail. Implemented by the security feature.</summary>
public interface IAuditActorSource
{
    Task<AuditActor> GetActorAsync();
}

public sealed record AuditActor(string? UserId, string Name)
{
    public static AuditActor System { get; } = new(null, "Sistem");
}
