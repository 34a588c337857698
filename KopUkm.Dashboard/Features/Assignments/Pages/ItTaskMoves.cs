using KopUkm.Dashboard.Common;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace KopUkm.Dashboard.Features.Assignments.Pages;

/// <summary>What the board and the task page share about moving a task: button labels, the reason prompt, and messages.</summary>
public static class ItTaskMoves
{
    /// <summary>The action's name on a button, by where the task is and where it goes.</summary>
    public static string Label(IStringLocalizer L, ItTaskStatus from, ItTaskStatus to) => (from, to) switch
    {
        (ItTaskStatus.Baru, ItTaskStatus.Dikerjakan) => L["ItTaskMove.Start"],
        (ItTaskStatus.Selesai, ItTaskStatus.Dikerjakan) => L["ItTaskMove.Reopen"],
        (_, ItTaskStatus.Dikerjakan) => L["ItTaskMove.Resume"],
        (_, ItTaskStatus.Menunggu) => L["ItTaskMove.Wait"],
        (_, ItTaskStatus.Selesai) => L["ItTaskMove.Finish"],
        _ => L[$"ItTaskStatus.{to}"],
    };

    public static string Icon(ItTaskStatus from, ItTaskStatus to) => (from, to) switch
    {
        (ItTaskStatus.Selesai, _) => Icons.Material.Filled.Replay,
        (_, ItTaskStatus.Dikerjakan) => Icons.Material.Filled.PlayArrow,
        (_, ItTaskStatus.Menunggu) => Icons.Material.Filled.PauseCircleOutline,
        _ => Icons.Material.Filled.CheckCircleOutline,
    };

    public static Color Color(ItTaskStatus to) => to switch
    {
        ItTaskStatus.Selesai => MudBlazor.Color.Success,
        ItTaskStatus.Menunggu => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Primary,
    };

    /// <summary>
    /// Asks for the reason a move needs (<see cref="ItTaskWorkflow.RequiresReason"/>). Returns false when the user
    /// cancelled; a move the workflow refuses anyway is not asked about, so the server's message is what they see.
    /// </summary>
    public static async Task<(bool Proceed, string? Reason)> AskReasonAsync(IDialogService dialogs, IStringLocalizer L, ItTaskStatus from, ItTaskStatus to)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        if (!ItTaskWorkflow.CanMove(from, to) || !ItTaskWorkflow.RequiresReason(from, to))
        {
            return (true, null);
        }

        var label = to == ItTaskStatus.Menunggu ? L["ItTasks.WaitingFor"] : L["ItTasks.ReopenReason"];
        var parameters = new DialogParameters<ItTaskReasonDialog> { { d => d.Label, label } };
        var dialog = await dialogs.ShowAsync<ItTaskReasonDialog>(Label(L, from, to), parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        return await dialog.Result is { Canceled: false, Data: string text } ? (true, text) : (false, null);
    }

    /// <summary>A refusal in the user's language; a refused move also names the moves that are allowed from there.</summary>
    public static string Message(IStringLocalizer L, CommandError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.MessageKey == "ItTasks.TransitionNotAllowed" && error.Args is [ItTaskStatus from, ItTaskStatus to])
        {
            var allowed = string.Join(", ", ItTaskWorkflow.NextStatuses(from).Select(s => L[$"ItTaskStatus.{s}"].Value));
            return $"{L["ItTasks.TransitionNotAllowed", L[$"ItTaskStatus.{from}"], L[$"ItTaskStatus.{to}"]]} {L["ItTasks.AllowedFrom", L[$"ItTaskStatus.{from}"], allowed]}";
        }

        return L.Text(error);
    }
}
