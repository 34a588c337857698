using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Content;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.ServiceCatalog;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Tests.Features.Content;

public sealed class ContentServiceTests : IAsyncLifetime
{
    private TestServices app = default!;
    private int klm;
    private int umk;
    private string editorKlm = "";
    private string headKlm = "";

    private ContentService Contents => app.Get<ContentService>();

    public async Task InitializeAsync()
    {
        app = await TestServices.CreateAsync();
        var divisions = await app.Get<OrganizationService>().ListDivisionsAsync();
        klm = divisions.Single(d => d.Code == "KLM").Id;
        umk = divisions.Single(d => d.Code == "UMK").Id;
        editorKlm = await app.CreateUserAsync("editor@klm.test", "Dewi Editor", AppRoles.Petugas, klm);
        headKlm = await app.CreateUserAsync("kabid@klm.test", "Hendra Kabid", AppRoles.KepalaBidang, klm);
        ActAsEditor();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private void ActAsEditor() => app.ActAs(AppRoles.Petugas, klm, editorKlm, divisionCode: "KLM");

    private void ActAsHead() => app.ActAs(AppRoles.KepalaBidang, klm, headKlm, divisionCode: "KLM");

    private ContentForm Form(string url = "https://dinaskopukm.jambiprov.go.id/koperasi/persyaratan-pendirian") => new()
    {
        Title = "Persyaratan Pendirian Koperasi",
        Url = url,
        OwnerDivisionId = klm,
        EditorUserId = editorKlm,
        Category = InformationCategory.SetiapSaat,
    };

    private async Task<ContentItem> ItemAsync(long id) => (await Contents.GetAsync(id))!.Item;

    private async Task<long> CreateAsync(ContentForm? form = null)
    {
        var (result, id) = await Contents.CreateAsync(form ?? Form());
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.MessageKey)));
        return id!.Value;
    }

    private async Task MoveAsync(long id, ContentState to, string? reason = null)
    {
        var result = await Contents.MoveAsync(id, (await ItemAsync(id)).Version, to, reason);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.MessageKey)));
    }

    /// <summary>Draft → review → approved by the head → published.</summary>
    private async Task<long> PublishedAsync(ContentForm? form = null)
    {
        var id = await CreateAsync(form);
        await MoveAsync(id, ContentState.Ditinjau);
        ActAsHead();
        await MoveAsync(id, ContentState.Disetujui);
        ActAsEditor();
        await MoveAsync(id, ContentState.Terbit);
        return id;
    }

    [Fact]
    public async Task A_new_item_starts_as_a_draft_with_its_editor_and_a_history()
    {
        var id = await CreateAsync();
        var detail = (await Contents.GetAsync(id))!;

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

        var (result, id) = await Contents.CreateAsync(form);

        Assert.Null(id);
        Assert.Contains(result.Errors, e => e is { Field: "Title", MessageKey: "Validation.Required" });
        Assert.Contains(result.Errors, e => e is { Field: "Url", MessageKey: "Content.UrlInvalid" });
        Assert.Contains(result.Errors, e => e is { Field: "ReviewIntervalDaysOverride", MessageKey: "Validation.Range" });
        Assert.Contains(result.Errors, e => e is { Field: "Channel", MessageKey: "Content.SocialNeedsChannel" });
        await using var db = await app.DbAsync();
        Assert.False(await db.Set<ContentItem>().AnyAsync());
    }

    [Fact]
    public async Task One_url_belongs_to_one_item_and_an_editor_must_belong_to_the_division()
    {
        await CreateAsync();
        var again = Form("https://dinaskopukm.jambiprov.go.id/koperasi/persyaratan-pendirian#bagian-2");
        var (result, _) = await Contents.CreateAsync(again);
        Assert.Contains(result.Errors, e => e is { Field: "Url", MessageKey: "Content.UrlTaken" });

        var outsider = await app.CreateUserAsync("x@umk.test", "Orang UMK", AppRoles.Petugas, umk);
        var wrongEditor = Form("https://dinaskopukm.jambiprov.go.id/koperasi/lain");
        wrongEditor.EditorUserId = outsider;
        (result, _) = await Contents.CreateAsync(wrongEditor);
        Assert.Contains(result.Errors, e => e is { Field: "EditorUserId", MessageKey: "Content.EditorNotInDivision" });
    }

    [Fact]
    public async Task Only_the_division_head_approves_and_the_server_refuses_moves_outside_the_workflow()
    {
        var id = await CreateAsync();

        var skip = await Contents.MoveAsync(id, (await ItemAsync(id)).Version, ContentState.Terbit, null);
        Assert.Equal("Content.MoveNotAllowed", Assert.Single(skip.Errors).MessageKey);

        await MoveAsync(id, ContentState.Ditinjau);
        var selfApproval = await Contents.MoveAsync(id, (await ItemAsync(id)).Version, ContentState.Disetujui, null);
        Assert.Equal("Content.ApproverOnly", Assert.Single(selfApproval.Errors).MessageKey);
        Assert.DoesNotContain(ContentState.Disetujui, (await Contents.GetAsync(id))!.Moves);

        ActAsHead();
        Assert.Contains(ContentState.Disetujui, (await Contents.GetAsync(id))!.Moves);
        await MoveAsync(id, ContentState.Disetujui);
        await MoveAsync(id, ContentState.Terbit);

        var item = await ItemAsync(id);
        Assert.Equal(ContentState.Terbit, item.State);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, item.PublishedAtUtc);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddDays(90), item.ReviewDueAtUtc);
        Assert.Equal(ContentFreshness.Fresh, item.Freshness);
    }

    [Fact]
    public async Task Publishing_can_be_scheduled_and_the_review_clock_starts_then()
    {
        var id = await CreateAsync();
        await MoveAsync(id, ContentState.Ditinjau);
        ActAsHead();
        await MoveAsync(id, ContentState.Disetujui);
        var goLive = app.Clock.GetUtcNow().UtcDateTime.AddDays(10);

        var result = await Contents.MoveAsync(id, (await ItemAsync(id)).Version, ContentState.Terbit, null, goLive);

        Assert.True(result.Succeeded);
        var item = await ItemAsync(id);
        Assert.Equal(goLive, item.PublishedAtUtc);
        Assert.Equal(goLive.AddDays(90), item.ReviewDueAtUtc);
    }

    [Fact]
    public async Task Sending_back_and_flagging_need_a_reason_which_the_history_keeps()
    {
        var id = await CreateAsync();
        await MoveAsync(id, ContentState.Ditinjau);
        ActAsHead();

        var silent = await Contents.MoveAsync(id, (await ItemAsync(id)).Version, ContentState.Draf, "  ");
        Assert.Equal("Content.ReasonRequired", Assert.Single(silent.Errors).MessageKey);

        await MoveAsync(id, ContentState.Draf, "Lengkapi daftar dokumen.");
        var last = (await Contents.GetAsync(id))!.History[0];
        Assert.Equal((ContentState.Ditinjau, ContentState.Draf, "Lengkapi daftar dokumen."), (last.FromState!.Value, last.ToState!.Value, last.Text));
        Assert.Equal("Penguji", last.ByName);
    }

    [Fact]
    public async Task Marking_reviewed_keeps_the_content_moves_the_date_on_and_returns_a_stale_page_to_published()
    {
        var id = await PublishedAsync();
        app.Clock.Advance(TimeSpan.FromDays(100));
        await app.Get<ContentReviewAgeService>().RunAsync();
        var stale = await ItemAsync(id);
        Assert.Equal((ContentState.PerluPembaruan, ContentFreshness.Overdue, StaleReason.ReviewOverdue), (stale.State, stale.Freshness, stale.StaleReason));

        var empty = await Contents.MarkReviewedAsync(id, stale.Version, " ");
        Assert.Equal("Content.ReviewNoteRequired", Assert.Single(empty.Errors).MessageKey);

        var result = await Contents.MarkReviewedAsync(id, stale.Version, "Persyaratan masih sesuai Permenkop terbaru.");

        Assert.True(result.Succeeded);
        var item = await ItemAsync(id);
        Assert.Equal(ContentState.Terbit, item.State);
        Assert.Equal(StaleReason.None, item.StaleReason);
        Assert.Equal(ContentFreshness.Fresh, item.Freshness);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddDays(90), item.ReviewDueAtUtc);
        Assert.Equal("Persyaratan masih sesuai Permenkop terbaru.", item.LastReviewNote);
        Assert.Equal(stale.Title, item.Title);
        var review = (await Contents.GetAsync(id))!.History[0];
        Assert.Equal((ContentEventKind.Reviewed, ContentState.Terbit), (review.Kind, review.ToState!.Value));

        var overdue = await Contents.ListAsync(new PageRequest(0, 25), new ContentFilter { Attention = ContentAttention.Overdue });
        Assert.Empty(overdue.Items);
    }

    [Fact]
    public async Task A_draft_cannot_be_marked_reviewed()
    {
        var id = await CreateAsync();
        var result = await Contents.MarkReviewedAsync(id, (await ItemAsync(id)).Version, "Sudah dicek.");
        Assert.Equal("Content.ReviewOnlyLive", Assert.Single(result.Errors).MessageKey);
    }

    [Fact]
    public async Task Two_people_saving_the_same_item_do_not_overwrite_each_other()
    {
        var id = await PublishedAsync();
        var seen = (await ItemAsync(id)).Version;
        Assert.True((await Contents.MarkReviewedAsync(id, seen, "Dicek oleh editor pertama.")).Succeeded);

        var form = Form();
        form.Title = "Judul dari editor kedua";
        var late = await Contents.UpdateAsync(id, seen, form);

        Assert.True(late.IsConflict);
        Assert.Equal("Persyaratan Pendirian Koperasi", (await ItemAsync(id)).Title);
    }

    [Fact]
    public async Task Other_divisions_neither_see_nor_change_a_divisions_content()
    {
        var id = await PublishedAsync();
        app.ActAs(AppRoles.Petugas, umk, "umk-officer", divisionCode: "UMK");

        await Assert.ThrowsAsync<AccessDeniedException>(() => Contents.GetAsync(id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Contents.MarkReviewedAsync(id, 1, "x"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Contents.CreateAsync(Form("https://dinaskopukm.jambiprov.go.id/lain")));
        // Asking for another division's queue still only shows one's own.
        var list = await Contents.ListAsync(new PageRequest(0, 25), new ContentFilter { DivisionId = klm });
        Assert.Empty(list.Items);
        Assert.Equal(0, (await Contents.GetSummaryAsync(klm)).CountByState[ContentState.Terbit]);
    }

    [Fact]
    public async Task It_staff_and_leadership_see_every_division_and_leadership_only_reads()
    {
        var id = await PublishedAsync();

        app.ActAs(AppRoles.StafTI, null, "it", divisionCode: "TI");
        Assert.Single((await Contents.ListAsync(new PageRequest(0, 25), new ContentFilter())).Items);
        Assert.True((await Contents.GetAsync(id))!.CanEdit);

        app.ActAs(AppRoles.Pimpinan, null, "boss");
        var detail = (await Contents.GetAsync(id))!;
        Assert.False(detail.CanEdit);
        Assert.Empty(detail.Moves);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Contents.MarkReviewedAsync(id, detail.Item.Version, "x"));
    }

    [Fact]
    public async Task The_queue_counts_states_due_soon_overdue_and_broken_and_filters_exactly_those()
    {
        var fresh = await PublishedAsync();
        var dueSoon = await PublishedAsync(Form("https://dinaskopukm.jambiprov.go.id/koperasi/b"));
        var overdue = await PublishedAsync(Form("https://dinaskopukm.jambiprov.go.id/koperasi/c"));
        await CreateAsync(Form("https://dinaskopukm.jambiprov.go.id/koperasi/d"));
        await using (var db = await app.DbAsync())
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            await db.Set<ContentItem>().Where(c => c.Id == dueSoon).ExecuteUpdateAsync(s => s.SetProperty(c => c.PublishedAtUtc, now.AddDays(-80)));
            await db.Set<ContentItem>().Where(c => c.Id == overdue).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.PublishedAtUtc, now.AddDays(-120)).SetProperty(c => c.LiveStatus, LiveStatus.Broken));
        }

        await app.Get<ContentReviewAgeService>().RunAsync();
        var summary = await Contents.GetSummaryAsync(null);

        Assert.Equal((1, 1, 1), (summary.DueSoon, summary.Overdue, summary.Broken));
        Assert.Equal((1, 2, 1), (summary.CountByState[ContentState.Draf], summary.CountByState[ContentState.Terbit], summary.CountByState[ContentState.PerluPembaruan]));
        async Task<long[]> Ids(ContentAttention attention) =>
            [.. (await Contents.ListAsync(new PageRequest(0, 25), new ContentFilter { Attention = attention })).Items.Select(r => r.Id)];
        Assert.Equal([dueSoon], await Ids(ContentAttention.DueSoon));
        Assert.Equal([overdue], await Ids(ContentAttention.Overdue));
        Assert.Equal([overdue], await Ids(ContentAttention.Broken));
        Assert.Contains(fresh, await Ids(ContentAttention.Any));
    }

    [Fact]
    public async Task A_change_to_a_linked_services_standard_flags_its_pages_at_once()
    {
        var service = (await app.Get<ServiceCatalogService>().ListAsync())[0];
        var form = Form();
        form.ServiceTypeId = service.Id;
        var linked = await PublishedAsync(form);
        var other = await PublishedAsync(Form("https://dinaskopukm.jambiprov.go.id/koperasi/lain"));

        app.ActAs(AppRoles.Administrator, null, "admin");
        var saved = await app.Get<ServiceCatalogService>().SaveAsync(service with { ResolutionWorkingDays = service.ResolutionWorkingDays + 2 });
        Assert.True(saved.Succeeded);

        var item = await ItemAsync(linked);
        Assert.Equal((ContentState.PerluPembaruan, StaleReason.ServiceChanged), (item.State, item.StaleReason));
        Assert.Equal(ContentEventKind.FlaggedStale, (await Contents.GetAsync(linked))!.History[0].Kind);
        Assert.Equal(ContentState.Terbit, (await ItemAsync(other)).State);

        // Renaming the service is not a change of its standard.
        var renamed = (await app.Get<ServiceCatalogService>().ListAsync()).Single(s => s.Id == service.Id);
        await app.Get<ServiceCatalogService>().SaveAsync(renamed with { NameEn = "Renamed" });
        Assert.Equal(ContentState.Terbit, (await ItemAsync(other)).State);
    }
}
