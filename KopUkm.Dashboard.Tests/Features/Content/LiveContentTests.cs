using KopUkm.Dashboard.Features.Content;

namespace KopUkm.Dashboard.Tests.Features.Content;

public sealed class LiveContentTests
{
    [Fact]
    public void Published_and_stale_items_are_live_and_nothing_else_is() =>
        Assert.Equal(
            [ContentState.Terbit, ContentState.PerluPembaruan],
            Enum.GetValues<ContentState>().Where(LiveContent.IsLiveState).Order());

    [Fact]
    public void The_query_form_and_the_in_memory_form_agree_on_every_state()
    {
        var isLive = LiveContent.IsLive.Compile();

        Assert.All(Enum.GetValues<ContentState>(), state =>
            Assert.Equal(LiveContent.IsLiveState(state), isLive(new ContentItem { Title = "x", State = state })));
    }
}
