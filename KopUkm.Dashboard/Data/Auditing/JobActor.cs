namespace KopUkm.Dashboard.Data.Auditing;

/// <summary>
/// Lets a background job name itself for the audit trail. A job runs in a scope of its own; it calls
/// <see cref="Name"/> before its service, and every save in that scope is recorded as "Sistem · &lt;job&gt;" instead
/// of the bare system. The name is the job's class name; the page shows it through the resource
/// <c>Audit.Job.&lt;name&gt;</c>.
/// </summary>
public sealed class JobActor
{
    /// <summary>The job acting in this scope, or null outside a job.</summary>
    public string? Job { get; private set; }

    public void Name(string job)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(job);
        Job = job;
    }
}
