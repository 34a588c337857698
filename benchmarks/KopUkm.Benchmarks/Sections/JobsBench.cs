using System.Diagnostics;
using KopUkm.Benchmarks.Harness;
using KopUkm.Dashboard.Features.Content;
using KopUkm.Dashboard.Features.Tickets;

namespace KopUkm.Benchmarks.Sections;

/// <summary>
/// The recurring jobs over everything they walk: the SLA refresh over all open tickets (with its notifications) and
/// the review-age pass over all live content. The first run does the real catching up (SLA states that moved since
/// seeding, first notifications); later runs are what every five minutes (or every night) costs.
/// </summary>
internal static class JobsBench
{
    private const int Repeats = 5;

    public static async Task<IReadOnlyList<JobResult>> RunAsync(BenchApp app)
    {
        var monitor = app.Get<TicketSlaMonitor>();
        var started = Stopwatch.GetTimestamp();
        var first = await monitor.RefreshOpenTicketsAsync();
        var firstMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        SlaRefreshResult last = first;
        var repeats = await Timing.MeasureAsync(async () => last = await monitor.RefreshOpenTicketsAsync(), 0, Repeats);
        var sla = new JobResult(
            "SLA refresh (open tickets)", first.OpenTickets, firstMs, repeats,
            $"first run: {first.Changed:N0} changed, {first.NotificationsSent:N0} notifications; later runs: {last.Changed:N0} changed, {last.NotificationsSent:N0} sent");

        var reviewAge = app.Get<ContentReviewAgeService>();
        started = Stopwatch.GetTimestamp();
        var firstPass = await reviewAge.RunAsync();
        firstMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        ReviewAgeResult lastPass = firstPass;
        repeats = await Timing.MeasureAsync(async () => lastPass = await reviewAge.RunAsync(), 0, Repeats);
        var age = new JobResult(
            "review age (live content)", firstPass.Scanned, firstMs, repeats,
            $"first run: {firstPass.Updated:N0} updated, {firstPass.FlaggedStale:N0} flagged; later runs: {lastPass.Updated:N0} updated");
        return [sla, age];
    }
}

/// <param name="Items">What one run walks (open tickets, live items).</param>
internal sealed record JobResult(string Job, int Items, double FirstRunMs, Sample Repeats, string Detail)
{
    public double ItemsPerSecond => Items / (Repeats.P50 / 1000);

    public double FirstRunItemsPerSecond => Items / (FirstRunMs / 1000);
}
