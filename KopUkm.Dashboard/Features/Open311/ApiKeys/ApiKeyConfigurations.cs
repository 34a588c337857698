using KopUkm.Dashboard.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KopUkm.Dashboard.Features.Open311.ApiKeys;

public sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("ApiKeys");
        builder.Property(k => k.Name).HasMaxLength(ApiKey.NameMax);
        builder.Property(k => k.Prefix).HasMaxLength(20);
        builder.Property(k => k.SecretHash).HasMaxLength(64);
        builder.Property(k => k.CreatedByUserId).HasMaxLength(450);
        builder.Property(k => k.CreatedByName).HasMaxLength(200);
        builder.Property(k => k.RevokedByName).HasMaxLength(200);
        builder.HasIndex(k => k.Prefix).IsUnique();
        builder.HasIndex(k => k.CreatedAtUtc);
    }
}

public sealed class Open311SubmissionConfiguration : IEntityTypeConfiguration<Open311Submission>
{
    public void Configure(EntityTypeBuilder<Open311Submission> builder)
    {
        builder.ToTable("Open311Submissions");
        builder.Property(s => s.Token).HasMaxLength(40);
        builder.Property(s => s.AccountId).HasMaxLength(100);
        builder.HasIndex(s => s.Token).IsUnique();
        builder.HasIndex(s => s.TicketId).IsUnique();
        builder.HasOne<Ticket>().WithMany().HasForeignKey(s => s.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApiKey>().WithMany().HasForeignKey(s => s.ApiKeyId).OnDelete(DeleteBehavior.Restrict);
    }
}
