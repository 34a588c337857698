using KopUkm.Dashboard.Features.Content;
using KopUkm.Dashboard.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Tests.Features.Content;

public sealed class ContentEditingTests : ContentScenario
{
    [Fact]
    public async Task A_new_item_starts_as_a_draft_with_its_editor_and_a_history()
    {
        var id = await CreateAsync();
        var detail = (await Details.GetAsync(id))!;

        Assert.Equal(ContentState.Draf, detail.Item.State);
        Assert.Equal("Dewi Editor", detail.Item.EditorName);
        Assert.Equal("https://dinaskopukm.jambiprov.go.id/koperasi/persyaratan-pendirian", detail.Item.Url);
        Assert.Equal(ContentEventKind.Created, Assert.Single(detail.History).Kind);
        Assert.Equal(ContentFreshness.NotTracked, detail.Item.Freshness);
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field_and_nothing_is_saved()
    {
        var form = Form("not a url");
        form.Title = " ";
        form.ReviewIntervalDaysOverride = 3;
        form.Kind = ContentKind.SocialPost;

        var (result, id) = await Editing.CreateAsync(form);

        Assert.Null(id);
        Assert.Contains(result.Errors, e => e is { Field: "Title", MessageKey: "Validation.Required" });
        Assert.Contains(result.Errors, e => e is { Field: "Url", MessageKey: "Content.UrlInvalid" });
        Assert.Contains(result.Errors, e => e is { Field: "ReviewIntervalDaysOverride", MessageKey: "Validation.Range" });
        Assert.Contains(result.Errors, e => e is { Field: "Channel", MessageKey: "Content.SocialNeedsChannel" });
        await using var db = await App.DbAsync();
        Assert.False(await db.Set<ContentItem>().AnyAsync());
    }

    [Fact]
    public async Task One_url_belongs_to_one_item_and_an_editor_must_belong_to_the_division()
    {
        await CreateAsync();
        var again = Form("https://dinaskopukm.jambiprov.go.id/koperasi/persyaratan-pendirian#bagian-2");
        var (result, _) = await Editing.CreateAsync(again);
        Assert.Contains(result.Errors, e => e is { Field: "Url", MessageKey: "Content.UrlTaken" });

        var outsider = await App.CreateUserAsync("x@umk.test", "Orang UMK", AppRoles.Petugas, Umk);
        var wrongEditor = Form("https://dinaskopukm.jambiprov.go.id/koperasi/lain");
        wrongEditor.EditorUserId = outsider;
        (result, _) = await Editing.CreateAsync(wrongEditor);
        Assert.Contains(result.Errors, e => e is { Field: "EditorUserId", MessageKey: "Content.EditorNotInDivision" });
    }

    [Fact]
    public async Task Two_people_saving_the_same_item_do_not_overwrite_each_other()
    {
        var id = await PublishedAsync();
        var seen = (await ItemAsync(id)).Version;
        Assert.True((await Moves.MarkReviewedAsync(id, seen, "Dicek oleh editor pertama.")).Succeeded);

        var form = Form();
        form.Title = "Judul dari editor kedua";
        var late = await Editing.UpdateAsync(id, seen, form);

        Assert.True(late.IsConflict);
        Assert.Equal("Persyaratan Pendirian Koperasi", (await ItemAsync(id)).Title);
    }
}
