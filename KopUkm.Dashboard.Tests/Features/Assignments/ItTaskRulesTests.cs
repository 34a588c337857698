using KopUkm.Dashboard.Features.Assignments;

namespace KopUkm.Dashboard.Tests.Features.Assignments;

public sealed class ItTaskRulesTests
{
    [Fact]
    public void Ties_on_hours_go_to_fewer_open_items_then_to_the_name()
    {
        var ranked = ItTaskRules.RankByLoad(
        [
            new("c", "Citra", 2, 4m, 0),
            new("b", "Bayu", 1, 4m, 0),
            new("a", "Agus", 1, 4m, 1),
            new("z", "Zainal", 5, 3.5m, 0),
        ]);

        Assert.Equal(["Zainal", "Agus", "Bayu", "Citra"], ranked.Select(r => r.Name));
    }
}
