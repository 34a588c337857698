using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Content;
using KopUkm.Dashboard.Features.Security;

namespace KopUkm.Dashboard.Tests.Features.Content;

public sealed class ContentAccessTests : ContentScenario
{
    [Fact]
    public async Task Other_divisions_neither_see_nor_change_a_divisions_content()
    {
        var id = await PublishedAsync();
        App.ActAs(AppRoles.Petugas, Umk, "umk-officer", divisionCode: "UMK");

        await Assert.ThrowsAsync<AccessDeniedException>(() => Details.GetAsync(id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Moves.MarkReviewedAsync(id, 1, "x"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Editing.CreateAsync(Form("https://dinaskopukm.jambiprov.go.id/lain")));
        // Asking for another division's queue still only shows one's own.
        var list = await Queues.ListAsync(new PageRequest(0, 25), new ContentFilter { DivisionId = Klm });
        Assert.Empty(list.Items);
        Assert.Equal(0, (await Queues.GetSummaryAsync(Klm)).CountByState[ContentState.Terbit]);
    }

    [Fact]
    public async Task It_staff_and_leadership_see_every_division_and_leadership_only_reads()
    {
        var id = await PublishedAsync();

        App.ActAs(AppRoles.StafTI, null, "it", divisionCode: "TI");
        Assert.Single((await Queues.ListAsync(new PageRequest(0, 25), new ContentFilter())).Items);
        Assert.True((await Details.GetAsync(id))!.CanEdit);

        App.ActAs(AppRoles.Pimpinan, null, "boss");
        var detail = (await Details.GetAsync(id))!;
        Assert.False(detail.CanEdit);
        Assert.Empty(detail.Moves);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Moves.MarkReviewedAsync(id, detail.Item.Version, "x"));
    }
}
