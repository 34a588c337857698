using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Content;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Tests.Features.Content;

public sealed class ContentQueuesTests : ContentScenario
{
    [Fact]
    public async Task The_queue_counts_states_due_soon_overdue_and_broken_and_filters_exactly_those()
    {
        var fresh = await PublishedAsync();
        var dueSoon = await PublishedAsync(Form("https://dinaskopukm.jambiprov.go.id/koperasi/b"));
        var overdue = await PublishedAsync(Form("https://dinaskopukm.jambiprov.go.id/koperasi/c"));
        await CreateAsync(Form("https://dinaskopukm.jambiprov.go.id/koperasi/d"));
        await using (var db = await App.DbAsync())
        {
            var now = App.Clock.GetUtcNow().UtcDateTime;
            await db.Set<ContentItem>().Where(c => c.Id == dueSoon).ExecuteUpdateAsync(s => s.SetProperty(c => c.PublishedAtUtc, now.AddDays(-80)));
            await db.Set<ContentItem>().Where(c => c.Id == overdue).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.PublishedAtUtc, now.AddDays(-120)).SetProperty(c => c.LiveStatus, LiveStatus.Broken));
        }

        await App.Get<ContentReviewAgeService>().RunAsync();
        var summary = await Queues.GetSummaryAsync(null);

        Assert.Equal((1, 1, 1), (summary.DueSoon, summary.Overdue, summary.Broken));
        Assert.Equal((1, 2, 1), (summary.CountByState[ContentState.Draf], summary.CountByState[ContentState.Terbit], summary.CountByState[ContentState.PerluPembaruan]));
        async Task<long[]> Ids(ContentAttention attention) =>
            [.. (await Queues.ListAsync(new PageRequest(0, 25), new ContentFilter { Attention = attention })).Items.Select(r => r.Id)];
        Assert.Equal([dueSoon], await Ids(ContentAttention.DueSoon));
        Assert.Equal([overdue], await Ids(ContentAttention.Overdue));
        Assert.Equal([overdue], await Ids(ContentAttention.Broken));
        Assert.Contains(fresh, await Ids(ContentAttention.Any));
    }
}
