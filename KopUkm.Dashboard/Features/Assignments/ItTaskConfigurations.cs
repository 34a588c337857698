using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KopUkm.Dashboard.Features.Assignments;

internal sealed class ItTaskConfiguration : IEntityTypeConfiguration<ItTask>
{
    public void Configure(EntityTypeBuilder<ItTask> builder)
    {
        builder.Property(t => t.Code).HasMaxLength(20);
        builder.Property(t => t.Title).HasMaxLength(ItTaskForm.TitleMaxLength);
        builder.Property(t => t.Description).HasMaxLength(ItTaskForm.DescriptionMaxLength);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(t => t.SourceKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.EstimateHours).HasPrecision(5, 1);
        builder.Property(t => t.AssigneeId).HasMaxLength(64);
        builder.Property(t => t.AssigneeName).HasMaxLength(200);
        builder.Property(t => t.WaitingReason).HasMaxLength(1000);
        builder.Property(t => t.CreatedById).HasMaxLength(64);
        builder.Property(t => t.CreatedByName).HasMaxLength(200);
        builder.HasOne(t => t.RequestingDivision).WithMany().HasForeignKey(t => t.RequestingDivisionId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(t => t.Code).IsUnique();
        // The board's columns, an assignee's open work, overdue lists, and "tasks raised from this ticket/case".
        builder.HasIndex(t => t.Status);
        builder.HasIndex(t => t.AssigneeId);
        builder.HasIndex(t => t.DueDate);
        builder.HasIndex(t => new { t.SourceKind, t.SourceId });
        // Also the dashboard's overdue count per requesting division, read from the index alone.
        builder.HasIndex(t => new { t.RequestingDivisionId, t.Status, t.DueDate });
    }
}

internal sealed class ItTaskEventConfiguration : IEntityTypeConfiguration<ItTaskEvent>
{
    public void Configure(EntityTypeBuilder<ItTaskEvent> builder)
    {
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.FromValue).HasMaxLength(200);
        builder.Property(e => e.ToValue).HasMaxLength(200);
        builder.Property(e => e.Text).HasMaxLength(1000);
        builder.Property(e => e.ByUserId).HasMaxLength(64);
        builder.Property(e => e.ByName).HasMaxLength(200);
        builder.HasOne<ItTask>().WithMany().HasForeignKey(e => e.TaskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.TaskId, e.AtUtc });
    }
}
