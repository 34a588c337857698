using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KopUkm.Dashboard.Features.Email;

internal sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> builder)
    {
        builder.Property(e => e.Key).HasMaxLength(200);
        builder.Property(e => e.Purpose).HasMaxLength(50);
        builder.Property(e => e.ToAddress).HasMaxLength(254);
        builder.Property(e => e.ToName).HasMaxLength(200);
        builder.Property(e => e.Subject).HasMaxLength(300);
        builder.Property(e => e.LastError).HasMaxLength(1000);

        // Nothing is sent twice: the same cause writes the same key.
        builder.HasIndex(e => e.Key).IsUnique();
        // The sender's scan: waiting messages whose next try is due.
        builder.HasIndex(e => new { e.Status, e.NextAttemptAtUtc });
        builder.Property(e => e.ClaimToken).HasMaxLength(40);
        // The admin list: newest first.
        builder.HasIndex(e => e.CreatedAtUtc);
    }
}

internal sealed class OutboxEmailResendConfiguration : IEntityTypeConfiguration<OutboxEmailResend>
{
    public void Configure(EntityTypeBuilder<OutboxEmailResend> builder)
    {
        builder.Property(e => e.ByUserId).HasMaxLength(450);
        builder.Property(e => e.ByName).HasMaxLength(200);
        builder.HasOne<OutboxEmail>().WithMany().HasForeignKey(e => e.OutboxEmailId).OnDelete(DeleteBehavior.Cascade);
    }
}
