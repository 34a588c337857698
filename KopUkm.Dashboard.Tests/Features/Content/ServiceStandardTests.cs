using KopUkm.Dashboard.Features.Content;
using KopUkm.Dashboard.Features.Content.Standards;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.ServiceCatalog;

namespace KopUkm.Dashboard.Tests.Features.Content;

/// <summary>Service standards in the content queue: what the public reads, who writes and approves, and staleness.</summary>
public sealed class ServiceStandardTests : ContentScenario
{
    private PublicServiceStandards Public => App.Get<PublicServiceStandards>();

    private async Task<ServiceItem> KlmServiceAsync() =>
        (await App.Get<ServiceCatalogService>().ListAsync()).Single(s => s.Code == "KONS-KOP");

    private async Task<ContentForm> StandardFormAsync(string requirements = "- KTP pengurus\n- Akta pendirian")
    {
        var form = Form(url: "");
        form.Title = "Standar Pelayanan Konsultasi Koperasi";
        form.Kind = ContentKind.ServiceStandard;
        form.ServiceTypeId = (await KlmServiceAsync()).Id;
        form.Standard = new ServiceStandardForm
        {
            Requirements = requirements,
            Procedure = "1. Ajukan permohonan\n2. Konsultasi",
            Duration = "Paling lambat 5 hari kerja.",
            Fees = "Tidak dipungut biaya.",
            Product = "Catatan hasil konsultasi.",
            Complaints = "Melalui SP4N-LAPOR!",
            LegalBasis = "- UU 25/2009 tentang Pelayanan Publik",
        };
        return form;
    }

    private async Task<string> PublicRequirementsAsync() =>
        (await Public.GetAsync("kons-kop"))!.Text!.Components.Single(c => c.Field == nameof(StandardTexts.Requirements)).Html;

    [Fact]
    public async Task A_standard_becomes_public_only_when_the_head_approved_it_and_it_is_published()
    {
        var id = await CreateAsync(await StandardFormAsync());
        Assert.Null((await Public.GetAsync("KONS-KOP"))!.Text);

        await MoveAsync(id, ContentState.Ditinjau);
        var selfApproval = await Moves.MoveAsync(id, (await ItemAsync(id)).Version, ContentState.Disetujui, null);
        Assert.Equal("Content.ApproverOnly", Assert.Single(selfApproval.Errors).MessageKey);
        ActAsHead();
        await MoveAsync(id, ContentState.Disetujui);
        var approvedAt = App.Clock.GetUtcNow().UtcDateTime;
        Assert.Null((await Public.GetAsync("KONS-KOP"))!.Text);
        App.Clock.Advance(TimeSpan.FromDays(2));
        ActAsEditor();
        await MoveAsync(id, ContentState.Terbit);

        var standard = (await Public.GetAsync("KONS-KOP"))!;
        Assert.Equal("KLM", standard.DivisionCode);
        Assert.Contains("<li>Akta pendirian</li>", await PublicRequirementsAsync(), StringComparison.Ordinal);
        Assert.Equal(6, standard.Text!.Components.Count);
        Assert.Contains("UU 25/2009", standard.Text.LegalBasisHtml, StringComparison.Ordinal);
        // "Terakhir ditinjau" is the approval of the published text, a WIB date.
        Assert.Equal(DateOnly.FromDateTime(KopUkm.Dashboard.Localization.WibTime.ToWib(approvedAt)), standard.Text.LastReviewedWib);
        Assert.True((await Public.ListAsync(null, null)).Single(r => r.Code == "KONS-KOP").HasStandard);
        // Standards need no address on another site: they are published by this product.
        Assert.Null((await ItemAsync(id)).Url);
    }

    [Fact]
    public async Task Editing_a_published_standard_changes_nothing_public_until_the_head_approves_again()
    {
        var id = await PublishedAsync(await StandardFormAsync());
        var edit = await StandardFormAsync("- KTP pengurus\n- Akta pendirian\n- NIB koperasi");

        var saved = await Editing.UpdateAsync(id, (await ItemAsync(id)).Version, edit);

        Assert.True(saved.Succeeded);
        var item = await ItemAsync(id);
        Assert.Equal((ContentState.PerluPembaruan, StaleReason.StandardEdited), (item.State, item.StaleReason));
        Assert.DoesNotContain("NIB koperasi", await PublicRequirementsAsync(), StringComparison.Ordinal);
        // The changes cannot be waved through as "still right": they go to the head.
        var review = await Moves.MarkReviewedAsync(id, item.Version, "Masih sesuai.");
        Assert.Equal("Content.ReviewStandardEdited", Assert.Single(review.Errors).MessageKey);

        await MoveAsync(id, ContentState.Ditinjau);
        var locked = await Editing.UpdateAsync(id, (await ItemAsync(id)).Version, await StandardFormAsync("- Sesuatu yang lain"));
        Assert.Equal("Content.StandardLocked", Assert.Single(locked.Errors).MessageKey);
        ActAsHead();
        await MoveAsync(id, ContentState.Disetujui);
        Assert.DoesNotContain("NIB koperasi", await PublicRequirementsAsync(), StringComparison.Ordinal);
        await MoveAsync(id, ContentState.Terbit);

        Assert.Contains("NIB koperasi", await PublicRequirementsAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Sesuatu yang lain", await PublicRequirementsAsync(), StringComparison.Ordinal);
        Assert.Equal((ContentState.Terbit, StaleReason.None), ((await ItemAsync(id)).State, (await ItemAsync(id)).StaleReason));
    }

    [Fact]
    public async Task An_overdue_standard_is_flagged_like_a_stale_page_and_stays_public_meanwhile()
    {
        var id = await PublishedAsync(await StandardFormAsync());
        Assert.Equal(App.Clock.GetUtcNow().UtcDateTime.AddDays(90), (await ItemAsync(id)).ReviewDueAtUtc);

        App.Clock.Advance(TimeSpan.FromDays(91));
        await App.Get<ContentReviewAgeService>().RunAsync();

        var item = await ItemAsync(id);
        Assert.Equal((ContentState.PerluPembaruan, ContentFreshness.Overdue, StaleReason.ReviewOverdue), (item.State, item.Freshness, item.StaleReason));
        Assert.NotNull((await Public.GetAsync("KONS-KOP"))!.Text);

        // A review without changes confirms it and moves "Terakhir ditinjau" to today.
        Assert.True((await Moves.MarkReviewedAsync(id, item.Version, "Persyaratan masih berlaku.")).Succeeded);
        Assert.Equal(DateOnly.FromDateTime(KopUkm.Dashboard.Localization.WibTime.ToWib(App.Clock.GetUtcNow().UtcDateTime)),
            (await Public.GetAsync("KONS-KOP"))!.Text!.LastReviewedWib);
    }

    [Fact]
    public async Task A_change_of_the_services_targets_in_the_catalogue_flags_its_standard()
    {
        var id = await PublishedAsync(await StandardFormAsync());
        var service = await KlmServiceAsync();
        App.ActAs(AppRoles.Administrator, null, "admin");

        Assert.True((await App.Get<ServiceCatalogService>().SaveAsync(service with { ResolutionWorkingDays = 7 })).Succeeded);

        ActAsEditor();
        Assert.Equal((ContentState.PerluPembaruan, StaleReason.ServiceChanged), ((await ItemAsync(id)).State, (await ItemAsync(id)).StaleReason));
        Assert.Equal(7, (await Public.GetAsync("KONS-KOP"))!.ResolutionWorkingDays);
    }

    [Fact]
    public async Task Only_the_owner_divisions_staff_write_a_standard_and_it_must_be_complete_for_review()
    {
        var id = await CreateAsync(await StandardFormAsync());

        // IT staff keep the website's pages, not a division's promise to the public; nor does another division.
        App.ActAs(AppRoles.StafTI, null, "it-user");
        await Assert.ThrowsAsync<AccessDeniedException>(async () => await Editing.UpdateAsync(id, (await ItemAsync(id)).Version, await StandardFormAsync()));
        await Assert.ThrowsAsync<AccessDeniedException>(async () => await Moves.MoveAsync(id, (await ItemAsync(id)).Version, ContentState.Ditinjau, null));
        App.ActAs(AppRoles.Petugas, Umk, "umk-user", divisionCode: "UMK");
        await Assert.ThrowsAsync<AccessDeniedException>(async () => await Editing.UpdateAsync(id, 1, await StandardFormAsync()));

        ActAsEditor();
        var wrongDivision = await StandardFormAsync();
        wrongDivision.ServiceTypeId = (await App.Get<ServiceCatalogService>().ListAsync()).Single(s => s.Code == "NIB-OSS").Id;
        var (refused, _) = await Editing.CreateAsync(wrongDivision);
        Assert.Contains(refused.Errors, e => e.MessageKey == "Content.StandardWrongDivision");
        var (duplicate, _) = await Editing.CreateAsync(await StandardFormAsync());
        Assert.Contains(duplicate.Errors, e => e.MessageKey == "Content.StandardExists");

        var incomplete = await StandardFormAsync();
        incomplete.Standard.LegalBasis = " ";
        Assert.True((await Editing.UpdateAsync(id, (await ItemAsync(id)).Version, incomplete)).Succeeded);
        var toReview = await Moves.MoveAsync(id, (await ItemAsync(id)).Version, ContentState.Ditinjau, null);
        Assert.Equal("Content.StandardIncomplete", Assert.Single(toReview.Errors).MessageKey);
    }

    [Fact]
    public async Task Every_active_demo_service_gets_the_same_published_standard_once()
    {
        var seeder = App.Get<ServiceStandardDemoSeeder>();
        var active = (await App.Get<ServiceCatalogService>().ListAsync()).Count(s => s.IsActive);

        Assert.Equal(active, await seeder.SeedAsync());
        Assert.Equal(0, await seeder.SeedAsync());

        var rows = await Public.ListAsync(null, null);
        Assert.Equal(active, rows.Count);
        Assert.All(rows, r => Assert.True(r.HasStandard, r.Code));
        var nib = (await Public.GetAsync("NIB-OSS"))!.Text!;
        Assert.Contains("Tidak dipungut biaya", nib.Components.Single(c => c.Field == "Fees").Html, StringComparison.Ordinal);
        Assert.Contains("KTP", nib.Components.Single(c => c.Field == "Requirements").Html, StringComparison.Ordinal);
        Assert.Equal(DateOnly.FromDateTime(KopUkm.Dashboard.Localization.WibTime.ToWib(App.Clock.GetUtcNow().UtcDateTime.Date)).AddDays(-(10 + ("NIB-OSS".Sum(c => c) % 60)) - 1),
            nib.LastReviewedWib);
    }
}
