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
            new("a", "Agus", 1, 4m, 0),
            new("z", "Zainal", 5, 3.5m, 0),
        ]);

        Assert.Equal(["Zainal", "Agus", "Bayu", "Citra"], ranked.Select(r => r.Name));
    }

    [Fact]
    public void Overdue_tasks_weigh_half_a_working_day_each_on_top_of_the_open_hours()
    {
        var ranked = ItTaskRules.RankByLoad(
        [
            new("a", "Agus", 2, 4m, 2),     // 4 h + 2 × 3,75 h = 11,5
            new("b", "Bayu", 4, 10m, 0),    // 10
            new("c", "Citra", 3, 6.5m, 1),  // 6,5 + 3,75 = 10,25
            new("d", "Dewi", 1, 6.25m, 1),  // 6,25 + 3,75 = 10: ties with Bayu, and loses on the overdue one
        ]);

        Assert.Equal(["Bayu", "Dewi", "Citra", "Agus"], ranked.Select(r => r.Name));
        Assert.Equal([10m, 10m, 10.25m, 11.5m], ranked.Select(ItTaskRules.WeightedLoad));
    }
}
