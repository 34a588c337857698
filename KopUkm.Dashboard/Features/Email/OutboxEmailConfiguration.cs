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
    }
}
