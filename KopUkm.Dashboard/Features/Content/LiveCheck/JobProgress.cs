using KopUkm.Dashboard.Data.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KopUkm.Dashboard.Features.Content.LiveCheck;

/// <summary>
/// How far a long-running job is, one row per job (today the live-site check), in the database so a page on any
/// instance shows the run of whichever instance's job server took it. Machine-written about once a second while the
/// job runs: not audited, no version.
/// </summary>
public sealed class JobProgress : INotAudited
{
    /// <summary>The recurring job's id, e.g. <c>content-live-check</c>.</summary>
    public string JobId { get; set; } = "";

    public bool Running { get; set; }

    public int Total { get; set; }

    public int Done { get; set; }

    public DateTime? StartedAtUtc { get; set; }

    public DateTime? FinishedAtUtc { get; set; }

    /// <summary>The last write: a "running" row that has not been written for long belongs to a run whose process died.</summary>
    public DateTime UpdatedAtUtc { get; set; }
}

internal sealed class JobProgressConfiguration : IEntityTypeConfiguration<JobProgress>
{
    public void Configure(EntityTypeBuilder<JobProgress> builder)
    {
        builder.ToTable("JobProgress");
        builder.HasKey(p => p.JobId);
        builder.Property(p => p.JobId).HasMaxLength(64);
    }
}
