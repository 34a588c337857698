using System.Xml.Linq;
using KopUkm.Dashboard.Features.Content;
using KopUkm.Dashboard.Features.Content.Cadence;
using KopUkm.Dashboard.Tests.TestInfrastructure;

namespace KopUkm.Dashboard.Tests.Features.Content.Cadence;

/// <summary>Keys built from enum names ("ContentChannel.X", "CadenceStatus.Late") exist in both languages.</summary>
public sealed class CadenceTextsTests
{
    [Theory]
    [InlineData("SharedResource.resx")]
    [InlineData("SharedResource.en.resx")]
    public void Every_channel_and_cadence_status_has_a_text(string file)
    {
        var keys = XDocument.Load(Path.Combine(RepoPaths.App, "Resources", file)).Root!.Elements("data").Select(d => d.Attribute("name")!.Value).ToHashSet();

        Assert.All(Enum.GetNames<ContentChannel>(), c => Assert.Contains($"ContentChannel.{c}", keys));
        Assert.All(Enum.GetNames<CadenceStatus>(), s => Assert.Contains($"CadenceStatus.{s}", keys));
    }
}
