using System.Globalization;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data.Auditing;
using KopUkm.Dashboard.Features.Audit;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.TestInfrastructure;

namespace KopUkm.Dashboard.Tests.Features.Audit;

public sealed class AuditTrailServiceTests : IAsyncLifetime
{
    private TestServices app = default!;

    public async Task InitializeAsync()
    {
        app = await TestServices.CreateAsync();
        app.ActAs(AppRoles.Administrator, userId: "admin-9");
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task History_of_a_record_lists_its_insert_and_each_edit_in_order_with_the_editor()
    {
        var organization = app.Get<OrganizationService>();
        var division = (await organization.ListDivisionsAsync()).Single(d => d.Code == "PMK");
        app.Clock.Advance(TimeSpan.FromHours(1));
        await organization.SaveDivisionAsync(division with { Name = "Bidang Pemberdayaan" });
        app.Clock.Advance(TimeSpan.FromHours(1));
        var latest = (await organization.ListDivisionsAsync()).Single(d => d.Code == "PMK");
        await organization.SaveDivisionAsync(latest with { IsActive = false });

        var history = await app.Get<AuditTrailService>().HistoryOfAsync(nameof(Division), division.Id.ToString(CultureInfo.InvariantCulture));

        Assert.Equal([AuditAction.Insert, AuditAction.Update, AuditAction.Update], history.Select(h => h.Action));
        Assert.Equal("Sistem", history[0].ActorName);
        Assert.Equal("Penguji", history[1].ActorName);
        Assert.Equal(("Name", "Bidang Pemberdayaan Koperasi", "Bidang Pemberdayaan"), (history[1].Changes[0].Field, history[1].Changes[0].Old, history[1].Changes[0].New));
        Assert.Equal(("IsActive", "True", "False"), (history[2].Changes[0].Field, history[2].Changes[0].Old, history[2].Changes[0].New));
        Assert.True(history[1].OccurredAtUtc < history[2].OccurredAtUtc);
    }

    [Fact]
    public async Task Log_filters_by_record_type_and_wib_date_and_pages_newest_first()
    {
        var organization = app.Get<OrganizationService>();
        var region = (await organization.ListRegionsAsync())[0];
        // 2026-11-23 02:00 UTC is 09:00 WIB on the 23rd; 18:00 UTC is already the 24th in WIB.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 18, 0, 0, TimeSpan.Zero));
        await organization.SaveRegionAsync(region with { Name = "Kerinci (diubah)" });
        var audit = app.Get<AuditTrailService>();

        var on24th = await audit.ListAsync(new PageRequest(0, 10), new AuditFilter(nameof(Region), new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 24)));
        var on23rd = await audit.ListAsync(new PageRequest(0, 10), new AuditFilter(nameof(Region), new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 23)));
        var firstPage = await audit.ListAsync(new PageRequest(0, 5), new AuditFilter());

        Assert.Equal(1, on24th.TotalCount);
        Assert.Equal(AuditAction.Update, on24th.Items[0].Action);
        Assert.Equal(11, on23rd.TotalCount);
        Assert.Equal(5, firstPage.Items.Count);
        Assert.True(firstPage.TotalCount > 50);
        Assert.Equal(on24th.Items[0].Id, firstPage.Items[0].Id);
    }

    [Fact]
    public async Task Only_administrators_read_the_whole_log()
    {
        app.ActAs(AppRoles.Pimpinan);

        await Assert.ThrowsAsync<AccessDeniedException>(() => app.Get<AuditTrailService>().ListAsync(new PageRequest(0, 10), new AuditFilter()));
    }
}
