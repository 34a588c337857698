using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Assignments;
using KopUkm.Dashboard.Features.Notifications;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Tests.Features.Assignments;

public sealed class ItTaskServiceTests : IAsyncLifetime
{
    private TestServices app = default!;
    private int ti;
    private int umk;
    private int klm;
    private string budi = "";
    private string rizky = "";

    private ItTaskService Tasks => app.Get<ItTaskService>();

    public async Task InitializeAsync()
    {
        app = await TestServices.CreateAsync();
        var divisions = await app.Get<OrganizationService>().ListDivisionsAsync();
        ti = divisions.Single(d => d.Code == "TI").Id;
        umk = divisions.Single(d => d.Code == "UMK").Id;
        klm = divisions.Single(d => d.Code == "KLM").Id;
        budi = await app.CreateUserAsync("budi@ti.test", "Budi Santoso", AppRoles.StafTI, ti);
        rizky = await app.CreateUserAsync("rizky@ti.test", "Rizky Pratama", AppRoles.StafTI, ti);
        ActAsItStaff();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private void ActAsItStaff(string? userId = null, string name = "Budi Santoso") =>
        app.User.Current = FakeCurrentUser.As(AppRoles.StafTI, ti, userId ?? budi, name, "TI");

    private void ActAsHead(int division, string code) => app.User.Current = FakeCurrentUser.As(AppRoles.KepalaBidang, division, "head-" + code, "Kepala " + code, code);

    private ItTaskForm Form(string title = "Perbarui halaman persyaratan NIB", int? division = null, decimal hours = 3, DateOnly? due = null, WorkPriority priority = WorkPriority.Normal) => new()
    {
        Title = title,
        Description = "Sesuaikan dengan OSS RBA.",
        Priority = priority,
        DueDate = due ?? new DateOnly(2026, 11, 30),
        EstimateHours = hours,
        RequestingDivisionId = division ?? umk,
    };

    private async Task<ItTaskView> CreateAsync(ItTaskForm? form = null)
    {
        var (result, id) = await Tasks.CreateAsync(form ?? Form());
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.MessageKey)));
        return (await Tasks.GetAsync(id!.Value))!;
    }

    private async Task<ItTaskView> AssignAsync(ItTaskView view, string assignee, string? reason = null)
    {
        var result = await Tasks.AssignAsync(view.Task.Id, view.Task.Version, assignee, reason);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.MessageKey)));
        return (await Tasks.GetAsync(view.Task.Id))!;
    }

    private async Task<ItTaskView> MoveAsync(ItTaskView view, ItTaskStatus to, string? reason = null)
    {
        var result = await Tasks.MoveAsync(view.Task.Id, view.Task.Version, to, reason);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.MessageKey)));
        return (await Tasks.GetAsync(view.Task.Id))!;
    }

    [Fact]
    public async Task A_new_task_gets_a_readable_code_starts_in_baru_and_records_its_creation()
    {
        var view = await CreateAsync();

        Assert.Matches(@"^TI-2026-\d{5}$", view.Task.Code);
        Assert.Equal(ItTaskStatus.Baru, view.Task.Status);
        Assert.Equal("Budi Santoso", view.Task.CreatedByName);
        var created = Assert.Single(view.History);
        Assert.Equal((ItTaskEventKind.Created, "Baru", "Budi Santoso"), (created.Kind, created.ToValue, created.ByName));
    }

    [Theory]
    [InlineData("", 3, "Title", "Validation.Required")]
    [InlineData("Cadangkan server", 0.25, "EstimateHours", "Validation.Range")]
    [InlineData("Cadangkan server", 200.5, "EstimateHours", "Validation.Range")]
    public async Task Bad_input_is_refused_field_by_field_and_nothing_is_saved(string title, double hours, string field, string key)
    {
        var (result, id) = await Tasks.CreateAsync(Form(title, hours: (decimal)hours));

        Assert.Null(id);
        Assert.Contains(result.Errors, e => e.Field == field && e.MessageKey == key);
        Assert.Equal(0, (await Tasks.ListAsync(new PageRequest(0, 25), new ItTaskFilter())).TotalCount);
    }

    [Fact]
    public async Task The_server_refuses_moves_outside_the_workflow_and_asks_reasons_where_it_says()
    {
        var view = await AssignAsync(await CreateAsync(), budi);

        var skip = await Tasks.MoveAsync(view.Task.Id, view.Task.Version, ItTaskStatus.Selesai, null);
        Assert.Equal("ItTasks.TransitionNotAllowed", skip.Errors.Single().MessageKey);
        Assert.Equal([ItTaskStatus.Baru, ItTaskStatus.Selesai], skip.Errors.Single().Args.Cast<ItTaskStatus>());
        Assert.Equal("ItTasks.ReasonRequired", (await Tasks.MoveAsync(view.Task.Id, view.Task.Version, ItTaskStatus.Menunggu, " ")).Errors.Single().MessageKey);

        view = await MoveAsync(view, ItTaskStatus.Menunggu, "Menunggu data dari bidang peminta.");
        Assert.Equal("Menunggu data dari bidang peminta.", view.Task.WaitingReason);
        view = await MoveAsync(view, ItTaskStatus.Dikerjakan);
        Assert.Null(view.Task.WaitingReason);
        view = await MoveAsync(view, ItTaskStatus.Selesai);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, view.Task.CompletedAtUtc);
        Assert.Equal([ItTaskStatus.Dikerjakan], view.AllowedMoves);

        Assert.Equal("ItTasks.TransitionNotAllowed", (await Tasks.MoveAsync(view.Task.Id, view.Task.Version, ItTaskStatus.Baru, null)).Errors.Single().MessageKey);
        Assert.Equal("ItTasks.ReasonRequired", (await Tasks.MoveAsync(view.Task.Id, view.Task.Version, ItTaskStatus.Dikerjakan, null)).Errors.Single().MessageKey);
        view = await MoveAsync(view, ItTaskStatus.Dikerjakan, "Masalah muncul lagi.");
        Assert.Null(view.Task.CompletedAtUtc);
        Assert.Equal(
            ["Baru→Menunggu", "Menunggu→Dikerjakan", "Dikerjakan→Selesai", "Selesai→Dikerjakan"],
            view.History.Where(e => e.Kind == ItTaskEventKind.StatusChanged).Select(e => $"{e.FromValue}→{e.ToValue}"));
        Assert.Equal("Masalah muncul lagi.", view.History[^1].Text);
    }

    [Fact]
    public async Task It_staff_starting_an_unassigned_task_take_it_but_an_administrator_must_assign_first()
    {
        var view = await CreateAsync();
        app.ActAs(AppRoles.Administrator, ti, "admin");
        var refused = await Tasks.MoveAsync(view.Task.Id, view.Task.Version, ItTaskStatus.Dikerjakan, null);
        Assert.Equal("ItTasks.AssignFirst", refused.Errors.Single().MessageKey);

        ActAsItStaff(rizky, "Rizky Pratama");
        view = await MoveAsync(view, ItTaskStatus.Dikerjakan);

        Assert.Equal(rizky, view.Task.AssigneeId);
        Assert.Contains(view.History, e => e.Kind == ItTaskEventKind.Assigned && e.FromValue is null && e.ToValue == "Rizky Pratama");
    }

    [Fact]
    public async Task A_division_head_raises_tasks_for_their_own_division_only_and_sees_only_those()
    {
        var other = await CreateAsync(Form("Migrasi arsip RAT", division: klm));
        ActAsHead(umk, "UMK");

        var own = await CreateAsync(Form("Publikasikan pengumuman pendamping UMKM", division: umk));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Tasks.CreateAsync(Form("Untuk bidang lain", division: klm)));

        Assert.Equal([own.Task.Id], (await Tasks.ListAsync(new PageRequest(0, 25), new ItTaskFilter())).Items.Select(t => t.Id));
        Assert.Null(await Tasks.GetAsync(other.Task.Id));
        Assert.Empty(own.AllowedMoves);
        Assert.False(own.CanEdit || own.CanAssign);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Tasks.MoveAsync(own.Task.Id, own.Task.Version, ItTaskStatus.Menunggu, "x"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Tasks.AssignAsync(own.Task.Id, own.Task.Version, budi, null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Tasks.UpdateAsync(own.Task.Id, own.Task.Version, Form(division: umk)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Tasks.WorkloadAsync());
    }

    [Fact]
    public async Task Pimpinan_reads_every_task_but_changes_none_and_an_officer_is_refused_outright()
    {
        var first = await CreateAsync(Form(division: klm));
        await CreateAsync(Form(division: umk));
        app.ActAs(AppRoles.Pimpinan, null, "pimpinan");

        Assert.Equal(2, (await Tasks.ListAsync(new PageRequest(0, 25), new ItTaskFilter())).TotalCount);
        Assert.Equal(2, (await Tasks.WorkloadAsync()).Count);
        var view = (await Tasks.GetAsync(first.Task.Id))!;
        Assert.Empty(view.AllowedMoves);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Tasks.CreateAsync(Form()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Tasks.MoveAsync(view.Task.Id, view.Task.Version, ItTaskStatus.Menunggu, "x"));

        app.ActAs(AppRoles.Petugas, umk, "petugas");
        await Assert.ThrowsAsync<AccessDeniedException>(() => Tasks.ListAsync(new PageRequest(0, 25), new ItTaskFilter()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Tasks.GetAsync(first.Task.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Tasks.ListForSourceAsync(WorkItemKind.Ticket, 1));
    }

    [Fact]
    public async Task Assignment_and_reassignment_enter_the_history_with_the_reason_and_notify_the_new_assignee()
    {
        var view = await CreateAsync();
        app.ActAs(AppRoles.Administrator, ti, "admin");
        view = await AssignAsync(view, budi);

        Assert.Equal("ItTasks.ReasonRequired", (await Tasks.AssignAsync(view.Task.Id, view.Task.Version, rizky, "")).Errors.Single().MessageKey);
        Assert.Equal("ItTasks.AssigneeNotAllowed", (await Tasks.AssignAsync(view.Task.Id, view.Task.Version, "someone-else", "x")).Errors.Single().MessageKey);
        view = await AssignAsync(view, rizky, "Budi cuti.");

        var assignments = view.History.Where(e => e.Kind == ItTaskEventKind.Assigned).ToList();
        Assert.Equal([(null, "Budi Santoso", ""), ("Budi Santoso", "Rizky Pratama", "Budi cuti.")], assignments.Select(e => (e.FromValue, e.ToValue, e.Text)));
        Assert.Equal(("Rizky Pratama", rizky), (view.Task.AssigneeName, view.Task.AssigneeId));
        await using var db = await app.DbAsync();
        var notified = await db.Set<Notification>().Where(n => n.Kind == "ittask-assigned").Select(n => new { n.UserId, n.Link }).ToListAsync();
        Assert.Equal(new[] { budi, rizky }.Order(), notified.Select(n => n.UserId).Order());
        Assert.All(notified, n => Assert.Equal($"/tugas-ti/{view.Task.Id}", n.Link));
    }

    [Fact]
    public async Task The_suggestion_is_the_it_staff_member_with_the_fewest_open_hours_then_fewest_items_then_name()
    {
        var nurul = await app.CreateUserAsync("nurul@ti.test", "Nurul Aini", AppRoles.StafTI, ti);
        await app.CreateUserAsync("petugas@umk.test", "Bukan Staf TI", AppRoles.Petugas, umk);

        // Budi 10 h in 2 tasks; Rizky 6 h in 3; Nurul 6 h in 1 (plus a finished 50 h task that no longer counts).
        foreach (var (who, hours) in new[] { (budi, 5m), (budi, 5m), (rizky, 2m), (rizky, 2m), (rizky, 2m), (nurul, 6m) })
        {
            await AssignAsync(await CreateAsync(Form(hours: hours)), who);
        }

        var done = await AssignAsync(await CreateAsync(Form(hours: 50)), nurul);
        done = await MoveAsync(done, ItTaskStatus.Dikerjakan);
        await MoveAsync(done, ItTaskStatus.Selesai);

        var ranked = await Tasks.WorkloadAsync();
        Assert.Equal(["Nurul Aini", "Rizky Pratama", "Budi Santoso"], ranked.Select(l => l.Name));
        Assert.Equal((1, 6m), (ranked[0].OpenItems, ranked[0].OpenHours));
        Assert.Equal(nurul, (await Tasks.SuggestAssigneeAsync())!.UserId);

        // Comparing people for a reassignment leaves the task itself out of its current assignee's load.
        var nurulsTask = (await Tasks.ListAsync(new PageRequest(0, 25), new ItTaskFilter(AssigneeId: nurul, Status: ItTaskStatus.Baru))).Items.Single();
        var withoutIt = await Tasks.WorkloadAsync(nurulsTask.Id);
        Assert.Equal(("Nurul Aini", 0, 0m), (withoutIt[0].Name, withoutIt[0].OpenItems, withoutIt[0].OpenHours));
    }

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

    [Fact]
    public async Task A_stale_edit_or_move_is_a_conflict_and_the_first_save_stands()
    {
        var view = await CreateAsync();
        var first = Form("Judul dari editor pertama", priority: WorkPriority.Tinggi);
        var second = Form("Judul dari editor kedua");

        Assert.True((await Tasks.UpdateAsync(view.Task.Id, view.Task.Version, first)).Succeeded);
        Assert.True((await Tasks.UpdateAsync(view.Task.Id, view.Task.Version, second)).IsConflict);
        Assert.True((await Tasks.MoveAsync(view.Task.Id, view.Task.Version, ItTaskStatus.Menunggu, "x")).IsConflict);

        var now = (await Tasks.GetAsync(view.Task.Id))!;
        Assert.Equal(("Judul dari editor pertama", WorkPriority.Tinggi, ItTaskStatus.Baru), (now.Task.Title, now.Task.Priority, now.Task.Status));
    }

    [Fact]
    public async Task Edits_of_due_date_priority_and_estimate_enter_the_history_from_and_to()
    {
        var view = await CreateAsync(Form(hours: 3, due: new DateOnly(2026, 11, 30)));
        var form = Form(hours: 4.5m, due: new DateOnly(2026, 12, 4), priority: WorkPriority.Mendesak);
        form.Title = "Judul baru";

        Assert.True((await Tasks.UpdateAsync(view.Task.Id, view.Task.Version, form)).Succeeded);

        var edits = (await Tasks.GetAsync(view.Task.Id))!.History.Where(e => e.Kind != ItTaskEventKind.Created).Select(e => (e.Kind, e.FromValue, e.ToValue));
        Assert.Equal(
            [(ItTaskEventKind.DueDateChanged, "2026-11-30", "2026-12-04"), (ItTaskEventKind.PriorityChanged, "Normal", "Mendesak"), (ItTaskEventKind.EstimateChanged, "3", "4.5")],
            edits);
    }

    [Fact]
    public async Task A_task_is_overdue_from_the_first_moment_of_the_day_after_its_due_date_in_wib()
    {
        var open = await AssignAsync(await CreateAsync(Form("Masih dikerjakan", due: new DateOnly(2026, 11, 23))), budi);
        var done = await AssignAsync(await CreateAsync(Form("Sudah selesai", due: new DateOnly(2026, 11, 23))), budi);
        done = await MoveAsync(done, ItTaskStatus.Dikerjakan);
        await MoveAsync(done, ItTaskStatus.Selesai);

        // 23:59:59 WIB on the due day: still on time.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 16, 59, 59, TimeSpan.Zero));
        Assert.False((await Tasks.GetAsync(open.Task.Id))!.IsOverdue);
        Assert.Equal(0, (await Tasks.ListAsync(new PageRequest(0, 25), new ItTaskFilter(OverdueOnly: true))).TotalCount);
        Assert.Equal(0, (await Tasks.WorkloadAsync()).Single(l => l.UserId == budi).Overdue);

        // 00:00 WIB the next day (17:00 UTC): overdue, but finished work never is.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 17, 0, 0, TimeSpan.Zero));
        Assert.True((await Tasks.GetAsync(open.Task.Id))!.IsOverdue);
        Assert.False((await Tasks.GetAsync(done.Task.Id))!.IsOverdue);
        Assert.Equal([open.Task.Id], (await Tasks.ListAsync(new PageRequest(0, 25), new ItTaskFilter(OverdueOnly: true))).Items.Select(t => t.Id));
        Assert.Equal(1, (await Tasks.WorkloadAsync()).Single(l => l.UserId == budi).Overdue);
    }

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
        Assert.Equal([view.Task.Id], (await Tasks.ListForSourceAsync(WorkItemKind.Ticket, ticketId)).Select(t => t.Id));
        Assert.Empty(await Tasks.ListForSourceAsync(WorkItemKind.CooperativeCase, ticketId));

        form.SourceId = ticketId + 1000;
        var (missing, _) = await Tasks.CreateAsync(form);
        Assert.Equal(("SourceId", "ItTasks.SourceNotFound"), (missing.Errors.Single().Field, missing.Errors.Single().MessageKey));
    }

    [Fact]
    public async Task A_content_item_is_linked_by_its_title_and_a_cooperative_case_by_its_cooperative()
    {
        var caseId = await OpenCaseAsync();
        long pageId;
        await using (var db = await app.DbAsync())
        {
            var page = new KopUkm.Dashboard.Features.Content.ContentItem
            {
                Title = "Persyaratan NIB", Url = "https://dinaskopukm.jambiprov.go.id/umkm/nib", OwnerDivisionId = 1,
                CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime, StateChangedAtUtc = app.Clock.GetUtcNow().UtcDateTime,
            };
            db.Add(page);
            await db.SaveChangesAsync();
            pageId = page.Id;
        }

        ActAsItStaff();
        var missing = Form("Halaman yang tidak ada");
        missing.SourceKind = WorkItemKind.ContentItem;
        missing.SourceId = pageId + 100;
        Assert.Equal("ItTasks.SourceNotFound", (await Tasks.CreateAsync(missing)).Result.Errors.Single().MessageKey);
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
        Assert.Equal([caseView.Task.Id], (await Tasks.ListForSourceAsync(WorkItemKind.CooperativeCase, caseId)).Select(t => t.Id));
        var card = (await Tasks.ListAsync(new PageRequest(0, 25), new ItTaskFilter())).Items.Single(t => t.Id == contentView.Task.Id);
        Assert.Equal($"/konten/{pageId}", card.Source!.Link);
    }

    [Fact]
    public async Task The_board_caps_each_column_counts_the_rest_and_keeps_only_the_last_two_weeks_of_finished_work()
    {
        for (var i = 0; i < 23; i++)
        {
            await CreateAsync(Form($"Tugas baru {i}"));
        }

        var old = await AssignAsync(await CreateAsync(Form("Selesai lama")), budi);
        old = await MoveAsync(old, ItTaskStatus.Dikerjakan);
        await MoveAsync(old, ItTaskStatus.Selesai);
        app.Clock.Advance(TimeSpan.FromDays(15));
        var recent = await AssignAsync(await CreateAsync(Form("Selesai baru")), budi);
        recent = await MoveAsync(recent, ItTaskStatus.Dikerjakan);
        await MoveAsync(recent, ItTaskStatus.Selesai);

        var board = await Tasks.BoardAsync(new ItTaskFilter());
        var baru = board.Columns.Single(c => c.Status == ItTaskStatus.Baru);
        var selesai = board.Columns.Single(c => c.Status == ItTaskStatus.Selesai);
        Assert.Equal((ItTaskService.BoardColumnSize, 23), (baru.Cards.Count, baru.TotalCount));
        Assert.Equal(["Selesai baru"], selesai.Cards.Select(c => c.Title));
        Assert.Equal((1, 1), (selesai.TotalCount, selesai.OlderCount));

        var more = await Tasks.BoardAsync(new ItTaskFilter(), new Dictionary<ItTaskStatus, int> { [ItTaskStatus.Baru] = 40 });
        Assert.Equal(23, more.Columns.Single(c => c.Status == ItTaskStatus.Baru).Cards.Count);
    }

    [Fact]
    public async Task Filters_narrow_the_board_by_assignee_division_priority_and_search()
    {
        await AssignAsync(await CreateAsync(Form("Cadangkan server website", division: klm, priority: WorkPriority.Mendesak)), rizky);
        await CreateAsync(Form("Pasang printer jaringan", division: umk));
        var coded = await CreateAsync(Form("Perbaiki formulir pengaduan", division: umk));

        static int Count(ItTaskBoardView board) => board.Columns.Sum(c => c.TotalCount);
        Assert.Equal(1, Count(await Tasks.BoardAsync(new ItTaskFilter(AssigneeId: rizky))));
        Assert.Equal(2, Count(await Tasks.BoardAsync(new ItTaskFilter(Unassigned: true))));
        Assert.Equal(2, Count(await Tasks.BoardAsync(new ItTaskFilter(DivisionId: umk))));
        Assert.Equal(1, Count(await Tasks.BoardAsync(new ItTaskFilter(Priority: WorkPriority.Mendesak))));
        Assert.Equal(1, Count(await Tasks.BoardAsync(new ItTaskFilter(Search: "printer"))));
        Assert.Equal(1, Count(await Tasks.BoardAsync(new ItTaskFilter(Search: coded.Task.Code.ToLowerInvariant()))));
    }

    [Fact]
    public async Task Every_change_is_published_for_open_boards()
    {
        var heard = new TaskCompletionSource<ChangeEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = app.Get<ChangeNotifier>().Subscribe(ChangeTopic.ItTasks, e => { heard.TrySetResult(e); return Task.CompletedTask; });

        await CreateAsync();

        var change = await heard.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(umk.ToString(System.Globalization.CultureInfo.InvariantCulture), change.ScopeKey);
    }

    private async Task<int> CreateTicketAsync()
    {
        app.ActAs(AppRoles.Petugas, umk, "clerk", divisionCode: "UMK");
        var service = (await app.Get<KopUkm.Dashboard.Features.ServiceCatalog.ServiceCatalogService>().ListAsync()).Single(s => s.Code == "NIB-OSS").Id;
        var (result, id) = await app.Get<TicketIntake>().CreateAsync(new TicketIntakeForm
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
        app.ActAs(AppRoles.Petugas, klm, "officer-klm", divisionCode: "KLM");
        var region = (await app.Get<OrganizationService>().ListRegionsAsync()).Single(r => r.Code == "15.71").Id;
        var (saved, cooperativeId) = await app.Get<KopUkm.Dashboard.Features.Cooperatives.CooperativeService>().CreateAsync(new()
        {
            Name = "Koperasi Produsen Kopi Kerinci",
            RegionId = region,
            MemberCount = 25,
            Phone = "0812 3456 7890",
            FoundedOn = new DateOnly(2018, 5, 2),
            LastRatYear = 2025,
        });
        Assert.True(saved.Succeeded, string.Join(", ", saved.Errors.Select(e => e.MessageKey)));
        var (opened, caseId) = await app.Get<KopUkm.Dashboard.Features.Cooperatives.Cases.RegistrationCaseService>()
            .OpenAsync(cooperativeId!.Value, KopUkm.Dashboard.Features.Cooperatives.Cases.CaseKind.PendaftaranBaru);
        Assert.True(opened.Succeeded);
        return caseId!.Value;
    }
}
