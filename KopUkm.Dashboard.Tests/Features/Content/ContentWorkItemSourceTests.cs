using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Content;
using KopUkm.Dashboard.Features.Security;

namespace KopUkm.Dashboard.Tests.Features.Content;

/// <summary>What the IT task board shows of a content item it links to: the title only to those who may see the item.</summary>
public sealed class ContentWorkItemSourceTests : ContentScenario
{
    [Fact]
    public async Task A_page_title_is_shown_to_its_division_and_office_wide_roles_and_only_its_number_to_others()
    {
        var page = await ContentTestData.PublishedPageAsync(App, Klm, "koperasi/draf-rahasia", publishedDaysAgo: 10);
        var source = App.Get<IEnumerable<IWorkItemSource>>().Single(s => s.Kind == WorkItemKind.ContentItem);

        ActAsHead();
        Assert.Equal("Halaman koperasi/draf-rahasia", (await source.DescribeAsync([page]))[page]);

        App.ActAs(AppRoles.KepalaBidang, Umk, "head-umk", divisionCode: "UMK");
        Assert.Equal($"#{page}", (await source.DescribeAsync([page]))[page]);

        App.ActAs(AppRoles.Pimpinan, 1, "leader", divisionCode: "SEK");
        Assert.Equal("Halaman koperasi/draf-rahasia", (await source.DescribeAsync([page]))[page]);
        Assert.Equal($"/konten/{page}", source.LinkTo(page));
    }
}
