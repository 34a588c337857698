using KopUkm.Dashboard.Common;

namespace KopUkm.Dashboard.Features.Tickets;

/// <summary>Ticket settings (section <c>Tickets</c>).</summary>
public sealed class TicketOptions : ISettings
{
    /// <summary>How long after resolution or closing an applicant's ticket may be reopened.</summary>
    public int ReopenWindowDays { get; set; } = 30;

    /// <summary>How soon the receiving division must act on a handoff.</summary>
    public int HandoffAcceptanceWorkingDays { get; set; } = 1;

    /// <summary>Share of a target after which a running clock is "at risk".</summary>
    public double AtRiskThreshold { get; set; } = 0.8;

    /// <summary>Division codes where new tickets go to the least-loaded officer automatically.</summary>
    public List<string> AutoAssignDivisionCodes { get; set; } = [];

    /// <summary>How often the SLA job refreshes open tickets (cron, WIB).</summary>
    public string SlaRefreshSchedule { get; set; } = "*/5 * * * *";

    public IEnumerable<SettingProblem> Check() =>
    [
        .. SettingChecks.Range(nameof(ReopenWindowDays), ReopenWindowDays, 0, 365),
        .. SettingChecks.Range(nameof(HandoffAcceptanceWorkingDays), HandoffAcceptanceWorkingDays, 1, 30),
        .. AtRiskThreshold > 0 && AtRiskThreshold < 1 ? [] : new[] { new SettingProblem(nameof(AtRiskThreshold), "OutOfRange", AtRiskThreshold, 0.01, 0.99) },
        .. SettingChecks.DivisionCodes(nameof(AutoAssignDivisionCodes), AutoAssignDivisionCodes, required: false),
        .. SettingChecks.Cron(nameof(SlaRefreshSchedule), SlaRefreshSchedule),
    ];
}
