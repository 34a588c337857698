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
        Assert.Equal(25 + 28, await check.Set<Holiday>().CountAsync());
    }

    [Fact]
    public async Task Holidays_2025_hold_17_national_holidays_and_11_collective_leave_days_and_close_christmas_2025()
    {
        await using var db = await app.DbAsync();
        var holidays = await db.Set<Holiday>().Where(h => h.Date >= new DateOnly(2025, 1, 1) && h.Date <= new DateOnly(2025, 12, 31)).ToListAsync();
        var calendar = await app.Services.GetRequiredService<WorkingCalendarProvider>().GetAsync();

        Assert.Equal(17, holidays.Count(h => h.Kind == HolidayKind.LiburNasional));
        Assert.Equal(11, holidays.Count(h => h.Kind == HolidayKind.CutiBersama));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2025, 12, 25)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2025, 12, 26)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2025, 8, 18)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2025, 12, 29)));
        Assert.Equal([2025, 2026], ReferenceDataSeeder.HolidaySeedFiles().Select(f => f.Year));
    }

    [Fact]
    public async Task A_database_seeded_before_2025_was_shipped_gets_2025_once_and_a_year_someone_entered_is_left_alone()
    {
        // As an older version left it: 2026 only, one of its days renamed by an administrator.
        await using (var db = await app.DbAsync())
        {
            await db.Set<Holiday>().Where(h => h.Date.Year == 2025).ExecuteDeleteAsync();
            var newYear = await db.Set<Holiday>().SingleAsync(h => h.Date == new DateOnly(2026, 1, 1));
            newYear.Name = "Tahun Baru Masehi";
            await db.SaveChangesAsync();
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync();
            await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync();
        }

        await using var check = await app.DbAsync();
        var all = await check.Set<Holiday>().ToListAsync();
        Assert.Equal(28, all.Count(h => h.Date.Year == 2025));
        Assert.Equal(25, all.Count(h => h.Date.Year == 2026));
        Assert.Equal(all.Count, all.Select(h => h.Date).Distinct().Count());
        Assert.Equal("Tahun Baru Masehi", all.Single(h => h.Date == new DateOnly(2026, 1, 1)).Name);
    }

    [Fact]
    public async Task Ramadan_2026_is_seeded_on_the_official_timetable_with_breaks_32_and_a_half_hours_a_week()
    {
        await using var db = await app.DbAsync();
        var ramadan = await db.Set<SpecialHoursPeriod>().SingleAsync();

        Assert.Equal((new TimeOnly(8, 0), new TimeOnly(15, 0), new TimeOnly(12, 0), new TimeOnly(12, 30)), (ramadan.WeekdayStart, ramadan.WeekdayEnd, ramadan.WeekdayBreakStart, ramadan.WeekdayBreakEnd));
        Assert.Equal((new TimeOnly(8, 0), new TimeOnly(15, 30), new TimeOnly(11, 30), new TimeOnly(12, 30)), (ramadan.FridayStart, ramadan.FridayEnd, ramadan.FridayBreakStart, ramadan.FridayBreakEnd));
        var calendar = await app.Services.GetRequiredService<WorkingCalendarProvider>().GetAsync();
        var week = Enumerable.Range(0, 7).Select(d => new DateOnly(2026, 2, 23).AddDays(d))
            .Sum(d => calendar.WorkingIntervals(d).Sum(i => (i.End - i.Start).TotalMinutes));
        Assert.Equal(32.5 * 60, week);
    }

    [Fact]
    public async Task The_ramadan_period_an_older_version_seeded_gets_its_breaks_unless_someone_edited_it()
    {
        async Task SetOldSeedAsync(string name)
        {
            await using var db = await app.DbAsync();
            var period = await db.Set<SpecialHoursPeriod>().SingleAsync();
            (period.Name, period.WeekdayEnd, period.FridayEnd) = (name, new TimeOnly(14, 30), new TimeOnly(14, 30));
            (period.WeekdayBreakStart, period.WeekdayBreakEnd, period.FridayBreakStart, period.FridayBreakEnd) = (null, null, null, null);
            await db.SaveChangesAsync();
        }

        async Task<SpecialHoursPeriod> SeedAgainAsync()
        {
            await using (var scope = app.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync();
            }

            await using var db = await app.DbAsync();
            return await db.Set<SpecialHoursPeriod>().SingleAsync();
        }

        await SetOldSeedAsync("Ramadan 1447 H");
        var upgraded = await SeedAgainAsync();
        await SetOldSeedAsync("Ramadan 1447 H (SE Menpan)");
        var edited = await SeedAgainAsync();

        Assert.Equal((new TimeOnly(15, 0), new TimeOnly(12, 0)), (upgraded.WeekdayEnd, upgraded.WeekdayBreakStart));
        Assert.Equal((new TimeOnly(14, 30), null), (edited.WeekdayEnd, edited.WeekdayBreakStart));
    }
}
