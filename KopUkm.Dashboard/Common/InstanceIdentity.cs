namespace KopUkm.Dashboard.Common;

/// <summary>
/// This running process among the instances that may share one database (PostgreSQL): a random id made at start, the
/// name of its own Hangfire job server (so <c>/health</c> can find that server among every instance's) and the sender
/// id of its change notifications (so it can ignore its own). Two hosts in one process (tests) get two identities.
/// </summary>
public sealed class InstanceIdentity
{
    /// <summary>Unique per start: 12 hex digits.</summary>
    public string Id { get; } = Guid.NewGuid().ToString("N")[..12];

    /// <summary>
    /// The job server's name, lower case (Hangfire lower-cases it and appends <c>:process id:guid</c> to make the server's
    /// id in the storage).
    /// </summary>
    public string JobServerName => $"kopukm-{Id}";

    /// <summary>Whether <paramref name="serverId"/> (as the job storage lists it) is this instance's job server.</summary>
    public bool IsOwnJobServer(string? serverId) =>
        serverId is not null
        && serverId.StartsWith(JobServerName, StringComparison.OrdinalIgnoreCase)
        && (serverId.Length == JobServerName.Length || serverId[JobServerName.Length] == ':');
}
