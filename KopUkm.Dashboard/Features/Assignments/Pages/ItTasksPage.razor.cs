using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace KopUkm.Dashboard.Features.Assignments.Pages;

public enum ItTaskLayout
{
    Board,
    List,
}

/// <summary>
/// /tugas-ti: the board (or the list) of IT tasks with filters and, for those who see all work, the IT staff
/// workload. Any change to a task, from here or elsewhere, refreshes it (at most once a second).
/// </summary>
public sealed partial class ItTasksPage
{
    private ItTaskBoard? board;
    private ItTaskGrid? grid;
    private ItTaskWorkloadPanel? workload;
    private ItTaskLayout layout = ItTaskLayout.Board;
    private ItTaskFilter filter = new();
    private IReadOnlyList<ItStaffMember> staff = [];
    private IReadOnlyList<DivisionItem> divisions = [];
    private bool canCreate;
    private bool seesWorkload;

    [Inject]
    private ItTaskAssignment Assignment { get; set; } = default!;

    [Inject]
    private OrganizationService Organization { get; set; } = default!;

    [Inject]
    private ICurrentUserAccessor CurrentUser { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>Links from the dashboard: terlambat=1 (overdue only), bidang (requesting division), tampilan=daftar (list).</summary>
    [SupplyParameterFromQuery(Name = "terlambat")]
    public string? OverdueQuery { get; set; }

    [SupplyParameterFromQuery(Name = "bidang")]
    public int? DivisionQuery { get; set; }

    [SupplyParameterFromQuery(Name = "tampilan")]
    public string? LayoutQuery { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var user = await CurrentUser.GetAsync();
        canCreate = ItTaskAccess.CanCreate(user);
        seesWorkload = ItTaskAccess.SeesAll(user);
        layout = LayoutQuery == "daftar" ? ItTaskLayout.List : ItTaskLayout.Board;
        filter = filter with { OverdueOnly = OverdueQuery == "1", DivisionId = DivisionQuery };
        staff = await Assignment.ListItStaffAsync();
        divisions = seesWorkload ? [.. (await Organization.ListDivisionsAsync()).Where(d => d.IsActive)] : [];
    }

    private async Task RefreshAsync()
    {
        if (board is not null)
        {
            await board.ReloadAsync();
        }

        if (grid is not null && layout == ItTaskLayout.List)
        {
            await grid.ReloadAsync(filter);
        }

        await RefreshWorkloadAsync();
    }

    private async Task RefreshWorkloadAsync()
    {
        if (workload is not null)
        {
            await workload.ReloadAsync();
        }
    }

    private Task OnLayoutAsync(ItTaskLayout value)
    {
        layout = value;
        board = null;
        grid = null;
        if (value == ItTaskLayout.Board)
        {
            filter = filter with { Status = null };
        }

        return Task.CompletedTask;
    }

    private async Task OnFilterAsync(ItTaskFilter value)
    {
        filter = value;
        if (layout == ItTaskLayout.List && grid is not null)
        {
            await grid.ReloadAsync(filter);
        }
    }

    private Task ShowOlderDoneAsync()
    {
        layout = ItTaskLayout.List;
        board = null;
        filter = filter with { Status = ItTaskStatus.Selesai };
        return Task.CompletedTask;
    }

    private async Task CreateAsync()
    {
        var dialog = await Dialogs.ShowAsync<ItTaskCreateDialog>(L["ItTasks.New"], new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: int id })
        {
            Navigation.NavigateTo($"/tugas-ti/{id}");
        }
    }
}
