namespace KopUkm.Dashboard.Features.Content;

/// <summary>The one list of allowed queue moves. The server refuses every other, whatever the page sent.</summary>
public static class ContentWorkflow
{
    private static readonly Dictionary<ContentState, ContentState[]> Allowed = new()
    {
        [ContentState.Draf] = [ContentState.Ditinjau, ContentState.Diarsipkan],
        // In review: a division head approves, or it goes back to the draft for changes.
        [ContentState.Ditinjau] = [ContentState.Disetujui, ContentState.Draf, ContentState.Diarsipkan],
        [ContentState.Disetujui] = [ContentState.Terbit, ContentState.Ditinjau, ContentState.Diarsipkan],
        [ContentState.Terbit] = [ContentState.PerluPembaruan, ContentState.Diarsipkan],
        [ContentState.PerluPembaruan] = [ContentState.Ditinjau, ContentState.Diarsipkan],
        // Archived items can be brought back as a draft, never straight to the live site.
        [ContentState.Diarsipkan] = [ContentState.Draf],
    };

    public static IReadOnlyList<ContentState> NextStates(ContentState from) => Allowed[from];

    public static bool CanMove(ContentState from, ContentState to) => Allowed[from].Contains(to);

    /// <summary>Only a division head (or an administrator) approves.</summary>
    public static bool NeedsApprover(ContentState to) => to == ContentState.Disetujui;

    /// <summary>Sending back, flagging stale and archiving need a reason.</summary>
    public static bool RequiresReason(ContentState from, ContentState to) =>
        to is ContentState.PerluPembaruan or ContentState.Diarsipkan
        || (from == ContentState.Ditinjau && to == ContentState.Draf)
        || (from == ContentState.Disetujui && to == ContentState.Ditinjau);

    /// <summary>States where the item waits on someone in the division.</summary>
    public static IReadOnlyList<ContentState> AwaitingAction { get; } =
        [ContentState.Draf, ContentState.Ditinjau, ContentState.Disetujui, ContentState.PerluPembaruan];

    /// <summary>"Mark reviewed" confirms a live item is still right, without editing it.</summary>
    public static bool CanMarkReviewed(ContentState state) => LiveContent.IsLiveState(state);
}
