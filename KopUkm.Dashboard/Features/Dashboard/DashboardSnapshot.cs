using KopUkm.Dashboard.Features.Cooperatives.Cases;

namespace KopUkm.Dashboard.Features.Dashboard;

/// <summary>Everything the home dashboard shows for one scope (a division, or the whole office when null).</summary>
public sealed record DashboardSnapshot(
    DateTime ComputedAtUtc,
    int? DivisionId,
    TicketHeadline Tickets,
    RegistrationHeadline Registrations,
    ContentHeadline Content,
    IReadOnlyList<DivisionRow> Divisions,
    IReadOnlyList<UrgentItem> Urgent,
    IReadOnlyList<BacklogPoint> Backlog,
    IReadOnlyList<ComplianceRow> Compliance,
    IReadOnlyList<AgeBucketRow> Ages)
{
    /// <summary>Overdue IT tasks of the scope; filled from the task board.</summary>
    public int ItTasksOverdue { get; init; }

    /// <summary>Overdue IT tasks per requesting division, for the table.</summary>
    public IReadOnlyDictionary<int, int> ItTasksOverdueByDivision { get; init; } = new Dictionary<int, int>();
}

/// <summary>Open tickets: all, at risk and breached (on either target), and without an officer.</summary>
public sealed record TicketHeadline(int Open, int AtRisk, int Breached, int Unassigned);

/// <summary>Cooperatives with an open registration case, per stage, and those past their stage target.</summary>
public sealed record RegistrationHeadline(bool Applies, IReadOnlyDictionary<CaseStage, int> WaitingByStage, int Overdue)
{
    public int Waiting => WaitingByStage.Values.Sum();
}

/// <summary>Live content past its review date, due within 14 days, and unreachable on the site.</summary>
public sealed record ContentHeadline(int Overdue, int DueSoon, int Broken);

/// <param name="OldestOpenDays">Age of the division's oldest open ticket; null when it has none.</param>
/// <param name="PendingRegistrations">Only on the division that runs registrations; null elsewhere.</param>
public sealed record DivisionRow(
    int DivisionId, string Code, string Name, int OpenTickets, int BreachedTickets, int? OldestOpenDays, int? PendingRegistrations, int OverdueContent);

public enum UrgentSource
{
    Ticket = 1,
    Registration = 2,
    Content = 3,
    BrokenPage = 5,
}

/// <param name="Detail">Service name, case stage or content kind, as stored (the page translates enum names).</param>
/// <param name="DueAtUtc">The due moment; for a broken page, when it was last found broken.</param>
/// <param name="PriorityRank">Breaks ties between equal due moments: higher first.</param>
/// <param name="Tier">The ranking tier, an <see cref="AttentionTier"/> (1 first): see <see cref="AttentionRule"/>.</param>
public sealed record UrgentItem(UrgentSource Source, string Title, string Detail, string? DivisionCode, DateTime DueAtUtc, int PriorityRank, string Link, int Tier)
{
    /// <summary>The service's English name, for a ticket whose catalogue entry has one.</summary>
    public string? DetailEn { get; init; }

    /// <summary>
    /// A ticket paused at risk (waiting on the applicant with little of its target left): the working minutes left when
    /// it resumes. Its <see cref="DueAtUtc"/> is then "now plus those minutes", for ranking only.
    /// </summary>
    public int? PausedMinutesLeft { get; init; }
}

/// <param name="WeekEndingWib">The Sunday the week ends on; today for the running week (counted as of now).</param>
public sealed record BacklogPoint(DateOnly WeekEndingWib, int OpenTickets);

public sealed record ComplianceRow(string DivisionCode, int Met, int Resolved)
{
    public double? Percent => Resolved == 0 ? null : 100.0 * Met / Resolved;
}

/// <param name="ToDays">Inclusive upper bound; null for "and older".</param>
public sealed record AgeBucketRow(int FromDays, int? ToDays, int Tickets, int Registrations);
