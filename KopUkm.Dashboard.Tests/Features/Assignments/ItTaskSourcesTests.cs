using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Assignments;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.Tickets;

namespace KopUkm.Dashboard.Tests.Features.Assignments;

public sealed class ItTaskSourcesTests : ItTaskScenario
{
    [Fact]
    public async Task A_task_raised_from_a_ticket_links_to_it_and_the_ticket_lists_its_tasks()
    {
        var ticketId = await CreateTicketAsync();
        ActAsItStaff();
        var form = Form("Perbaiki akses OSS pemohon");
        form.SourceKind = WorkItemKind.Ticket;
        form.SourceId = ticketId;

        var view = await CreateAsync(form);
        await CreateAsync(Form("Tugas lain tanpa sumber"));

        Assert.Equal(WorkItemKind.Ticket, view.Source!.Kind);
        Assert.Equal($"/layanan/{ticketId}", view.Source.Link);
        Assert.StartsWith("UMKM-2026-", view.Source.Label, StringComparison.Ordinal);
        Assert.Contains("Siti Rahmah", view.Source.Label, StringComparison.Ordinal);
        Assert.Equal([view.Task.Id], (await Lists.ListForSourceAsync(WorkItemKind.Ticket, ticketId)).Select(t => t.Id));
        Assert.Empty(await Lists.ListForSourceAsync(WorkItemKind.CooperativeCase, ticketId));

        form.SourceId = ticketId + 1000;
        var (missing, _) = await Editing.CreateAsync(form);
        Assert.Equal(("SourceId", "ItTasks.SourceNotFound"), (missing.Errors.Single().Field, missing.Errors.Single().MessageKey));
    }

    [Fact]
    public async Task A_content_item_is_linked_by_its_title_and_a_cooperative_case_by_its_cooperative()
    {
        var caseId = await OpenCaseAsync();
        long pageId;
        await using (var db = await App.DbAsync())
        {
            var page = new KopUkm.Dashboard.Features.Content.ContentItem
            {
                Title = "Persyaratan NIB", Url = "https://dinaskopukm.jambiprov.go.id/umkm/nib", OwnerDivisionId = 1,
                CreatedAtUtc = App.Clock.GetUtcNow().UtcDateTime, StateChangedAtUtc = App.Clock.GetUtcNow().UtcDateTime,
            };
            db.Add(page);
            await db.SaveChangesAsync();
            pageId = page.Id;
        }

        ActAsItStaff();
        var missing = Form("Halaman yang tidak ada");
        missing.SourceKind = WorkItemKind.ContentItem;
        missing.SourceId = pageId + 100;
        Assert.Equal("ItTasks.SourceNotFound", (await Editing.CreateAsync(missing)).Result.Errors.Single().MessageKey);
        var content = Form("Perbarui banner halaman depan");
        content.SourceKind = WorkItemKind.ContentItem;
        content.SourceId = pageId;
        var fromCase = Form("Pindai dokumen akta");
        fromCase.SourceKind = WorkItemKind.CooperativeCase;
        fromCase.SourceId = caseId;

        var contentView = await CreateAsync(content);
        var caseView = await CreateAsync(fromCase);

        Assert.Equal(new WorkItemReference(WorkItemKind.ContentItem, pageId, "Persyaratan NIB", $"/konten/{pageId}"), contentView.Source);
        Assert.Equal($"/koperasi/kasus/{caseId}", caseView.Source!.Link);
        Assert.Equal($"#{caseId} · Koperasi Produsen Kopi Kerinci", caseView.Source.Label);
        Assert.Equal([caseView.Task.Id], (await Lists.ListForSourceAsync(WorkItemKind.CooperativeCase, caseId)).Select(t => t.Id));
        var card = (await Lists.ListAsync(new PageRequest(0, 25), new ItTaskFilter())).Items.Single(t => t.Id == contentView.Task.Id);
        Assert.Equal($"/konten/{pageId}", card.Source!.Link);
    }

    private async Task<int> CreateTicketAsync()
    {
        App.ActAs(AppRoles.Petugas, Umk, "clerk", divisionCode: "UMK");
        var service = (await App.Get<KopUkm.Dashboard.Features.ServiceCatalog.ServiceCatalogService>().ListAsync()).Single(s => s.Code == "NIB-OSS").Id;
        var (result, id) = await App.Get<TicketIntake>().CreateAsync(new TicketIntakeForm
        {
            ApplicantName = "Siti Rahmah",
            Phone = "0812 1234 5678",
            ServiceTypeId = service,
            Description = "Tidak bisa masuk OSS.",
        });
        Assert.True(result.Succeeded);
        return id!.Value;
    }

    private async Task<int> OpenCaseAsync()
    {
        App.ActAs(AppRoles.Petugas, Klm, "officer-klm", divisionCode: "KLM");
        var region = (await App.Get<OrganizationService>().ListRegionsAsync()).Single(r => r.Code == "15.71").Id;
        var (saved, cooperativeId) = await App.Get<KopUkm.Dashboard.Features.Cooperatives.CooperativeService>().CreateAsync(new()
        {
            Name = "Koperasi Produsen Kopi Kerinci",
            RegionId = region,
            MemberCount = 25,
            Phone = "0812 3456 7890",
            FoundedOn = new DateOnly(2018, 5, 2),
            LastRatYear = 2025,
        });
        Assert.True(saved.Succeeded, string.Join(", ", saved.Errors.Select(e => e.MessageKey)));
        var (opened, caseId) = await App.Get<KopUkm.Dashboard.Features.Cooperatives.Cases.RegistrationCaseService>()
            .OpenAsync(cooperativeId!.Value, KopUkm.Dashboard.Features.Cooperatives.Cases.CaseKind.PendaftaranBaru);
        Assert.True(opened.Succeeded);
        return caseId!.Value;
    }
}
