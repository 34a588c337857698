using KopUkm.Dashboard.Features.Calendar;
using KopUkm.Dashboard.Features.PublicPortal.Performance;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.TestInfrastructure;

namespace KopUkm.Dashboard.Tests.Features.PublicPortal.Performance;

/// <summary>/kinerja's report is cached for an hour, but never served under an older working calendar (its medians are in working days).</summary>
public sealed class PublicPerformanceCacheTests : IAsyncLifetime
{
    private TestServices app = default!;

    public async Task InitializeAsync() => app = await TestServices.CreateAsync();

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task The_cached_report_is_served_until_the_calendar_changes()
    {
        var first = await app.Get<PublicPerformance>().GetAsync();
        Assert.Same(first, await app.Get<PublicPerformance>().GetAsync());

        app.ActAs(AppRoles.Administrator, null, "admin");
        var calendar = app.Get<CalendarService>();
        var monday = (await calendar.ListWorkingDaysAsync())[0];
        Assert.True((await calendar.SaveWorkingDayAsync(monday with { StartTime = new TimeOnly(8, 0) })).Succeeded);

        var after = await app.Get<PublicPerformance>().GetAsync();
        Assert.NotSame(first, after);
        Assert.Same(after, await app.Get<PublicPerformance>().GetAsync());
    }
}
