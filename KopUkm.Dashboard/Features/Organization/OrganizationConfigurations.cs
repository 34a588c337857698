using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KopUkm.Dashboard.Features.Organization;

internal sealed class DivisionConfiguration : IEntityTypeConfiguration<Division>
{
    public void Configure(EntityTypeBuilder<Division> builder)
    {
        builder.Property(d => d.Code).HasMaxLength(10);
        builder.Property(d => d.Name).HasMaxLength(150);
        builder.Property(d => d.NameEn).HasMaxLength(150);
        builder.Property(d => d.Description).HasMaxLength(1000);
        builder.HasIndex(d => d.Code).IsUnique();
    }
}

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.Property(r => r.Code).HasMaxLength(10);
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(12);
        builder.HasIndex(r => r.Code).IsUnique();
    }
}
