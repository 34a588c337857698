using Bunit;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Assignments;
using KopUkm.Dashboard.Features.Assignments.Pages;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using MudBlazor;

namespace KopUkm.Dashboard.Tests.Features.Assignments.Pages;

/// <summary>The IT task board rendered with bunit over the real services on a real SQLite file.</summary>
public sealed class ItTaskBoardTests : AppBunitContext, IAsyncLifetime
{
    private TestServices app = default!;
    private int umk;

    async Task IAsyncLifetime.InitializeAsync()
    {
        app = await TestServices.CreateAsync(validateScopes: false);
        UseApp(app);
        var divisions = await app.Get<OrganizationService>().ListDivisionsAsync();
        umk = divisions.Single(d => d.Code == "UMK").Id;
        var ti = divisions.Single(d => d.Code == "TI").Id;
        var budi = await app.CreateUserAsync("budi@ti.test", "Budi Santoso", AppRoles.StafTI, ti);
        app.User.Current = FakeCurrentUser.As(AppRoles.StafTI, ti, budi, "Budi Santoso", "TI");
        SignInAs(AppRoles.StafTI, ti);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task The_page_shows_the_four_columns_in_order_with_their_counts()
    {
        await CreateAsync("Cadangkan server website");
        await CreateAsync("Pasang printer jaringan");
        var started = await CreateAsync("Perbarui halaman persyaratan NIB");
        await MoveAsync(started, ItTaskStatus.Dikerjakan);

        var page = Render<ItTasksPage>();

        page.WaitForAssertion(() =>
        {
            Assert.Equal(["Baru", "Dikerjakan", "Menunggu", "Selesai"], page.FindAll("[data-column]").Select(c => c.GetAttribute("data-column")));
            Assert.Equal(["2", "1", "0", "0"], page.FindAll("[data-column] [data-testid=column-count]").Select(c => c.TextContent.Trim()));
        });
        Assert.Equal(2, page.FindAll("[data-column=Baru] [data-card]").Count);
        Assert.NotNull(page.Find($"[data-column=Dikerjakan] [data-card='{started}']"));
        Assert.Contains("Budi Santoso", page.Find("[data-testid=workload-panel]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_card_button_moves_the_task_through_the_service_and_the_card_follows()
    {
        var id = await CreateAsync("Pasang printer jaringan");
        var board = Render<ItTaskBoard>();
        board.WaitForElement($"[data-column=Baru] [data-card='{id}']");

        await board.Find($"[data-card='{id}'] [data-move=Dikerjakan]").ClickAsync(new());

        board.WaitForAssertion(() => Assert.NotNull(board.Find($"[data-column=Dikerjakan] [data-card='{id}']")));
        Assert.Empty(board.FindAll($"[data-column=Baru] [data-card='{id}']"));
        var view = (await app.Get<ItTaskDetails>().GetAsync(id))!;
        Assert.Equal((ItTaskStatus.Dikerjakan, "Budi Santoso"), (view.Task.Status, view.Task.AssigneeName));
        Assert.Equal(["Selesai", "Tunda"], board.FindAll($"[data-card='{id}'] [data-move]").Select(b => b.TextContent.Trim()).Order());
    }

    [Fact]
    public async Task A_refused_drop_explains_why_in_indonesian_and_the_card_stays_in_its_column()
    {
        var id = await CreateAsync("Ganti UPS server ruang TI");
        var board = Render<ItTaskBoard>();
        board.WaitForElement($"[data-column=Baru] [data-card='{id}']");
        var container = board.FindComponent<MudDropContainer<ItTaskCard>>();
        var card = container.Instance.Items!.Single(c => c.Id == id);

        await board.InvokeAsync(() => container.Instance.ItemDropped.InvokeAsync(new MudItemDropInfo<ItTaskCard>(card, "Selesai", 0)));

        board.WaitForAssertion(() => Assert.Equal(
            "Tugas tidak dapat dipindahkan dari Baru ke Selesai. Dari Baru hanya bisa ke: Dikerjakan, Menunggu.",
            board.Find("[data-testid=board-refusal]").TextContent.Trim()));
        Assert.NotNull(board.Find($"[data-column=Baru] [data-card='{id}']"));
        Assert.Equal(ItTaskStatus.Baru, (await app.Get<ItTaskDetails>().GetAsync(id))!.Task.Status);
    }

    [Fact]
    public async Task A_stale_card_is_refused_as_changed_by_someone_else_and_the_board_shows_the_current_state()
    {
        var id = await CreateAsync("Perbaiki formulir pengaduan");
        var board = Render<ItTaskBoard>();
        board.WaitForElement($"[data-column=Baru] [data-card='{id}']");
        await MoveAsync(id, ItTaskStatus.Dikerjakan);

        await board.Find($"[data-card='{id}'] [data-move=Dikerjakan]").ClickAsync(new());

        board.WaitForAssertion(() => Assert.Contains("baru saja diubah orang lain", board.Find("[data-testid=board-refusal]").TextContent, StringComparison.Ordinal));
        Assert.NotNull(board.Find($"[data-column=Dikerjakan] [data-card='{id}']"));
    }

    private async Task<int> CreateAsync(string title)
    {
        var (result, id) = await app.Get<ItTaskEditing>().CreateAsync(new ItTaskForm
        {
            Title = title,
            Priority = WorkPriority.Normal,
            DueDate = new DateOnly(2026, 12, 1),
            EstimateHours = 2,
            RequestingDivisionId = umk,
        });
        Assert.True(result.Succeeded);
        return id!.Value;
    }

    private async Task MoveAsync(int id, ItTaskStatus to)
    {
        var view = (await app.Get<ItTaskDetails>().GetAsync(id))!;
        Assert.True((await app.Get<ItTaskStatusMoves>().MoveAsync(id, view.Task.Version, to, null)).Succeeded);
    }
}
