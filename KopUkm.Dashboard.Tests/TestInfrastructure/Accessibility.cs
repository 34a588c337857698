using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace KopUkm.Dashboard.Tests.TestInfrastructure;

/// <summary>
/// Accessibility checks as a browser sees the page: axe-core's WCAG 2.0/2.1 A and AA rules, failing on any serious
/// or critical violation, and the phone-width rule that no page scrolls sideways.
/// </summary>
public static class Accessibility
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        // Only violations are read; axe then reports one node per passing rule instead of every node, which makes a
        // run on a large page several times cheaper to hand back to the test.
        ResultTypes = [ResultType.Violations],
    };

    /// <summary>Runs axe on the page as it is now; the failure lists each rule, its impact and the offending nodes.</summary>
    public static async Task AssertNoSeriousAxeViolationsAsync(this IPage page)
    {
        var result = await page.RunAxe(WcagAa);
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .ToList();
        Assert.True(serious.Count == 0, $"axe found serious or critical violations on {page.Url}:\n" + Describe(serious));
    }

    /// <summary>True when the document is no wider than the viewport (nothing to scroll sideways).</summary>
    public static async Task AssertNoSidewaysScrollAsync(this IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{page.Url} is {widths[0]} px wide in a {widths[1]} px window: it scrolls sideways.");
    }

    private static string Describe(IEnumerable<AxeResultItem> violations) => string.Join("\n", violations.Select(v =>
        $"- {v.Id} ({v.Impact}): {v.Help}\n" + string.Join("\n", v.Nodes.Take(5).Select(n => $"    {string.Join(" ", n.Target)} — {n.Html}"))));
}
