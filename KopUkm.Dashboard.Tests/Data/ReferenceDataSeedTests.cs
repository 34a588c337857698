using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Calendar;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.ServiceCatalog;
using KopUkm.Dashboard.Host;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KopUkm.Dashboard.Tests.Data;

public sealed class ReferenceDataSeedTests : IAsyncLifetime
{
    private TestServices app = default!;

    public async Task InitializeAsync() => app = await TestServices.CreateAsync();

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Working_week_is_37_and_a_half_hours_from_07_30_with_a_longer_friday()
    {
        await using var db = await app.DbAsync();
        var days = await db.Set<WorkingDay>().ToDictionaryAsync(d => d.DayOfWeek);

        Assert.Equal(7, days.Count);
        Assert.False(days[DayOfWeek.Saturday].IsWorkingDay);
        Assert.False(days[DayOfWeek.Sunday].IsWorkingDay);
        Assert.Equal(new TimeOnly(7, 30), days[DayOfWeek.Monday].StartTime);
        Assert.Equal(new TimeOnly(16, 0), days[DayOfWeek.Thursday].EndTime);
        Assert.Equal(new TimeOnly(16, 30), days[DayOfWeek.Friday].EndTime);
        Assert.Equal(37.5, days.Values.Sum(d => d.Duration.TotalHours));
    }

    [Fact]
    public async Task Holidays_2026_hold_17_national_holidays_and_8_collective_leave_days()
    {
        await using var db = await app.DbAsync();
        var holidays = await db.Set<Holiday>().Where(h => h.Date >= new DateOnly(2026, 1, 1) && h.Date <= new DateOnly(2026, 12, 31)).ToListAsync();

        Assert.Equal(17, holidays.Count(h => h.Kind == HolidayKind.LiburNasional));
        Assert.Equal(8, holidays.Count(h => h.Kind == HolidayKind.CutiBersama));
        Assert.Contains(holidays, h => h.Date == new DateOnly(2026, 3, 21) && h.Name.Contains("Idul Fitri", StringComparison.Ordinal));
        Assert.Contains(holidays, h => h.Date == new DateOnly(2026, 12, 24) && h.Kind == HolidayKind.CutiBersama);
    }

    [Fact]
    public async Task Regions_divisions_and_services_come_from_the_office_reference_files()
    {
        await using var db = await app.DbAsync();
        Assert.Equal(11, await db.Set<Region>().CountAsync());
        Assert.Equal(RegionKind.Kota, (await db.Set<Region>().SingleAsync(r => r.Code == "15.72")).Kind);
        Assert.Equal(7, await db.Set<Division>().CountAsync());
        var halal = await db.Set<ServiceType>().Include(s => s.OwnerDivision).SingleAsync(s => s.Code == "HALAL");
        Assert.Equal(("UMK", 2, 14), (halal.OwnerDivision!.Code, halal.FirstResponseWorkingDays, halal.ResolutionWorkingDays));
        Assert.Equal(10, await db.Set<ServiceType>().CountAsync());
        Assert.Single(await db.Set<SpecialHoursPeriod>().ToListAsync());
    }

    [Fact]
    public async Task Seeding_again_changes_nothing_and_keeps_administrator_edits()
    {
        await using (var db = await app.DbAsync())
        {
            var division = await db.Set<Division>().SingleAsync(d => d.Code == "SEK");
            division.Name = "Sekretariat Dinas";
            await db.SaveChangesAsync();
        }

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync();

        await using var check = await app.DbAsync();
        Assert.Equal(7, await check.Set<Division>().CountAsync());
        Assert.Equal("Sekretariat Dinas", (await check.Set<Division>().SingleAsync(d => d.Code == "SEK")).Name);
        Assert.Equal(25, await check.Set<Holiday>().CountAsync());
    }
}
