using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Calendar;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KopUkm.Dashboard.Tests.Features.Calendar;

public abstract class WorkingCalendarProviderTests(TestProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : WorkingCalendarProviderTests(TestProvider.Sqlite);

    public sealed class OnPostgreSql() : WorkingCalendarProviderTests(TestProvider.PostgreSql);

    private static readonly DateOnly Monday = new(2026, 11, 23);
    private TestServices app = default!;

    public async Task InitializeAsync()
    {
        app = await TestServices.CreateAsync(provider: provider);
        app.ActAs(AppRoles.Administrator);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task The_seeded_calendar_is_the_office_default()
    {
        var calendar = await Provider().GetAsync();

        Assert.Equal(TimeSpan.FromHours(7.5), calendar.StandardWorkingDay);
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 3, 20)));
        // Ramadan on the official timetable: Monday 08:00–15:00 less the break 12:00–12:30.
        Assert.Equal(new[] { (new TimeOnly(8, 0), new TimeOnly(12, 0)), (new TimeOnly(12, 30), new TimeOnly(15, 0)) }, calendar.WorkingIntervals(new DateOnly(2026, 2, 23)));
        Assert.Equal(new[] { (new TimeOnly(7, 30), new TimeOnly(11, 30)), (new TimeOnly(13, 0), new TimeOnly(16, 30)) }, calendar.WorkingIntervals(new DateOnly(2026, 11, 27)));
    }

    [Fact]
    public async Task The_calendar_is_read_once_and_shared()
    {
        var provider = Provider();

        var loaded = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => provider.GetAsync()));

        Assert.All(loaded, c => Assert.Same(loaded[0], c));
        Assert.Same(loaded[0], await provider.GetAsync());
    }

    [Fact]
    public async Task A_holiday_added_through_the_calendar_service_is_seen_after_it_is_saved()
    {
        var provider = Provider();
        var before = await provider.GetAsync();

        var saved = await app.Get<CalendarService>().SaveHolidayAsync(new HolidayItem(0, Monday, HolidayKind.LiburNasional, "Libur daerah", 0));
        var after = await provider.GetAsync();

        Assert.True(saved.Succeeded);
        Assert.False(after.IsWorkingDay(Monday));
        Assert.Empty(after.WorkingIntervals(Monday));
        // The calendar handed out earlier does not change under its holder.
        Assert.True(before.IsWorkingDay(Monday));
    }

    [Fact]
    public async Task A_saved_edit_is_published_as_a_calendar_change()
    {
        var heard = new TaskCompletionSource<ChangeEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = app.Services.GetRequiredService<ChangeNotifier>().Subscribe(ChangeTopic.Calendar, change =>
        {
            heard.TrySetResult(change);
            return Task.CompletedTask;
        });

        var saved = await app.Get<CalendarService>().SaveHolidayAsync(new HolidayItem(0, Monday, HolidayKind.LiburNasional, "Libur daerah", 0));

        Assert.True(saved.Succeeded);
        var change = await heard.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(change.FromAnotherInstance);
    }

    [Fact]
    public async Task A_calendar_change_from_another_instance_drops_the_cached_calendar()
    {
        var provider = Provider();
        var before = await provider.GetAsync();
        // Another instance saved a holiday in the shared database: this one's cache does not know yet.
        await using (var db = await app.DbAsync())
        {
            db.Add(new Holiday { Date = Monday, Kind = HolidayKind.LiburNasional, Name = "Libur daerah" });
            await db.SaveChangesAsync();
        }

        Assert.Same(before, await provider.GetAsync());

        await app.Services.GetRequiredService<ChangeNotifier>().DeliverFromAnotherInstance(ChangeTopic.Calendar, null);

        Assert.False((await provider.GetAsync()).IsWorkingDay(Monday));
    }

    [Fact]
    public async Task Changed_working_hours_are_seen_after_they_are_saved()
    {
        var provider = Provider();
        await provider.GetAsync();
        var calendarService = app.Get<CalendarService>();
        var monday = (await calendarService.ListWorkingDaysAsync())[0];

        var saved = await calendarService.SaveWorkingDayAsync(monday with { StartTime = new TimeOnly(8, 0) });
        var after = await provider.GetAsync();

        Assert.True(saved.Succeeded);
        Assert.Equal(new TimeOnly(8, 0), after.WorkingIntervals(Monday)[0].Start);
    }

    [Fact]
    public async Task A_refused_edit_keeps_the_cached_calendar()
    {
        var provider = Provider();
        var before = await provider.GetAsync();
        var calendarService = app.Get<CalendarService>();
        var monday = (await calendarService.ListWorkingDaysAsync())[0];

        var refused = await calendarService.SaveWorkingDayAsync(monday with { EndTime = new TimeOnly(6, 0) });

        Assert.False(refused.Succeeded);
        Assert.Same(before, await provider.GetAsync());
    }

    private WorkingCalendarProvider Provider() => app.Services.GetRequiredService<WorkingCalendarProvider>();
}
