using KopUkm.Dashboard.Features.Content;

namespace KopUkm.Dashboard.Tests.Features.Content;

public sealed class ContentWorkflowTests
{
    [Theory]
    [InlineData(ContentState.Draf, ContentState.Ditinjau)]
    [InlineData(ContentState.Ditinjau, ContentState.Disetujui)]
    [InlineData(ContentState.Ditinjau, ContentState.Draf)]
    [InlineData(ContentState.Disetujui, ContentState.Terbit)]
    [InlineData(ContentState.Terbit, ContentState.PerluPembaruan)]
    [InlineData(ContentState.PerluPembaruan, ContentState.Ditinjau)]
    [InlineData(ContentState.Terbit, ContentState.Diarsipkan)]
    [InlineData(ContentState.Diarsipkan, ContentState.Draf)]
    public void Allowed_moves(ContentState from, ContentState to) => Assert.True(ContentWorkflow.CanMove(from, to));

    [Theory]
    [InlineData(ContentState.Draf, ContentState.Terbit)]
    [InlineData(ContentState.Draf, ContentState.Disetujui)]
    [InlineData(ContentState.Ditinjau, ContentState.Terbit)]
    [InlineData(ContentState.PerluPembaruan, ContentState.Terbit)]
    [InlineData(ContentState.Diarsipkan, ContentState.Terbit)]
    [InlineData(ContentState.Terbit, ContentState.Draf)]
    public void Refused_moves(ContentState from, ContentState to) => Assert.False(ContentWorkflow.CanMove(from, to));

    [Fact]
    public void Every_state_can_be_archived_except_archived_itself() =>
        Assert.All(Enum.GetValues<ContentState>().Where(s => s != ContentState.Diarsipkan), s => Assert.True(ContentWorkflow.CanMove(s, ContentState.Diarsipkan)));

    [Fact]
    public void Sending_back_flagging_and_archiving_need_a_reason()
    {
        Assert.True(ContentWorkflow.RequiresReason(ContentState.Ditinjau, ContentState.Draf));
        Assert.True(ContentWorkflow.RequiresReason(ContentState.Terbit, ContentState.PerluPembaruan));
        Assert.True(ContentWorkflow.RequiresReason(ContentState.Terbit, ContentState.Diarsipkan));
        Assert.False(ContentWorkflow.RequiresReason(ContentState.Draf, ContentState.Ditinjau));
        Assert.False(ContentWorkflow.RequiresReason(ContentState.Disetujui, ContentState.Terbit));
    }
}
