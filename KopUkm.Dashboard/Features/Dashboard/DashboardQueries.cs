using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Content;
using KopUkm.Dashboard.Features.Cooperatives.Cases;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Localization;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Dashboard;

/// <summary>
/// The dashboard's numbers, computed in the database: every figure is a COUNT/MIN over an indexed filter, grouped so
/// that one pass serves several figures; only the month of resolutions behind the compliance chart comes back as
/// (division, flag) pairs. Each figure uses the same predicate as the list it links to, so a click shows exactly the
/// records counted (see docs/dashboard.md). docs/performance.md has the measurements at 100,000 tickets.
/// </summary>
internal static class DashboardQueries
{
    public const int UrgentCount = 10;
    public const int BacklogWeeks = 12;

    /// <summary>Age buckets of open work, in whole calendar days since it arrived.</summary>
    public static readonly (int From, int? To)[] AgeBuckets = [(0, 2), (3, 7), (8, 14), (15, 30), (31, null)];

    public static async Task<DashboardSnapshot> ComputeAsync(AppDbContext db, int? divisionId, string registrationDivisionCode, DateTime now, CancellationToken ct)
    {
        var snapshot = await ComputeCitizenWorkAsync(db, divisionId, registrationDivisionCode, now, ct);
        return await ItTaskFigures.AddAsync(db, snapshot, DateOnly.FromDateTime(WibTime.ToWib(now)), ct);
    }

    /// <summary>Tickets, registration cases and content: everything but the IT task figures.</summary>
    private static async Task<DashboardSnapshot> ComputeCitizenWorkAsync(AppDbContext db, int? divisionId, string registrationDivisionCode, DateTime now, CancellationToken ct)
    {
        var divisions = await db.Set<Division>().AsNoTracking().Where(d => d.IsActive).OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.Code, d.Name }).ToListAsync(ct);
        var registrationDivisionId = divisions.FirstOrDefault(d => d.Code == registrationDivisionCode)?.Id;
        var registrationsApply = divisionId is null || divisionId == registrationDivisionId;

        var open = TicketWorkflow.OpenStatuses;
        var tickets = db.Set<Ticket>().AsNoTracking().Where(t => open.Contains(t.Status));
        var cases = db.Set<RegistrationCase>().AsNoTracking().Where(c => c.ClosedAtUtc == null);
        var content = db.Set<ContentItem>().AsNoTracking();
        if (divisionId is { } id)
        {
            tickets = tickets.Where(t => t.DivisionId == id);
            content = content.Where(c => c.OwnerDivisionId == id);
        }

        // One pass over the open tickets of the scope, per division: the table's columns, and the headline numbers and
        // age buckets as their sums.
        var ages = AgeBounds(now);
        var ticketRows = await tickets.GroupBy(t => t.DivisionId).Select(g => new
        {
            DivisionId = g.Key,
            Open = g.Count(),
            AtRisk = g.Count(t => t.ResolutionSla == SlaStatus.AtRisk || t.ResolutionSla == SlaStatus.PausedRisk || t.FirstResponseSla == SlaStatus.AtRisk),
            Breached = g.Count(t => t.ResolutionSla == SlaStatus.Breached || t.FirstResponseSla == SlaStatus.Breached),
            Unassigned = g.Count(t => t.AssignedUserId == null),
            Oldest = g.Min(t => t.CreatedAtUtc),
            Ages = new[]
            {
                g.Count(t => t.CreatedAtUtc <= ages[0].Newest && t.CreatedAtUtc > ages[0].Oldest),
                g.Count(t => t.CreatedAtUtc <= ages[1].Newest && t.CreatedAtUtc > ages[1].Oldest),
                g.Count(t => t.CreatedAtUtc <= ages[2].Newest && t.CreatedAtUtc > ages[2].Oldest),
                g.Count(t => t.CreatedAtUtc <= ages[3].Newest && t.CreatedAtUtc > ages[3].Oldest),
                g.Count(t => t.CreatedAtUtc <= ages[4].Newest && t.CreatedAtUtc > ages[4].Oldest),
            },
        }).ToListAsync(ct);
        var ticketHead = new TicketHeadline(
            ticketRows.Sum(r => r.Open), ticketRows.Sum(r => r.AtRisk), ticketRows.Sum(r => r.Breached), ticketRows.Sum(r => r.Unassigned));

        var registrationHead = new RegistrationHeadline(false, new Dictionary<CaseStage, int>(), 0);
        var pendingRegistrations = 0;
        var caseAges = new int[AgeBuckets.Length];
        if (registrationsApply)
        {
            // Counted per cooperative, as the cooperative list filters by "has an open case in this stage".
            var byStage = await cases.GroupBy(c => c.Stage).Select(g => new { Stage = g.Key, Count = g.Select(c => c.CooperativeId).Distinct().Count() }).ToListAsync(ct);
            var totals = await cases.GroupBy(_ => 1).Select(g => new
            {
                Pending = g.Select(c => c.CooperativeId).Distinct().Count(),
                Overdue = g.Where(c => c.StageDueAtUtc < now).Select(c => c.CooperativeId).Distinct().Count(),
                Ages = new[]
                {
                    g.Count(c => c.SubmittedAtUtc <= ages[0].Newest && c.SubmittedAtUtc > ages[0].Oldest),
                    g.Count(c => c.SubmittedAtUtc <= ages[1].Newest && c.SubmittedAtUtc > ages[1].Oldest),
                    g.Count(c => c.SubmittedAtUtc <= ages[2].Newest && c.SubmittedAtUtc > ages[2].Oldest),
                    g.Count(c => c.SubmittedAtUtc <= ages[3].Newest && c.SubmittedAtUtc > ages[3].Oldest),
                    g.Count(c => c.SubmittedAtUtc <= ages[4].Newest && c.SubmittedAtUtc > ages[4].Oldest),
                },
            }).SingleOrDefaultAsync(ct);
            registrationHead = new RegistrationHeadline(true, byStage.ToDictionary(s => s.Stage, s => s.Count), totals?.Overdue ?? 0);
            pendingRegistrations = totals?.Pending ?? 0;
            caseAges = totals?.Ages ?? caseAges;
        }

        // Content per division in one pass: the headline counts what is live, the table every overdue item.
        var contentRows = await content.GroupBy(c => c.OwnerDivisionId).Select(g => new
        {
            DivisionId = g.Key,
            LiveOverdue = g.AsQueryable().Where(LiveContent.IsLive).Count(c => c.Freshness == ContentFreshness.Overdue),
            LiveDueSoon = g.AsQueryable().Where(LiveContent.IsLive).Count(c => c.Freshness == ContentFreshness.DueSoon),
            LiveBroken = g.AsQueryable().Where(LiveContent.IsLive).Count(c => c.LiveStatus == LiveStatus.Broken),
            Overdue = g.Count(c => c.Freshness == ContentFreshness.Overdue),
        }).ToListAsync(ct);
        var contentHead = new ContentHeadline(contentRows.Sum(r => r.LiveOverdue), contentRows.Sum(r => r.LiveDueSoon), contentRows.Sum(r => r.LiveBroken));

        var rows = divisions
            .Where(d => divisionId is null || d.Id == divisionId)
            .Select(d =>
            {
                var t = ticketRows.FirstOrDefault(r => r.DivisionId == d.Id);
                return new DivisionRow(
                    d.Id,
                    d.Code,
                    d.Name,
                    t?.Open ?? 0,
                    t?.Breached ?? 0,
                    t is null ? null : (int)(now - t.Oldest).TotalDays,
                    d.Id == registrationDivisionId ? pendingRegistrations : null,
                    contentRows.FirstOrDefault(r => r.DivisionId == d.Id)?.Overdue ?? 0);
            })
            .ToList();

        return new DashboardSnapshot(
            now,
            divisionId,
            ticketHead,
            registrationHead,
            contentHead,
            rows,
            await UrgentAsync(tickets, registrationsApply ? cases : null, content, now, ct),
            await BacklogAsync(db, divisionId, now, ct),
            await ComplianceAsync(db, divisionId, divisions.ToDictionary(d => d.Id, d => d.Code), now, ct),
            [.. AgeBuckets.Select((b, i) => new AgeBucketRow(b.From, b.To, ticketRows.Sum(r => r.Ages[i]), caseAges[i]))]);
    }

    /// <summary>
    /// "Perlu perhatian sekarang": candidates from tickets, registration cases and content, ranked by
    /// <see cref="AttentionRule"/>. Each source gives at most ten candidates, so the merge reads at most forty rows.
    /// </summary>
    private static async Task<IReadOnlyList<UrgentItem>> UrgentAsync(
        IQueryable<Ticket> tickets, IQueryable<RegistrationCase>? cases, IQueryable<ContentItem> content, DateTime now, CancellationToken ct)
    {
        // Waiting on the applicant pauses the clock: nothing for the office to do until they answer.
        var fromTickets = await tickets.Where(t => t.ResolutionDueAtUtc != null && t.Status != TicketStatus.MenungguPemohon)
            .OrderBy(t => t.ResolutionDueAtUtc).Take(UrgentCount)
            .Select(t => new { t.Id, t.Code, t.ApplicantName, t.ServiceType!.NameId, t.ServiceType.NameEn, Due = t.ResolutionDueAtUtc!.Value, t.Priority, Division = t.Division!.Code })
            .ToListAsync(ct);
        var items = fromTickets.Select(t => new UrgentItem(
            UrgentSource.Ticket, $"{t.Code} · {t.ApplicantName}", t.NameId, t.Division, t.Due, PriorityRank(t.Priority), $"/layanan/{t.Id}", (int)AttentionRule.ForCitizenWork(t.Due, now))
        {
            DetailEn = string.IsNullOrWhiteSpace(t.NameEn) ? null : t.NameEn,
        }).ToList();

        // A clock paused at risk has no due moment while it waits, yet it is at risk: the moment the applicant answers,
        // little is left. Listed among the work due next, ranked as if it resumed now (docs/dashboard.md).
        var pausedAtRisk = await tickets.Where(t => t.ResolutionSla == SlaStatus.PausedRisk && t.ResolutionMinutesLeft != null)
            .OrderBy(t => t.ResolutionMinutesLeft).Take(UrgentCount)
            .Select(t => new { t.Id, t.Code, t.ApplicantName, t.ServiceType!.NameId, t.ServiceType.NameEn, Left = t.ResolutionMinutesLeft!.Value, t.Priority, Division = t.Division!.Code })
            .ToListAsync(ct);
        items.AddRange(pausedAtRisk.Select(t => new UrgentItem(
            UrgentSource.Ticket, $"{t.Code} · {t.ApplicantName}", t.NameId, t.Division, now.AddMinutes(Math.Max(0, t.Left)), PriorityRank(t.Priority), $"/layanan/{t.Id}", (int)AttentionTier.CitizenWorkDueNext)
        {
            DetailEn = string.IsNullOrWhiteSpace(t.NameEn) ? null : t.NameEn,
            PausedMinutesLeft = t.Left,
        }));

        if (cases is not null)
        {
            var fromCases = await cases.Where(c => c.StageDueAtUtc != null)
                .OrderBy(c => c.StageDueAtUtc).Take(UrgentCount)
                .Select(c => new { c.Id, c.Cooperative!.Name, c.Stage, Due = c.StageDueAtUtc!.Value })
                .ToListAsync(ct);
            items.AddRange(fromCases.Select(c => new UrgentItem(
                UrgentSource.Registration, c.Name, c.Stage.ToString(), null, c.Due, 0, $"/koperasi/kasus/{c.Id}", (int)AttentionRule.ForCitizenWork(c.Due, now))));
        }

        var live = content.Where(LiveContent.IsLive);
        var broken = await live.Where(c => c.LiveStatus == LiveStatus.Broken)
            .OrderBy(c => c.LastCheckedAtUtc).Take(UrgentCount)
            .Select(c => new { c.Id, c.Title, c.Kind, Since = c.LastCheckedAtUtc ?? c.StateChangedAtUtc, Division = c.OwnerDivision!.Code })
            .ToListAsync(ct);
        items.AddRange(broken.Select(c => new UrgentItem(UrgentSource.BrokenPage, c.Title, c.Kind.ToString(), c.Division, c.Since, 0, $"/konten/{c.Id}", (int)AttentionTier.PageBroken)));

        var reviews = await live.Where(c => c.ReviewDueAtUtc != null && c.LiveStatus != LiveStatus.Broken)
            .OrderBy(c => c.ReviewDueAtUtc).Take(UrgentCount)
            .Select(c => new { c.Id, c.Title, c.Kind, Due = c.ReviewDueAtUtc!.Value, Division = c.OwnerDivision!.Code })
            .ToListAsync(ct);
        items.AddRange(reviews.Select(c => new UrgentItem(UrgentSource.Content, c.Title, c.Kind.ToString(), c.Division, c.Due, 0, $"/konten/{c.Id}", (int)AttentionRule.ForContentReview(c.Due, now))));

        return [.. AttentionRule.Rank(items).Take(UrgentCount)];
    }

    private static int PriorityRank(WorkPriority priority) => priority switch
    {
        WorkPriority.Mendesak => 3,
        WorkPriority.Tinggi => 2,
        WorkPriority.Normal => 1,
        _ => 0,
    };

    /// <summary>
    /// Open tickets at the end of each of the last twelve WIB weeks (Sunday 24:00): received by then and not yet
    /// resolved by then. Two scans with twelve conditional counts each, over the only tickets that can count: those
    /// still unresolved, and those resolved since the first week's end. Split so that each is one range of the
    /// resolution-date index (an OR of the two makes SQLite walk every ticket instead).
    /// </summary>
    private static async Task<IReadOnlyList<BacklogPoint>> BacklogAsync(AppDbContext db, int? divisionId, DateTime now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(WibTime.ToWib(now));
        var thisWeekEnd = today.AddDays((7 - (int)today.DayOfWeek) % 7).AddDays(1); // the Monday after this week's Sunday
        var ends = Enumerable.Range(0, BacklogWeeks).Select(i => thisWeekEnd.AddDays(-7 * (BacklogWeeks - 1 - i))).ToArray();
        var utc = ends.Select(e => WibTime.ToUtc(e.ToDateTime(TimeOnly.MinValue))).Select(e => e > now ? now : e).ToArray();
        var first = utc[0];
        var last = utc[^1];
        var query = db.Set<Ticket>().AsNoTracking().Where(t => t.CreatedAtUtc < last);
        if (divisionId is { } id)
        {
            query = query.Where(t => t.DivisionId == id);
        }

        var unresolved = await query.Where(t => t.ResolvedAtUtc == null).GroupBy(_ => 1).Select(g => new[]
        {
            g.Count(t => t.CreatedAtUtc < utc[0]),
            g.Count(t => t.CreatedAtUtc < utc[1]),
            g.Count(t => t.CreatedAtUtc < utc[2]),
            g.Count(t => t.CreatedAtUtc < utc[3]),
            g.Count(t => t.CreatedAtUtc < utc[4]),
            g.Count(t => t.CreatedAtUtc < utc[5]),
            g.Count(t => t.CreatedAtUtc < utc[6]),
            g.Count(t => t.CreatedAtUtc < utc[7]),
            g.Count(t => t.CreatedAtUtc < utc[8]),
            g.Count(t => t.CreatedAtUtc < utc[9]),
            g.Count(t => t.CreatedAtUtc < utc[10]),
            g.Count(t => t.CreatedAtUtc < utc[11]),
        }).SingleOrDefaultAsync(ct) ?? new int[BacklogWeeks];
        var resolvedLater = await query.Where(t => t.ResolvedAtUtc >= first).GroupBy(_ => 1).Select(g => new[]
        {
            g.Count(t => t.CreatedAtUtc < utc[0] && t.ResolvedAtUtc >= utc[0]),
            g.Count(t => t.CreatedAtUtc < utc[1] && t.ResolvedAtUtc >= utc[1]),
            g.Count(t => t.CreatedAtUtc < utc[2] && t.ResolvedAtUtc >= utc[2]),
            g.Count(t => t.CreatedAtUtc < utc[3] && t.ResolvedAtUtc >= utc[3]),
            g.Count(t => t.CreatedAtUtc < utc[4] && t.ResolvedAtUtc >= utc[4]),
            g.Count(t => t.CreatedAtUtc < utc[5] && t.ResolvedAtUtc >= utc[5]),
            g.Count(t => t.CreatedAtUtc < utc[6] && t.ResolvedAtUtc >= utc[6]),
            g.Count(t => t.CreatedAtUtc < utc[7] && t.ResolvedAtUtc >= utc[7]),
            g.Count(t => t.CreatedAtUtc < utc[8] && t.ResolvedAtUtc >= utc[8]),
            g.Count(t => t.CreatedAtUtc < utc[9] && t.ResolvedAtUtc >= utc[9]),
            g.Count(t => t.CreatedAtUtc < utc[10] && t.ResolvedAtUtc >= utc[10]),
            g.Count(t => t.CreatedAtUtc < utc[11] && t.ResolvedAtUtc >= utc[11]),
        }).SingleOrDefaultAsync(ct) ?? new int[BacklogWeeks];

        // The running week is counted as of now, so its point is dated today, never the Sunday still to come.
        return [.. ends.Select((end, i) => new BacklogPoint(end.AddDays(-1) > today ? today : end.AddDays(-1), unresolved[i] + resolvedLater[i]))];
    }

    /// <summary>
    /// Resolution-target compliance per division over the last 30 days: tickets resolved in the window whose target
    /// was never breached ÷ tickets resolved in the window. The Metrik page has the full definition per period.
    /// </summary>
    private static async Task<IReadOnlyList<ComplianceRow>> ComplianceAsync(
        AppDbContext db, int? divisionId, Dictionary<int, string> codes, DateTime now, CancellationToken ct)
    {
        var since = now.AddDays(-30);
        var query = db.Set<Ticket>().AsNoTracking().Where(t => t.ResolvedAtUtc >= since && t.ServiceType!.ResolutionWorkingDays > 0);
        if (divisionId is { } id)
        {
            query = query.Where(t => t.DivisionId == id);
        }

        // A month of resolutions, grouped here: grouped in SQL, SQLite walks a division-ordered index over every
        // ticket ever to avoid a sort, where reading the month's rows off the resolution-date index is ten times quicker.
        var resolved = await query.Select(t => new { t.DivisionId, t.EverBreached }).ToListAsync(ct);
        return [.. resolved.Where(r => codes.ContainsKey(r.DivisionId)).GroupBy(r => r.DivisionId).OrderBy(g => codes[g.Key])
            .Select(g => new ComplianceRow(codes[g.Key], g.Count(r => !r.EverBreached), g.Count()))];
    }

    /// <summary>The age buckets as instants: created at or before <c>Newest</c> and after <c>Oldest</c>.</summary>
    private static (DateTime Newest, DateTime Oldest)[] AgeBounds(DateTime now) =>
        [.. AgeBuckets.Select(b => (Newest: now.AddDays(-b.From), Oldest: b.To is { } to ? now.AddDays(-(to + 1)) : DateTime.MinValue))];
}
