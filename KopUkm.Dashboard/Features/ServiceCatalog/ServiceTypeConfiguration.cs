using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KopUkm.Dashboard.Features.ServiceCatalog;

internal sealed class ServiceTypeConfiguration : IEntityTypeConfiguration<ServiceType>
{
    public void Configure(EntityTypeBuilder<ServiceType> builder)
    {
        builder.ToTable("ServiceTypes", t =>
        {
            t.HasCheckConstraint("CK_ServiceTypes_Targets", "\"FirstResponseWorkingDays\" >= 0 AND \"ResolutionWorkingDays\" >= \"FirstResponseWorkingDays\"");
        });
        builder.Property(s => s.Code).HasMaxLength(30);
        builder.Property(s => s.NameId).HasMaxLength(200);
        builder.Property(s => s.NameEn).HasMaxLength(200);
        builder.Property(s => s.LaporCategory).HasMaxLength(50);
        builder.HasIndex(s => s.Code).IsUnique();
        builder.HasOne(s => s.OwnerDivision).WithMany().HasForeignKey(s => s.OwnerDivisionId).OnDelete(DeleteBehavior.Restrict);
    }
}
