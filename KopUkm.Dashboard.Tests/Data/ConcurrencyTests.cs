using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Tests.Data;

public abstract class ConcurrencyTests(TestProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : ConcurrencyTests(TestProvider.Sqlite);

    public sealed class OnPostgreSql() : ConcurrencyTests(TestProvider.PostgreSql);

    private TestServices app = default!;

    public async Task InitializeAsync()
    {
        app = await TestServices.CreateAsync(provider: provider);
        app.ActAs(AppRoles.Administrator);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Second_of_two_saves_from_the_same_version_is_refused_and_the_first_stays()
    {
        var organization = app.Get<OrganizationService>();
        var loaded = (await organization.ListDivisionsAsync()).Single(d => d.Code == "UMK");

        var first = await organization.SaveDivisionAsync(loaded with { Name = "Bidang Usaha Mikro (A)" });
        var second = await organization.SaveDivisionAsync(loaded with { Name = "Bidang Usaha Mikro (B)" });

        Assert.True(first.Succeeded);
        Assert.True(second.IsConflict);
        var now = (await organization.ListDivisionsAsync()).Single(d => d.Code == "UMK");
        Assert.Equal("Bidang Usaha Mikro (A)", now.Name);
        Assert.Equal(loaded.Version + 1, now.Version);
    }

    [Fact]
    public async Task Saving_again_after_reloading_the_latest_version_succeeds()
    {
        var organization = app.Get<OrganizationService>();
        var loaded = (await organization.ListDivisionsAsync()).Single(d => d.Code == "PLUT");
        await organization.SaveDivisionAsync(loaded with { Description = "first" });

        var latest = (await organization.ListDivisionsAsync()).Single(d => d.Code == "PLUT");
        var retry = await organization.SaveDivisionAsync(latest with { Description = "second" });

        Assert.True(retry.Succeeded);
        Assert.Equal("second", (await organization.ListDivisionsAsync()).Single(d => d.Code == "PLUT").Description);
    }

    [Fact]
    public async Task Raw_context_saves_with_a_stale_version_throw_a_conflict()
    {
        await using var first = await app.DbAsync();
        await using var second = await app.DbAsync();
        var a = await first.Set<Region>().SingleAsync(r => r.Code == "15.71");
        var b = await second.Set<Region>().SingleAsync(r => r.Code == "15.71");

        a.Name = "Kota Jambi";
        await first.SaveChangesAsync();
        b.Name = "Jambi (kota)";

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.SaveChangesAsync());
    }
}
