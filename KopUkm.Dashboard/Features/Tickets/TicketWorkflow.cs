namespace KopUkm.Dashboard.Features.Tickets;

/// <summary>The one list of allowed ticket status changes. The server refuses every other, whatever the page sent.</summary>
public static class TicketWorkflow
{
    private static readonly Dictionary<TicketStatus, TicketStatus[]> Allowed = new()
    {
        [TicketStatus.Baru] = [TicketStatus.Ditugaskan],
        [TicketStatus.Ditugaskan] = [TicketStatus.Diproses],
        [TicketStatus.Diproses] = [TicketStatus.MenungguPemohon, TicketStatus.Selesai],
        [TicketStatus.MenungguPemohon] = [TicketStatus.Diproses, TicketStatus.Selesai],
        [TicketStatus.Selesai] = [TicketStatus.Ditutup, TicketStatus.DibukaKembali],
        [TicketStatus.Ditutup] = [TicketStatus.DibukaKembali],
        [TicketStatus.DibukaKembali] = [TicketStatus.Diproses, TicketStatus.MenungguPemohon, TicketStatus.Selesai],
    };

    public static IReadOnlyList<TicketStatus> NextStatuses(TicketStatus from) => Allowed[from];

    public static bool CanMove(TicketStatus from, TicketStatus to) => Allowed[from].Contains(to);

    /// <summary>Waiting on the applicant needs a reason; resolving needs a resolution note; reopening a reason.</summary>
    public static bool RequiresText(TicketStatus to) =>
        to is TicketStatus.MenungguPemohon or TicketStatus.Selesai or TicketStatus.DibukaKembali;

    /// <summary>
    /// The applicant may close their own request on the portal once it is resolved (Selesai → Ditutup, a move of the
    /// table above). Reopening from the portal follows the table and the reopen window like a staff reopening.
    /// </summary>
    public static bool ApplicantMayClose(TicketStatus status) => CanMove(status, TicketStatus.Ditutup);

    public static bool IsOpen(TicketStatus status) => status is not (TicketStatus.Selesai or TicketStatus.Ditutup);

    /// <summary>Statuses in which someone in the division still has to act.</summary>
    public static IReadOnlyList<TicketStatus> OpenStatuses { get; } =
        [TicketStatus.Baru, TicketStatus.Ditugaskan, TicketStatus.Diproses, TicketStatus.MenungguPemohon, TicketStatus.DibukaKembali];
}
