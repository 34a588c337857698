using KopUkm.Dashboard.Data.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KopUkm.Dashboard.Features.Tickets.Portal;

/// <summary>
/// The applicant's key to a ticket submitted on the portal: the PIN, only as a PBKDF2 hash. Not audited: it is a
/// credential (like Identity's tokens), and the ticket it belongs to is audited itself.
/// </summary>
public sealed class TicketPortalAccess : INotAudited
{
    public int TicketId { get; set; }

    /// <summary>ASP.NET Core Identity's password hash format (PBKDF2 with a salt); the PIN itself is never stored.</summary>
    public required string PinHash { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>A file the applicant sent with the request or with an answer. Stored outside wwwroot under a random name.</summary>
public sealed class TicketAttachment
{
    public int Id { get; set; }

    public int TicketId { get; set; }

    /// <summary>The answer event it came with; null for files sent with the request itself.</summary>
    public long? TicketEventId { get; set; }

    /// <summary>The name the applicant's file had, cleaned for display and download.</summary>
    public required string FileName { get; set; }

    /// <summary>application/pdf, image/jpeg or image/png, as read from the file's first bytes.</summary>
    public required string ContentType { get; set; }

    public long SizeBytes { get; set; }

    /// <summary>The random name: the file under <c>&lt;Data:Folder&gt;/attachments/</c> on SQLite, the key of its <c>TicketAttachmentContents</c> row on PostgreSQL.</summary>
    public required string StoredName { get; set; }

    public DateTime UploadedAtUtc { get; set; }
}

internal sealed class TicketPortalAccessConfiguration : IEntityTypeConfiguration<TicketPortalAccess>
{
    public void Configure(EntityTypeBuilder<TicketPortalAccess> builder)
    {
        builder.HasKey(a => a.TicketId);
        builder.Property(a => a.PinHash).HasMaxLength(200);
        builder.HasOne<Ticket>().WithOne().HasForeignKey<TicketPortalAccess>(a => a.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TicketAttachmentConfiguration : IEntityTypeConfiguration<TicketAttachment>
{
    public void Configure(EntityTypeBuilder<TicketAttachment> builder)
    {
        builder.Property(a => a.FileName).HasMaxLength(200);
        builder.Property(a => a.ContentType).HasMaxLength(50);
        builder.Property(a => a.StoredName).HasMaxLength(80);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(a => a.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.TicketId);
        builder.HasIndex(a => a.StoredName).IsUnique();
    }
}
