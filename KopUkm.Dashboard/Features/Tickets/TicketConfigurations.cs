using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KopUkm.Dashboard.Features.Tickets;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.Property(t => t.Code).HasMaxLength(20);
        builder.Property(t => t.ApplicantName).HasMaxLength(150);
        builder.Property(t => t.BusinessName).HasMaxLength(200);
        builder.Property(t => t.Nib).HasMaxLength(13);
        builder.Property(t => t.Phone).HasMaxLength(30);
        builder.Property(t => t.Email).HasMaxLength(150);
        builder.Property(t => t.LaporTrackingNumber).HasMaxLength(40);
        builder.Property(t => t.Description).HasMaxLength(4000);
        builder.Property(t => t.ResolutionNote).HasMaxLength(2000);
        builder.Property(t => t.PauseReason).HasMaxLength(500);
        builder.Property(t => t.AssignedUserId).HasMaxLength(64);
        builder.Property(t => t.AssignedUserName).HasMaxLength(200);
        builder.Property(t => t.Size).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Channel).HasConversion<string>().HasMaxLength(20);
        // Stored as its number (Rendah 1 … Mendesak 4) so that sorting by priority follows urgency, not the alphabet.
        builder.Property(t => t.Priority);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.FirstResponseSla).HasConversion<string>().HasMaxLength(10);
        builder.Property(t => t.ResolutionSla).HasConversion<string>().HasMaxLength(10);
        builder.HasOne(t => t.Region).WithMany().HasForeignKey(t => t.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.ServiceType).WithMany().HasForeignKey(t => t.ServiceTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.Division).WithMany().HasForeignKey(t => t.DivisionId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(t => t.Code).IsUnique();
        // The queues: a division's open work by status and age, an officer's open work, SLA refresh of open tickets.
        builder.HasIndex(t => new { t.DivisionId, t.Status, t.CreatedAtUtc });
        builder.HasIndex(t => new { t.AssignedUserId, t.Status });
        builder.HasIndex(t => new { t.Status, t.ResolutionSla });
        builder.HasIndex(t => t.ResolutionMinutesLeft);
        builder.HasIndex(t => t.CreatedAtUtc);
        // The coordination metrics: tickets first answered in a period. Tickets resolved in a period use the covering
        // index below, which starts with ResolvedAtUtc.
        builder.HasIndex(t => t.FirstRespondedAtUtc);
        builder.HasIndex(t => t.Nib);
        builder.HasIndex(t => t.LaporTrackingNumber);

        // Measured at 100,000 tickets (docs/performance.md). Lists over every status: a division's newest first, the
        // SLA filter (either clock), and service with channel and region, each walking an index in the list's order.
        builder.HasIndex(t => new { t.DivisionId, t.CreatedAtUtc });
        builder.HasIndex(t => new { t.ResolutionSla, t.CreatedAtUtc });
        builder.HasIndex(t => new { t.FirstResponseSla, t.CreatedAtUtc });
        builder.HasIndex(t => new { t.ServiceTypeId, t.Channel, t.RegionId, t.CreatedAtUtc });

        // The dashboard's backlog and compliance read only these columns, of the tickets still unresolved or resolved
        // since a date: for the office by resolution date, for one division within it. Both answer from the index alone.
        builder.HasIndex(t => new { t.ResolvedAtUtc, t.CreatedAtUtc, t.DivisionId, t.EverBreached, t.ServiceTypeId });
        builder.HasIndex(t => new { t.DivisionId, t.ResolvedAtUtc, t.CreatedAtUtc, t.EverBreached, t.ServiceTypeId });
    }
}

internal sealed class TicketEventConfiguration : IEntityTypeConfiguration<TicketEvent>
{
    public void Configure(EntityTypeBuilder<TicketEvent> builder)
    {
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ToStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Text).HasMaxLength(4000);
        builder.Property(e => e.ByUserId).HasMaxLength(64);
        builder.Property(e => e.ByName).HasMaxLength(200);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(e => e.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.TicketId, e.AtUtc });
        // The metrics count one kind of event in a period (reopenings).
        builder.HasIndex(e => new { e.Kind, e.AtUtc });
    }
}

internal sealed class TicketHandoffConfiguration : IEntityTypeConfiguration<TicketHandoff>
{
    public void Configure(EntityTypeBuilder<TicketHandoff> builder)
    {
        builder.Property(h => h.Reason).HasMaxLength(1000);
        builder.Property(h => h.ByName).HasMaxLength(200);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(h => h.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(h => new { h.TicketId, h.HandedOffAtUtc });
        builder.HasIndex(h => new { h.ToDivisionId, h.AcceptedAtUtc });
        // The metrics: handoffs made and accepted in a period.
        builder.HasIndex(h => h.HandedOffAtUtc);
        builder.HasIndex(h => h.AcceptedAtUtc);
    }
}
