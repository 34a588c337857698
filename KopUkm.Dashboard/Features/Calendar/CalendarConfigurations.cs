using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KopUkm.Dashboard.Features.Calendar;

internal sealed class WorkingDayConfiguration : IEntityTypeConfiguration<WorkingDay>
{
    public void Configure(EntityTypeBuilder<WorkingDay> builder)
    {
        builder.HasKey(d => d.DayOfWeek);
        builder.Property(d => d.DayOfWeek).ValueGeneratedNever();
        builder.Ignore(d => d.Duration);
    }
}

internal sealed class HolidayConfiguration : IEntityTypeConfiguration<Holiday>
{
    public void Configure(EntityTypeBuilder<Holiday> builder)
    {
        builder.Property(h => h.Name).HasMaxLength(200);
        builder.Property(h => h.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(h => h.Date).IsUnique();
    }
}

internal sealed class SpecialHoursPeriodConfiguration : IEntityTypeConfiguration<SpecialHoursPeriod>
{
    public void Configure(EntityTypeBuilder<SpecialHoursPeriod> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.HasIndex(p => new { p.StartDate, p.EndDate });
    }
}
