using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.ServiceCatalog;
using KopUkm.Dashboard.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KopUkm.Dashboard.Features.Surveys;

internal sealed class IkmSurveyConfiguration : IEntityTypeConfiguration<IkmSurvey>
{
    public void Configure(EntityTypeBuilder<IkmSurvey> builder)
    {
        builder.HasOne<Ticket>().WithMany().HasForeignKey(s => s.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ServiceType>().WithMany().HasForeignKey(s => s.ServiceTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Division>().WithMany().HasForeignKey(s => s.DivisionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.Suggestion).HasMaxLength(IkmAnswerForm.SuggestionMax);
        builder.Property(s => s.Gender).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.AgeBand).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Education).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Occupation).HasConversion<string>().HasMaxLength(30);

        // One survey per request.
        builder.HasIndex(s => s.TicketId).IsUnique();
        // Results of a period: answers by date.
        builder.HasIndex(s => s.AnsweredAtUtc);
    }
}

internal sealed class IkmFollowUpConfiguration : IEntityTypeConfiguration<IkmFollowUp>
{
    public void Configure(EntityTypeBuilder<IkmFollowUp> builder)
    {
        builder.Property(f => f.PeriodKey).HasMaxLength(10);
        builder.Property(f => f.Action).HasMaxLength(IkmFollowUpForm.ActionMax);
        builder.Property(f => f.Note).HasMaxLength(IkmFollowUpForm.NoteMax);
        builder.Property(f => f.CreatedByName).HasMaxLength(200);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Division>().WithMany().HasForeignKey(f => f.OwnerDivisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.PeriodKey, f.Element });
    }
}
