using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KopUkm.Dashboard.Data.Auditing;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(a => a.ActorName).HasMaxLength(200);
        builder.Property(a => a.ActorUserId).HasMaxLength(64);
        builder.Property(a => a.ActorJob).HasMaxLength(100);
        builder.Property(a => a.EntityType).HasMaxLength(100);
        builder.Property(a => a.EntityKey).HasMaxLength(100);
        builder.Property(a => a.Action).HasConversion<string>().HasMaxLength(10);
        builder.HasIndex(a => new { a.EntityType, a.EntityKey, a.OccurredAtUtc });
        builder.HasIndex(a => a.OccurredAtUtc);
        // The log filtered by who acted: a person, or a job.
        builder.HasIndex(a => new { a.ActorUserId, a.OccurredAtUtc });
        builder.HasIndex(a => new { a.ActorJob, a.OccurredAtUtc });
    }
}
