using Bunit;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Assignments;
using KopUkm.Dashboard.Features.Assignments.Pages;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Tests.TestInfrastructure;

namespace KopUkm.Dashboard.Tests.Features.Assignments.Pages;

/// <summary>The task page rendered with bunit over the real services on a real SQLite file.</summary>
public sealed class ItTaskPageTests : AppBunitContext, IAsyncLifetime
{
    private TestServices app = default!;
    private int umk;
    private int ti;

    async Task IAsyncLifetime.InitializeAsync()
    {
        app = await TestServices.CreateAsync(validateScopes: false);
        UseApp(app);
        var divisions = await app.Get<OrganizationService>().ListDivisionsAsync();
        umk = divisions.Single(d => d.Code == "UMK").Id;
        ti = divisions.Single(d => d.Code == "TI").Id;
        app.User.Current = FakeCurrentUser.As(AppRoles.StafTI, ti, "staf-ti", "Budi Santoso", "TI");
        SignInAs(AppRoles.StafTI, ti);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task A_stale_edit_shows_the_conflict_keeps_the_typed_title_and_loads_the_latest_on_request()
    {
        var id = await CreateAsync();
        var page = Render<ItTaskPage>(p => p.Add(t => t.Id, id));
        page.WaitForElement("[data-testid=ittask-edit] #ittask-title");
        page.Find("#ittask-title").Change("Judul yang saya ketik");

        // Someone else edits the task meanwhile.
        var view = (await app.Get<ItTaskDetails>().GetAsync(id))!;
        var theirs = Form();
        theirs.Title = "Judul dari rekan";
        theirs.RequestingDivisionId = umk;
        Assert.True((await app.Get<ItTaskEditing>().UpdateAsync(id, view.Task.Version, theirs)).Succeeded);
        // The open page follows the change (its header shows their title) and keeps what was typed; clicking before
        // that refresh lands would race it.
        page.WaitForAssertion(() => Assert.Contains("Judul dari rekan", page.Find("h1").TextContent, StringComparison.Ordinal));

        await page.Find("[data-testid=ittask-save]").ClickAsync(new());

        page.WaitForElement("[data-testid=conflict-alert]");
        Assert.Equal("Judul yang saya ketik", page.Find("#ittask-title").GetAttribute("value"));
        Assert.Equal("Judul dari rekan", (await app.Get<ItTaskDetails>().GetAsync(id))!.Task.Title);

        await page.Find("[data-testid=conflict-alert] button").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("Judul dari rekan", page.Find("#ittask-title").GetAttribute("value")));
        Assert.Empty(page.FindAll("[data-testid=conflict-alert]"));
    }

    [Fact]
    public async Task A_move_made_elsewhere_shows_on_the_open_task_page_without_losing_the_title_being_typed()
    {
        var id = await CreateAsync();
        var page = Render<ItTaskPage>(p => p.Add(t => t.Id, id));
        page.WaitForElement("[data-testid=ittask-edit] #ittask-title");
        page.Find("#ittask-title").Change("Judul yang sedang saya ketik");
        Assert.Equal("Baru", page.Find("h1 ~ * [data-status], [data-status]").GetAttribute("data-status"));

        // A colleague starts the task from the board.
        var view = (await app.Get<ItTaskDetails>().GetAsync(id))!;
        Assert.True((await app.Get<ItTaskStatusMoves>().MoveAsync(id, view.Task.Version, ItTaskStatus.Dikerjakan, null)).Succeeded);

        page.WaitForAssertion(() =>
        {
            Assert.Equal("Dikerjakan", page.Find("[data-status]").GetAttribute("data-status"));
            Assert.Contains(page.FindAll("[data-testid=ittask-history] *"), e => e.TextContent.Contains("Dikerjakan", StringComparison.Ordinal));
        });
        Assert.Equal("Judul yang sedang saya ketik", page.Find("#ittask-title").GetAttribute("value"));
    }

    [Fact]
    public async Task A_division_head_reads_the_task_of_their_division_without_edit_assign_or_move_controls()
    {
        var id = await CreateAsync();
        app.User.Current = FakeCurrentUser.As(AppRoles.KepalaBidang, umk, "kabid-umk", "Kepala UMK", "UMK");
        SignInAs(AppRoles.KepalaBidang, umk);

        var page = Render<ItTaskPage>(p => p.Add(t => t.Id, id));

        page.WaitForElement("[data-testid=ittask-history]");
        Assert.Empty(page.FindAll("[data-testid=ittask-edit]"));
        Assert.Empty(page.FindAll("[data-testid=ittask-assign]"));
        Assert.Empty(page.FindAll("[data-move]"));
        Assert.Contains("Pasang printer jaringan", page.Find("h1").TextContent, StringComparison.Ordinal);
    }

    private static ItTaskForm Form() => new()
    {
        Title = "Pasang printer jaringan",
        Priority = WorkPriority.Normal,
        DueDate = new DateOnly(2026, 12, 1),
        EstimateHours = 2,
        RequestingDivisionId = 0,
    };

    private async Task<int> CreateAsync()
    {
        var form = Form();
        form.RequestingDivisionId = umk;
        var (result, id) = await app.Get<ItTaskEditing>().CreateAsync(form);
        Assert.True(result.Succeeded);
        return id!.Value;
    }
}
