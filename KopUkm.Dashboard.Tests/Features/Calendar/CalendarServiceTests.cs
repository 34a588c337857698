using System.Text;
using KopUkm.Dashboard.Features.Calendar;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KopUkm.Dashboard.Tests.Features.Calendar;

public abstract class CalendarServiceTests(TestProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : CalendarServiceTests(TestProvider.Sqlite);

    public sealed class OnPostgreSql() : CalendarServiceTests(TestProvider.PostgreSql);

    private const string Holidays2027 = "date,kind,name\n2027-01-01,libur nasional,Tahun Baru 2027 Masehi\n2027-03-10,libur nasional,Idul Fitri 1448 H\n2027-03-11,cuti bersama,Cuti bersama Idul Fitri\n";
    private TestServices app = default!;

    public async Task InitializeAsync()
    {
        app = await TestServices.CreateAsync(provider: provider);
        app.ActAs(AppRoles.Administrator);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Importing_a_year_adds_its_holidays_and_importing_it_again_changes_nothing()
    {
        var calendar = app.Get<CalendarService>();

        var first = await calendar.ImportHolidaysAsync(Csv(Holidays2027));
        var second = await calendar.ImportHolidaysAsync(Csv(Holidays2027));

        Assert.Equal((3, 0, 0), (first.Added, first.Updated, first.Unchanged));
        Assert.Equal((0, 0, 3), (second.Added, second.Updated, second.Unchanged));
        Assert.Equal(3, (await calendar.ListHolidaysAsync(2027)).Count);
        Assert.Equal(25, (await calendar.ListHolidaysAsync(2026)).Count);
    }

    [Fact]
    public async Task A_file_with_one_bad_line_imports_nothing()
    {
        var calendar = app.Get<CalendarService>();

        var result = await calendar.ImportHolidaysAsync(Csv(Holidays2027 + "2027-02-30,libur nasional,Tanggal mustahil\n"));

        Assert.False(result.Succeeded);
        Assert.Equal(5, Assert.Single(result.Errors).Line);
        Assert.Empty(await calendar.ListHolidaysAsync(2027));
    }

    [Fact]
    public async Task Working_hours_must_end_after_they_start()
    {
        var calendar = app.Get<CalendarService>();
        var monday = (await calendar.ListWorkingDaysAsync())[0];

        var result = await calendar.SaveWorkingDayAsync(monday with { StartTime = new TimeOnly(16, 0), EndTime = new TimeOnly(8, 0) });

        Assert.Equal("Calendar.EndBeforeStart", Assert.Single(result.Errors).MessageKey);
        Assert.Equal(DayOfWeek.Monday, monday.DayOfWeek);
    }

    [Fact]
    public async Task Only_administrators_may_change_the_calendar()
    {
        app.ActAs(AppRoles.KepalaBidang);
        var calendar = app.Get<CalendarService>();

        await Assert.ThrowsAsync<AccessDeniedException>(() => calendar.ImportHolidaysAsync(Csv(Holidays2027)));
        Assert.NotEmpty(await calendar.ListHolidaysAsync(2026));
    }

    [Fact]
    public async Task A_special_period_keeps_its_breaks_and_the_clock_counts_them_out()
    {
        var calendar = app.Get<CalendarService>();
        var ramadan = Assert.Single(await calendar.ListSpecialHoursAsync());

        var result = await calendar.SaveSpecialHoursAsync(ramadan with
        {
            Id = 0, Version = 0, Name = "Ramadan 1448 H", StartDate = new DateOnly(2027, 2, 8), EndDate = new DateOnly(2027, 3, 9),
            FridayBreakStart = new TimeOnly(11, 30), FridayBreakEnd = new TimeOnly(13, 0),
        });

        Assert.True(result.Succeeded);
        var saved = (await calendar.ListSpecialHoursAsync()).Single(p => p.Name == "Ramadan 1448 H");
        Assert.Equal((new TimeOnly(12, 0), new TimeOnly(12, 30), new TimeOnly(11, 30), new TimeOnly(13, 0)), (saved.WeekdayBreakStart, saved.WeekdayBreakEnd, saved.FridayBreakStart, saved.FridayBreakEnd));

        // Friday 12 Feb 2027: 08:00–11:30 (210) + 13:00–15:30 (150) = 360 min, read from the database afresh.
        var clock = await app.Services.GetRequiredService<WorkingCalendarProvider>().GetAsync();
        Assert.Equal([(new TimeOnly(8, 0), new TimeOnly(11, 30)), (new TimeOnly(13, 0), new TimeOnly(15, 30))], clock.WorkingIntervals(new DateOnly(2027, 2, 12)));
    }

    [Fact]
    public async Task A_special_break_needs_both_ends_inside_the_hours()
    {
        var calendar = app.Get<CalendarService>();
        var ramadan = Assert.Single(await calendar.ListSpecialHoursAsync());

        var halfBreak = await calendar.SaveSpecialHoursAsync(ramadan with { WeekdayBreakEnd = null });
        var outside = await calendar.SaveSpecialHoursAsync(ramadan with { FridayBreakStart = new TimeOnly(15, 0), FridayBreakEnd = new TimeOnly(16, 0) });

        Assert.Equal(("Calendar.BreakIncomplete", nameof(SpecialHoursItem.WeekdayBreakStart)), (Assert.Single(halfBreak.Errors).MessageKey, halfBreak.Errors[0].Field));
        Assert.Equal(("Calendar.BreakOutsideHours", nameof(SpecialHoursItem.FridayBreakStart)), (Assert.Single(outside.Errors).MessageKey, outside.Errors[0].Field));
        Assert.Equal(new TimeOnly(12, 30), Assert.Single(await calendar.ListSpecialHoursAsync()).WeekdayBreakEnd);
    }

    [Fact]
    public async Task Administrators_hear_of_a_year_without_holidays_once_a_due_date_reaches_it()
    {
        var calendar = app.Get<CalendarService>();
        Assert.Empty(await calendar.YearsMissingHolidaysAsync());

        app.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 4, 2, 0, 0, TimeSpan.Zero));
        Assert.Equal([2027], await calendar.YearsMissingHolidaysAsync());

        await calendar.ImportHolidaysAsync(Csv(Holidays2027));
        Assert.Empty(await calendar.YearsMissingHolidaysAsync());

        app.ActAs(AppRoles.KepalaBidang);
        await Assert.ThrowsAsync<AccessDeniedException>(() => app.Get<CalendarService>().YearsMissingHolidaysAsync());
    }

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));
}
