using KopUkm.Dashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KopUkm.Dashboard.Features.Guide.Tour;

internal sealed class TourViewConfiguration : IEntityTypeConfiguration<TourView>
{
    public void Configure(EntityTypeBuilder<TourView> builder)
    {
        builder.ToTable("TourViews");
        builder.HasKey(v => new { v.UserId, v.Tour });
        builder.Property(v => v.UserId).HasMaxLength(450);
        builder.Property(v => v.Tour).HasMaxLength(40);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
