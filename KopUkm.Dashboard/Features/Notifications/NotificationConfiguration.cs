using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KopUkm.Dashboard.Features.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        // No foreign key to the account: accounts are deactivated, never deleted, and jobs can notify by id alone.
        builder.Property(n => n.UserId).HasMaxLength(64);
        builder.Property(n => n.Key).HasMaxLength(200);
        builder.Property(n => n.Kind).HasMaxLength(50);
        builder.Property(n => n.MessageKey).HasMaxLength(100);
        builder.Property(n => n.ArgsJson).HasMaxLength(2000);
        builder.Property(n => n.Link).HasMaxLength(500);

        // The idempotency guarantee: a rerun of the same job cannot notify twice, even when two runs race.
        builder.HasIndex(n => new { n.UserId, n.Key }).IsUnique();
        // Serves both the unread count and the newest-first list of one user.
        builder.HasIndex(n => new { n.UserId, n.ReadAtUtc, n.CreatedAtUtc });
    }
}
