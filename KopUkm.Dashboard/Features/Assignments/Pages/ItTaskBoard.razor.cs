using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace KopUkm.Dashboard.Features.Assignments.Pages;

/// <summary>
/// The four columns of the IT task board. Cards move by their buttons or by dragging between columns; either way the
/// service decides, and a refused move shows why while the card stays where it was.
/// </summary>
public partial class ItTaskBoard
{
    private readonly Dictionary<ItTaskStatus, int> limits = [];
    private MudDropContainer<ItTaskCard>? container;
    private ItTaskBoardView? board;
    private List<ItTaskCard> cards = [];
    private ItTaskCard? picked;
    private string? refusal;

    [Inject]
    private ItTaskLists Lists { get; set; } = default!;

    [Inject]
    private ItTaskStatusMoves Moves { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private KopUkm.Dashboard.Features.Security.ICurrentUserAccessor CurrentUser { get; set; } = default!;

    /// <summary>The user assigns tasks: each open card offers "Tugaskan".</summary>
    private bool canAssign;

    [Parameter]
    public ItTaskFilter Filter { get; set; } = new();

    /// <summary>Pressed "show older finished tasks": the page switches to the list of finished work.</summary>
    [Parameter]
    public EventCallback OnShowOlderDone { get; set; }

    /// <summary>A task changed from here (the page refreshes the workload).</summary>
    [Parameter]
    public EventCallback OnChanged { get; set; }

    protected override async Task OnInitializedAsync() =>
        canAssign = ItTaskAccess.CanAssign(await CurrentUser.GetAsync());

    protected override async Task OnParametersSetAsync()
    {
        await ReloadAsync();
    }

    /// <summary>"Tugaskan" on a card: the same dialog as the task page, with the least-loaded suggestion.</summary>
    private async Task AssignAsync(ItTaskCard card)
    {
        var parameters = new DialogParameters<ItTaskAssignDialog>
        {
            { d => d.TaskId, card.Id },
            { d => d.Version, card.Version },
            { d => d.CurrentAssigneeId, card.AssigneeId },
        };
        var title = card.AssigneeId is null ? L["ItTasks.Assign"] : L["ItTasks.Reassign"];
        var dialog = await Dialogs.ShowAsync<ItTaskAssignDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(L["ItTasks.AssignedNotice"], Severity.Success);
            await OnChanged.InvokeAsync();
        }

        await ReloadAsync();
    }

    /// <summary>Reads the board again with the current filter and column sizes.</summary>
    public async Task ReloadAsync()
    {
        board = await Lists.BoardAsync(Filter, limits);
        cards = [.. board.Columns.SelectMany(c => c.Cards)];
        StateHasChanged();
        container?.Refresh();
    }

    private async Task ShowMoreAsync(ItTaskStatus status)
    {
        limits[status] = limits.GetValueOrDefault(status, ItTaskLists.BoardColumnSize) + ItTaskLists.BoardColumnSize;
        await ReloadAsync();
    }

    private string ColumnClass(ItTaskStatus status) =>
        picked is null || picked.Status == status ? "it-board-column"
        : ItTaskWorkflow.CanMove(picked.Status, status) ? "it-board-column it-board-column-target"
        : "it-board-column it-board-column-closed";

    private void OnPicked(MudDragAndDropItemTransaction<ItTaskCard> transaction) => picked = transaction.Item;

    private async Task OnDroppedAsync(MudItemDropInfo<ItTaskCard> drop)
    {
        picked = null;
        if (drop.Item is null || !Enum.TryParse<ItTaskStatus>(drop.DropzoneIdentifier, out var to) || to == drop.Item.Status)
        {
            container?.Refresh();
            return;
        }

        await MoveAsync((drop.Item, to));
    }

    private async Task MoveAsync((ItTaskCard Card, ItTaskStatus To) move)
    {
        var (card, to) = move;
        refusal = null;
        var (proceed, reason) = await ItTaskMoves.AskReasonAsync(Dialogs, L, card.Status, to);
        if (proceed)
        {
            var result = await Moves.MoveAsync(card.Id, card.Version, to, reason);
            if (result.Succeeded)
            {
                Snackbar.Add(L["ItTasks.Moved", card.Code, L[$"ItTaskStatus.{to}"]], Severity.Success);
                await OnChanged.InvokeAsync();
            }
            else
            {
                refusal = result.IsConflict ? L["ItTasks.BoardConflict", card.Code].Value : ItTaskMoves.Message(L, result.Errors[0]);

                // The alert sits above the board; a card dragged far down the page also gets the message where the eye is.
                Snackbar.Add(refusal, Severity.Warning);
            }
        }

        // Whatever happened, the board shows what the server holds: a refused card goes back to its column.
        await ReloadAsync();
    }
}
