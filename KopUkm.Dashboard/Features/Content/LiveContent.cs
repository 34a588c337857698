using System.Linq.Expressions;

namespace KopUkm.Dashboard.Features.Content;

/// <summary>
/// What "live" means for content: on the public site, published (<see cref="ContentState.Terbit"/>) or published and
/// flagged for an update (<see cref="ContentState.PerluPembaruan"/>). Review dates, the live-site check, the digest,
/// the queue's headline and the dashboard all count this, and only this.
/// </summary>
public static class LiveContent
{
    /// <summary>The rule for queries: <c>db.Set&lt;ContentItem&gt;().Where(LiveContent.IsLive)</c>.</summary>
    public static Expression<Func<ContentItem, bool>> IsLive { get; } =
        c => c.State == ContentState.Terbit || c.State == ContentState.PerluPembaruan;

    /// <summary>The same rule for an item in memory (LiveContentTests checks the two agree on every state).</summary>
    public static bool IsLiveState(ContentState state) => state is ContentState.Terbit or ContentState.PerluPembaruan;
}
