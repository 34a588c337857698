using System.Text;
using KopUkm.Dashboard.Features.Calendar;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.TestInfrastructure;

namespace KopUkm.Dashboard.Tests.Features.Calendar;

public sealed class CalendarServiceTests : IAsyncLifetime
{
    private const string Holidays2027 = "date,kind,name\n2027-01-01,libur nasional,Tahun Baru 2027 Masehi\n2027-03-10,libur nasional,Idul Fitri 1448 H\n2027-03-11,cuti bersama,Cuti bersama Idul Fitri\n";
    private TestServices app = default!;

    public async Task InitializeAsync()
    {
        app = await TestServices.CreateAsync();
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

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));
}
