using KopUkm.Dashboard.Features.Cooperatives.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KopUkm.Dashboard.Features.Cooperatives;

internal sealed class CooperativeConfiguration : IEntityTypeConfiguration<Cooperative>
{
    public void Configure(EntityTypeBuilder<Cooperative> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.NormalizedName).HasMaxLength(200);
        builder.Property(c => c.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Pattern).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.ActivityStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Address).HasMaxLength(500);
        builder.Property(c => c.ChairName).HasMaxLength(150);
        builder.Property(c => c.ContactPerson).HasMaxLength(150);
        builder.Property(c => c.Phone).HasMaxLength(30);
        builder.Property(c => c.Email).HasMaxLength(150);
        builder.Property(c => c.DeedNumber).HasMaxLength(100);
        builder.Property(c => c.AhuDecreeNumber).HasMaxLength(100);
        builder.Property(c => c.Nib).HasMaxLength(13);
        builder.Property(c => c.Nik).HasMaxLength(30);
        builder.HasOne(c => c.Region).WithMany().HasForeignKey(c => c.RegionId).OnDelete(DeleteBehavior.Restrict);

        // NULLs are distinct in unique indexes on both SQLite and PostgreSQL: only present numbers must be unique.
        builder.HasIndex(c => c.Nib).IsUnique();
        builder.HasIndex(c => c.Nik).IsUnique();
        builder.HasIndex(c => new { c.RegionId, c.NormalizedName });
        builder.HasIndex(c => c.NormalizedName);
        builder.HasIndex(c => new { c.ActivityStatus, c.Type });
        builder.HasIndex(c => c.NeedsSupervision);
        // The register's default order (name, then id): the first and deep pages walk this index instead of sorting
        // every cooperative (docs/performance.md).
        builder.HasIndex(c => new { c.Name, c.Id });
    }
}

internal sealed class RegistrationCaseConfiguration : IEntityTypeConfiguration<RegistrationCase>
{
    public void Configure(EntityTypeBuilder<RegistrationCase> builder)
    {
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.AssignedUserId).HasMaxLength(64);
        builder.Property(c => c.AssignedUserName).HasMaxLength(200);
        builder.Property(c => c.LastReason).HasMaxLength(1000);
        builder.HasOne(c => c.Cooperative).WithMany().HasForeignKey(c => c.CooperativeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Documents).WithOne().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.Stage, c.StageDueAtUtc });
        builder.HasIndex(c => new { c.CooperativeId, c.Stage });
        builder.HasIndex(c => c.AssignedUserId);
    }
}

internal sealed class CaseDocumentConfiguration : IEntityTypeConfiguration<CaseDocument>
{
    public void Configure(EntityTypeBuilder<CaseDocument> builder)
    {
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.Note).HasMaxLength(1000);
        builder.Property(d => d.VerifiedByName).HasMaxLength(200);
        builder.HasIndex(d => new { d.CaseId, d.Kind }).IsUnique();
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> builder)
    {
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.FromStage).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ToStage).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Document).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Text).HasMaxLength(2000);
        builder.Property(e => e.ByUserId).HasMaxLength(64);
        builder.Property(e => e.ByName).HasMaxLength(200);
        builder.HasOne<RegistrationCase>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.CaseId, e.AtUtc });
        // The registration cycle-time metric reads the stage changes of a period.
        builder.HasIndex(e => new { e.Kind, e.AtUtc });
    }
}

internal sealed class StageTargetConfiguration : IEntityTypeConfiguration<StageTarget>
{
    public void Configure(EntityTypeBuilder<StageTarget> builder)
    {
        builder.HasKey(t => t.Stage);
        builder.Property(t => t.Stage).HasConversion<string>().HasMaxLength(20).ValueGeneratedNever();
    }
}
