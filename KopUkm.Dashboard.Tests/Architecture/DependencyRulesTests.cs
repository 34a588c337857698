namespace KopUkm.Dashboard.Tests.Architecture;

/// <summary>
/// The dependency rules of docs/architecture.md, checked on the compiled app: features depend on the shared kernel
/// and Data, never in a circle; the kernel and Data know no feature; only the host composes features.
/// </summary>
public sealed class DependencyRulesTests
{
    /// <summary>The shared kernel: what every feature may use.</summary>
    public static readonly IReadOnlySet<string> Kernel = new HashSet<string>(StringComparer.Ordinal)
    {
        "Common", "Localization", "Features.Security", "Features.Account", "Features.Organization", "Features.Calendar", "Features.Notifications", "Features.Email",
    };

    private static readonly ModuleGraph Graph = ModuleGraph.Load();

    private static HashSet<string> Features => Graph.Edges.Keys
        .Concat(Graph.Edges.Values.SelectMany(t => t.Keys))
        .Where(m => m.StartsWith("Features.", StringComparison.Ordinal) && !Kernel.Contains(m))
        .ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void The_graph_is_read_from_the_compiled_app()
    {
        // Known edges, so a reader that silently found nothing cannot pass the rules below.
        Assert.Contains("Features.Tickets", Graph.UsesOf("Host"));
        Assert.Contains("Features.Assignments", Graph.UsesOf("Features.Tickets"));
        Assert.Contains("Common", Graph.UsesOf("Features.Assignments"));
        Assert.True(Features.Count >= 8, string.Join(", ", Features));
    }

    [Fact]
    public void Features_form_no_cycle()
    {
        var cycles = Graph.Cycles(Features.Concat(Kernel).ToHashSet(StringComparer.Ordinal));

        Assert.True(cycles.Count == 0, "Dependency cycles between features:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void The_kernel_uses_no_feature()
    {
        var offending = Kernel.SelectMany(k => Graph.UsesOf(k).Where(Features.Contains).Select(f => $"{k} → {f} (e.g. {Graph.Example(k, f)})")).ToList();

        Assert.True(offending.Count == 0, "The kernel must not know features:\n" + string.Join("\n", offending));
    }

    [Fact]
    public void Data_uses_no_feature_kernel_or_host()
    {
        var offending = Graph.UsesOf("Data")
            .Where(m => m.StartsWith("Features.", StringComparison.Ordinal) || m is "Host" or "Components" or "Jobs")
            .Select(m => $"Data → {m} (e.g. {Graph.Example("Data", m)})")
            .ToList();

        Assert.True(offending.Count == 0, "Data sits below every feature:\n" + string.Join("\n", offending));
    }

    [Fact]
    public void Only_the_entry_point_uses_the_host()
    {
        var offending = Graph.Edges.Where(e => e.Key is not ("Host" or "App") && e.Value.ContainsKey("Host"))
            .Select(e => $"{e.Key} → Host (e.g. {Graph.Example(e.Key, "Host")})")
            .ToList();

        Assert.True(offending.Count == 0, "The composition root is used by nothing but Program:\n" + string.Join("\n", offending));
    }

    [Fact]
    public void The_cycle_finder_finds_a_cycle()
    {
        // Tickets embeds the IT task panel; were Assignments to use Tickets back, that is the circle the rule forbids.
        var withBackEdge = Graph.Cycles(new HashSet<string>(StringComparer.Ordinal) { "Features.Tickets", "Features.Assignments" }, extraEdge: ("Features.Assignments", "Features.Tickets"));

        Assert.Single(withBackEdge);
    }
}
