using Bunit;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Components.Shared;
using KopUkm.Dashboard.Tests.TestInfrastructure;

namespace KopUkm.Dashboard.Tests.Components.Shared;

public sealed class FormFeedbackTests : AppBunitContext
{
    [Fact]
    public async Task A_conflict_explains_itself_in_indonesian_and_offers_to_reload()
    {
        var reloaded = false;
        var feedback = Render<FormFeedback>(p => p
            .Add(f => f.Result, CommandResult.Conflict())
            .Add(f => f.OnReload, () => reloaded = true));

        Assert.Contains("sudah diubah oleh pengguna lain", feedback.Find("[data-testid=conflict-alert]").TextContent, StringComparison.Ordinal);
        await feedback.Find("[data-testid=conflict-alert] button").ClickAsync(new());
        Assert.True(reloaded);
    }

    [Fact]
    public void Errors_shown_beside_a_field_are_not_repeated_above_the_form()
    {
        var result = new CommandResult([new("Name", "Validation.Required", []), new(null, "Users.NotFound", [])]);

        var feedback = Render<FormFeedback>(p => p.Add(f => f.Result, result).Add(f => f.ShownFields, ["Name"]));

        var alert = Assert.Single(feedback.FindAll(".mud-alert"));
        Assert.Contains("Pengguna tidak ditemukan.", alert.TextContent, StringComparison.Ordinal);
    }
}
