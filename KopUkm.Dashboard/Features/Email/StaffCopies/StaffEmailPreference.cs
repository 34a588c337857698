using KopUkm.Dashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KopUkm.Dashboard.Features.Email.StaffCopies;

/// <summary>Whether a staff member gets their in-app notifications by e-mail too.</summary>
public enum NotificationEmailMode
{
    /// <summary>In the app only (the default).</summary>
    Off = 0,

    /// <summary>One e-mail for every new notification.</summary>
    EachNotification = 1,

    /// <summary>One e-mail at 07:00 WIB listing the previous day's unread notifications.</summary>
    DailyDigest = 2,
}

/// <summary>One staff member's choice of e-mail copies; no row means <see cref="NotificationEmailMode.Off"/>.</summary>
public sealed class StaffEmailPreference
{
    /// <summary>The account id; one row per person.</summary>
    public required string UserId { get; set; }

    public NotificationEmailMode Mode { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}

internal sealed class StaffEmailPreferenceConfiguration : IEntityTypeConfiguration<StaffEmailPreference>
{
    public void Configure(EntityTypeBuilder<StaffEmailPreference> builder)
    {
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.HasIndex(p => p.Mode);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
