using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KopUkm.Dashboard.Features.Account;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.FullName).HasMaxLength(200);
        builder.HasOne<Division>().WithMany().HasForeignKey(u => u.DivisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => new { u.DivisionId, u.IsActive });
    }
}
