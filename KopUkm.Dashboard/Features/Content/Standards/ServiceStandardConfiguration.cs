using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KopUkm.Dashboard.Features.Content.Standards;

internal sealed class ServiceStandardConfiguration : IEntityTypeConfiguration<ServiceStandard>
{
    public void Configure(EntityTypeBuilder<ServiceStandard> builder)
    {
        builder.Ignore(s => s.Working);
        builder.Ignore(s => s.Published);
        foreach (var name in new[]
                 {
                     nameof(ServiceStandard.Requirements), nameof(ServiceStandard.Procedure), nameof(ServiceStandard.Duration),
                     nameof(ServiceStandard.Fees), nameof(ServiceStandard.Product), nameof(ServiceStandard.Complaints), nameof(ServiceStandard.LegalBasis),
                 })
        {
            builder.Property<string>(name).HasMaxLength(ServiceStandardRules.MaxComponentLength);
            builder.Property<string?>("Published" + name).HasMaxLength(ServiceStandardRules.MaxComponentLength);
        }

        builder.Property(s => s.ApprovedByName).HasMaxLength(200);
        builder.HasOne<ContentItem>().WithOne().HasForeignKey<ServiceStandard>(s => s.ContentItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.ContentItemId).IsUnique();
    }
}
