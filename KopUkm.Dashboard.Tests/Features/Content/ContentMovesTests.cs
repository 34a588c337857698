using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Content;

namespace KopUkm.Dashboard.Tests.Features.Content;

public sealed class ContentMovesTests : ContentScenario
{
    [Fact]
    public async Task Only_the_division_head_approves_and_the_server_refuses_moves_outside_the_workflow()
    {
        var id = await CreateAsync();

        var skip = await Moves.MoveAsync(id, (await ItemAsync(id)).Version, ContentState.Terbit, null);
        Assert.Equal("Content.MoveNotAllowed", Assert.Single(skip.Errors).MessageKey);

        await MoveAsync(id, ContentState.Ditinjau);
        var selfApproval = await Moves.MoveAsync(id, (await ItemAsync(id)).Version, ContentState.Disetujui, null);
        Assert.Equal("Content.ApproverOnly", Assert.Single(selfApproval.Errors).MessageKey);
        Assert.DoesNotContain(ContentState.Disetujui, (await Details.GetAsync(id))!.Moves);

        ActAsHead();
        Assert.Contains(ContentState.Disetujui, (await Details.GetAsync(id))!.Moves);
        await MoveAsync(id, ContentState.Disetujui);
        await MoveAsync(id, ContentState.Terbit);

        var item = await ItemAsync(id);
        Assert.Equal(ContentState.Terbit, item.State);
        Assert.Equal(App.Clock.GetUtcNow().UtcDateTime, item.PublishedAtUtc);
        Assert.Equal(App.Clock.GetUtcNow().UtcDateTime.AddDays(90), item.ReviewDueAtUtc);
        Assert.Equal(ContentFreshness.Fresh, item.Freshness);
    }

    [Fact]
    public async Task Publishing_can_be_scheduled_and_the_review_clock_starts_then()
    {
        var id = await CreateAsync();
        await MoveAsync(id, ContentState.Ditinjau);
        ActAsHead();
        await MoveAsync(id, ContentState.Disetujui);
        var goLive = App.Clock.GetUtcNow().UtcDateTime.AddDays(10);

        var result = await Moves.MoveAsync(id, (await ItemAsync(id)).Version, ContentState.Terbit, null, goLive);

        Assert.True(result.Succeeded);
        var item = await ItemAsync(id);
        Assert.Equal(goLive, item.PublishedAtUtc);
        Assert.Equal(goLive.AddDays(90), item.ReviewDueAtUtc);
    }

    [Fact]
    public async Task Sending_back_and_flagging_need_a_reason_which_the_history_keeps()
    {
        var id = await CreateAsync();
        await MoveAsync(id, ContentState.Ditinjau);
        ActAsHead();

        var silent = await Moves.MoveAsync(id, (await ItemAsync(id)).Version, ContentState.Draf, "  ");
        Assert.Equal("Content.ReasonRequired", Assert.Single(silent.Errors).MessageKey);

        await MoveAsync(id, ContentState.Draf, "Lengkapi daftar dokumen.");
        var last = (await Details.GetAsync(id))!.History[0];
        Assert.Equal((ContentState.Ditinjau, ContentState.Draf, "Lengkapi daftar dokumen."), (last.FromState!.Value, last.ToState!.Value, last.Text));
        Assert.Equal("Penguji", last.ByName);
    }

    [Fact]
    public async Task Marking_reviewed_keeps_the_content_moves_the_date_on_and_returns_a_stale_page_to_published()
    {
        var id = await PublishedAsync();
        App.Clock.Advance(TimeSpan.FromDays(100));
        await App.Get<ContentReviewAgeService>().RunAsync();
        var stale = await ItemAsync(id);
        Assert.Equal((ContentState.PerluPembaruan, ContentFreshness.Overdue, StaleReason.ReviewOverdue), (stale.State, stale.Freshness, stale.StaleReason));

        var empty = await Moves.MarkReviewedAsync(id, stale.Version, " ");
        Assert.Equal("Content.ReviewNoteRequired", Assert.Single(empty.Errors).MessageKey);

        var result = await Moves.MarkReviewedAsync(id, stale.Version, "Persyaratan masih sesuai Permenkop terbaru.");

        Assert.True(result.Succeeded);
        var item = await ItemAsync(id);
        Assert.Equal(ContentState.Terbit, item.State);
        Assert.Equal(StaleReason.None, item.StaleReason);
        Assert.Equal(ContentFreshness.Fresh, item.Freshness);
        Assert.Equal(App.Clock.GetUtcNow().UtcDateTime.AddDays(90), item.ReviewDueAtUtc);
        Assert.Equal("Persyaratan masih sesuai Permenkop terbaru.", item.LastReviewNote);
        Assert.Equal(stale.Title, item.Title);
        var review = (await Details.GetAsync(id))!.History[0];
        Assert.Equal((ContentEventKind.Reviewed, ContentState.Terbit), (review.Kind, review.ToState!.Value));

        var overdue = await Queues.ListAsync(new PageRequest(0, 25), new ContentFilter { Attention = ContentAttention.Overdue });
        Assert.Empty(overdue.Items);
    }

    [Fact]
    public async Task A_draft_cannot_be_marked_reviewed()
    {
        var id = await CreateAsync();
        var result = await Moves.MarkReviewedAsync(id, (await ItemAsync(id)).Version, "Sudah dicek.");
        Assert.Equal("Content.ReviewOnlyLive", Assert.Single(result.Errors).MessageKey);
    }
}
