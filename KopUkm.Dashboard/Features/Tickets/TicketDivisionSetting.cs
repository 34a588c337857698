using KopUkm.Dashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KopUkm.Dashboard.Features.Tickets;

/// <summary>How one division takes in tickets; administrators switch auto-assignment on per division.</summary>
public sealed class TicketDivisionSetting : IVersioned
{
    public int DivisionId { get; set; }

    /// <summary>New tickets go straight to the division's least-loaded officer.</summary>
    public bool AutoAssign { get; set; }

    public long Version { get; set; }
}

internal sealed class TicketDivisionSettingConfiguration : IEntityTypeConfiguration<TicketDivisionSetting>
{
    public void Configure(EntityTypeBuilder<TicketDivisionSetting> builder)
    {
        builder.HasKey(s => s.DivisionId);
        builder.Property(s => s.DivisionId).ValueGeneratedNever();
        builder.HasOne<Organization.Division>().WithOne().HasForeignKey<TicketDivisionSetting>(s => s.DivisionId).OnDelete(DeleteBehavior.Cascade);
    }
}
