using KopUkm.Dashboard.Features.Guide.Tour;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Tests.Features.Guide;

/// <summary>The first-login tour is shown once per account, remembered in the database, and can be asked for again.</summary>
public sealed class TourServiceTests : IAsyncLifetime
{
    private TestServices app = default!;
    private string dewi = "";
    private string yusuf = "";

    public async Task InitializeAsync()
    {
        app = await TestServices.CreateAsync();
        dewi = await app.CreateUserAsync("dewi@klm.test", "Dewi Lestari", AppRoles.Petugas, 1);
        yusuf = await app.CreateUserAsync("yusuf@umk.test", "Yusuf Hidayat", AppRoles.Petugas, 1);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task The_tour_shows_at_the_first_visit_only_and_per_account()
    {
        app.ActAs(AppRoles.Petugas, userId: dewi);
        Assert.True(await app.Get<TourService>().BeginAsync());
        // A second page load, a new circuit, another computer: the same account never sees it again by itself.
        Assert.False(await app.Get<TourService>().BeginAsync());
        Assert.False(await app.Get<TourService>().BeginAsync());

        // Another account still gets its own first tour.
        app.ActAs(AppRoles.Petugas, userId: yusuf);
        Assert.True(await app.Get<TourService>().BeginAsync());

        await using var db = await app.DbAsync();
        var shown = await db.Set<TourView>().Where(v => v.UserId == dewi).SingleAsync();
        Assert.Equal(TourService.HomeTour, shown.Tour);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, shown.ShownAtUtc);
    }

    [Fact]
    public async Task Restarting_from_the_guide_shows_the_tour_once_more()
    {
        app.ActAs(AppRoles.Petugas, userId: dewi);
        Assert.True(await app.Get<TourService>().BeginAsync());

        await app.Get<TourService>().RestartAsync();

        Assert.True(await app.Get<TourService>().BeginAsync());
        Assert.False(await app.Get<TourService>().BeginAsync());
    }

    [Fact]
    public async Task Nobody_signed_in_gets_no_tour_and_nothing_is_stored()
    {
        app.User.Current = UserContext.System;
        Assert.False(await app.Get<TourService>().BeginAsync());
        await app.Get<TourService>().RestartAsync();

        await using var db = await app.DbAsync();
        Assert.Equal(0, await db.Set<TourView>().CountAsync());
    }

    [Fact]
    public async Task The_tour_stays_off_when_the_setting_turns_it_off()
    {
        await using var off = await TestServices.CreateAsync(new() { ["Guide:HomeTour"] = "false" });
        var id = await off.CreateUserAsync("dewi@klm.test", "Dewi Lestari", AppRoles.Petugas, 1);
        off.ActAs(AppRoles.Petugas, userId: id);

        Assert.False(await off.Get<TourService>().BeginAsync());
    }
}
