using KopUkm.Dashboard.Features.Content;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.ServiceCatalog;

namespace KopUkm.Dashboard.Tests.Features.Content;

public sealed class ContentServiceStandardHandlerTests : ContentScenario
{
    [Fact]
    public async Task A_change_to_a_linked_services_standard_flags_its_pages_at_once()
    {
        var service = (await App.Get<ServiceCatalogService>().ListAsync())[0];
        var form = Form();
        form.ServiceTypeId = service.Id;
        var linked = await PublishedAsync(form);
        var other = await PublishedAsync(Form("https://dinaskopukm.jambiprov.go.id/koperasi/lain"));

        App.ActAs(AppRoles.Administrator, null, "admin");
        var saved = await App.Get<ServiceCatalogService>().SaveAsync(service with { ResolutionWorkingDays = service.ResolutionWorkingDays + 2 });
        Assert.True(saved.Succeeded);

        var item = await ItemAsync(linked);
        Assert.Equal((ContentState.PerluPembaruan, StaleReason.ServiceChanged), (item.State, item.StaleReason));
        Assert.Equal(ContentEventKind.FlaggedStale, (await Details.GetAsync(linked))!.History[0].Kind);
        Assert.Equal(ContentState.Terbit, (await ItemAsync(other)).State);

        // Renaming the service is not a change of its standard.
        var renamed = (await App.Get<ServiceCatalogService>().ListAsync()).Single(s => s.Id == service.Id);
        await App.Get<ServiceCatalogService>().SaveAsync(renamed with { NameEn = "Renamed" });
        Assert.Equal(ContentState.Terbit, (await ItemAsync(other)).State);
    }
}
