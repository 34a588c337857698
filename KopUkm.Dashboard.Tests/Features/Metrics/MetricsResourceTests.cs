using System.Xml.Linq;
using KopUkm.Dashboard.Features.Metrics;
using KopUkm.Dashboard.Tests.TestInfrastructure;

namespace KopUkm.Dashboard.Tests.Features.Metrics;

/// <summary>The metrics build text keys from enum names; every one must exist in both languages.</summary>
public sealed class MetricsResourceTests
{
    public static TheoryData<string> Files => ["SharedResource.resx", "SharedResource.en.resx"];

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_metric_group_metric_and_period_kind_has_its_texts(string file)
    {
        var keys = XDocument.Load(Path.Combine(RepoPaths.App, "Resources", file)).Root!.Elements("data")
            .Select(d => d.Attribute("name")!.Value).ToHashSet();
        var expected = Enum.GetNames<MetricGroup>().SelectMany(g => new[] { $"Metrics.Group.{g}", $"Metrics.Definition.{g}" })
            .Concat(Enum.GetNames<CoordinationMetric>().SelectMany(m => new[] { $"Metrics.Column.{m}", $"Metrics.Name.{m}", $"Metrics.Empty.{m}" }))
            .Concat(Enum.GetNames<MetricPeriodKind>().Select(k => $"Metrics.PeriodKind.{k}"))
            .Append("Metrics.Definition.Stages")
            .Append("Metrics.Empty.Stages");

        var missing = expected.Except(keys).ToList();

        Assert.Empty(missing);
    }
}
