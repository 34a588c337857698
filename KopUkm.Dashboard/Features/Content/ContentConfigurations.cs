using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KopUkm.Dashboard.Features.Content;

internal sealed class ContentItemConfiguration : IEntityTypeConfiguration<ContentItem>
{
    public void Configure(EntityTypeBuilder<ContentItem> builder)
    {
        builder.Property(c => c.Title).HasMaxLength(300);
        builder.Property(c => c.Url).HasMaxLength(1000);
        builder.Property(c => c.EditorUserId).HasMaxLength(64);
        builder.Property(c => c.EditorName).HasMaxLength(200);
        builder.Property(c => c.LastReviewedByName).HasMaxLength(200);
        builder.Property(c => c.LastReviewNote).HasMaxLength(1000);
        builder.Property(c => c.ETag).HasMaxLength(200);
        builder.Property(c => c.ContentHash).HasMaxLength(64);
        builder.Property(c => c.Notes).HasMaxLength(2000);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Freshness).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.StaleReason).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.LiveStatus).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(c => c.OwnerDivision).WithMany().HasForeignKey(c => c.OwnerDivisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ServiceCatalog.ServiceType>().WithMany().HasForeignKey(c => c.ServiceTypeId).OnDelete(DeleteBehavior.SetNull);

        // Queues count and filter by division, state and freshness; the jobs walk live pages by review date.
        builder.HasIndex(c => new { c.OwnerDivisionId, c.State, c.Freshness });
        builder.HasIndex(c => new { c.State, c.ReviewDueAtUtc });
        builder.HasIndex(c => new { c.OwnerDivisionId, c.LiveStatus });
        builder.HasIndex(c => c.EditorUserId);
        builder.HasIndex(c => c.ServiceTypeId);
        // Re-import matches on the URL; one inventory row per address.
        builder.HasIndex(c => c.Url).IsUnique();
    }
}

internal sealed class ContentEventConfiguration : IEntityTypeConfiguration<ContentEvent>
{
    public void Configure(EntityTypeBuilder<ContentEvent> builder)
    {
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.FromState).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ToState).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Text).HasMaxLength(2000);
        builder.Property(e => e.ByUserId).HasMaxLength(64);
        builder.Property(e => e.ByName).HasMaxLength(200);
        builder.HasOne<ContentItem>().WithMany().HasForeignKey(e => e.ContentItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.ContentItemId, e.AtUtc });
    }
}

internal sealed class ContentCheckConfiguration : IEntityTypeConfiguration<ContentCheck>
{
    public void Configure(EntityTypeBuilder<ContentCheck> builder)
    {
        builder.Property(c => c.Result).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.ContentHash).HasMaxLength(64);
        builder.Property(c => c.Redirects).HasMaxLength(4000);
        builder.Property(c => c.BrokenLinks).HasMaxLength(8000);
        builder.Property(c => c.Error).HasMaxLength(500);
        builder.HasOne<ContentItem>().WithMany().HasForeignKey(c => c.ContentItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.ContentItemId, c.CheckedAtUtc });
    }
}

internal sealed class ContentUrlRuleConfiguration : IEntityTypeConfiguration<ContentUrlRule>
{
    public void Configure(EntityTypeBuilder<ContentUrlRule> builder)
    {
        builder.Property(r => r.Prefix).HasMaxLength(500);
        builder.HasIndex(r => r.Prefix).IsUnique();
        builder.HasOne<Organization.Division>().WithMany().HasForeignKey(r => r.DivisionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SocialCadenceTargetConfiguration : IEntityTypeConfiguration<SocialCadenceTarget>
{
    public void Configure(EntityTypeBuilder<SocialCadenceTarget> builder)
    {
        builder.Property(t => t.Channel).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(t => new { t.DivisionId, t.Channel }).IsUnique();
        builder.HasOne<Organization.Division>().WithMany().HasForeignKey(t => t.DivisionId).OnDelete(DeleteBehavior.Restrict);
    }
}
