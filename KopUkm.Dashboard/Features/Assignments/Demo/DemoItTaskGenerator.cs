using System.Globalization;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Calendar;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Localization;
using static KopUkm.Dashboard.Features.Assignments.Demo.DemoItTaskWords;

namespace KopUkm.Dashboard.Features.Assignments.Demo;

/// <summary>
/// About four months of IT tasks up to "now", each with the history that led to its present state: raised by a
/// division head or IT staff, assigned, started, sometimes waiting, reassigned or re-dated, finished. Older tasks are
/// mostly done; recent ones are still open, and some open ones have passed their due date. Everything comes from the
/// given <see cref="Random"/>, so a seed gives the same tasks for the same staff and day.
/// </summary>
internal sealed class DemoItTaskGenerator(
    Random rng,
    DateTime nowUtc,
    WorkingCalendar calendar,
    IReadOnlyList<DemoDivision> divisions,
    IReadOnlyList<ItStaffMember> staff,
    IReadOnlyDictionary<int, IReadOnlyList<int>> ticketIdsByDivision,
    IReadOnlyList<int> caseIds,
    int count = DemoItTaskGenerator.TaskCount,
    int historyDays = DemoItTaskGenerator.DefaultHistoryDays,
    double recentShare = DemoItTaskGenerator.RecentShare)
{
    public const int TaskCount = 120;

    public const int DefaultHistoryDays = 120;

    /// <summary>The demo unit is new: a third of its requests came in the last three weeks.</summary>
    public const double RecentShare = 0.35;

    private const int RecentDays = 21;

    /// <summary>Work goes to the IT staff unevenly, so the workload panel has something to balance.</summary>
    private static readonly double[] StaffWeights = [0.45, 0.33, 0.22];

    private readonly HashSet<(WorkItemKind, long)> usedSources = [];

    public List<DemoItTask> Generate()
    {
        if (staff.Count == 0 || divisions.Count == 0)
        {
            throw new InvalidOperationException("Demo IT tasks need IT staff and divisions.");
        }

        var tasks = new List<DemoItTask>(count);
        var uses = new Dictionary<DemoItTaskTemplate, int>();
        // Each kind of work at most three times in the demo's 120 tasks; in a larger set, a little over an even share.
        var maxUses = count <= TaskCount ? 3 : (int)Math.Ceiling(1.25 * count / Templates.Count);
        for (var i = 0; i < count; i++)
        {
            // A third of the requests came in the last three weeks (the unit is new and word got round), so the board has open work.
            var daysAgo = rng.NextDouble() < recentShare ? RecentDays * rng.NextDouble() : historyDays * rng.NextDouble();
            var template = Templates[rng.Next(Templates.Count)];
            while (uses.GetValueOrDefault(template) >= maxUses)
            {
                template = Templates[rng.Next(Templates.Count)];
            }

            uses[template] = uses.GetValueOrDefault(template) + 1;
            tasks.Add(Create(template, BeforeNow(OfficeTime(nowUtc.AddDays(-daysAgo)))));
        }

        return [.. tasks.OrderBy(t => t.Task.CreatedAtUtc)];
    }

    private DemoItTask Create(DemoItTaskTemplate template, DateTime createdAt)
    {
        var division = template.DivisionCode == "*"
            ? divisions[rng.Next(divisions.Count)]
            : divisions.FirstOrDefault(d => d.Code == template.DivisionCode) ?? divisions[0];
        var created = WibTime.ToWib(createdAt);
        var quarter = $"triwulan {Quarters[(created.Month - 1) / 3]} {created.Year}";
        var args = new object[] { division.Name, quarter, Trainings[rng.Next(Trainings.Count)], Places[rng.Next(Places.Count)] };
        var hours = Math.Clamp(Math.Round(template.Hours * (decimal)(0.75 + (rng.NextDouble() * 0.75)) * 2, MidpointRounding.AwayFromZero) / 2, ItTaskRules.MinEstimateHours, ItTaskRules.MaxEstimateHours);
        var priority = rng.NextDouble() < 0.7 ? template.Priority : (WorkPriority)rng.Next(1, 5);
        var dueDays = priority switch { WorkPriority.Mendesak => rng.Next(1, 3), WorkPriority.Tinggi => rng.Next(2, 6), _ => rng.Next(4, 15) } + (int)(hours / 6);
        var creator = division.Head is { } head && rng.NextDouble() < 0.55 ? head : Coordinator;
        var task = new ItTask
        {
            Title = string.Format(CultureInfo.InvariantCulture, template.Title, args),
            Description = string.Format(CultureInfo.InvariantCulture, template.Description, args),
            Priority = priority,
            DueDate = DateOnly.FromDateTime(created).AddDays(dueDays),
            EstimateHours = hours,
            RequestingDivisionId = division.Id,
            CreatedById = creator.Id,
            CreatedByName = creator.Name,
            CreatedAtUtc = createdAt,
        };
        Source(task, template.RaisedFrom);
        var events = new List<ItTaskEvent> { Event(ItTaskEventKind.Created, creator, createdAt, null, nameof(ItTaskStatus.Baru)) };
        Live(task, events);
        return new DemoItTask(task, events);
    }

    /// <summary>Plays the task's life forward step by step, stopping at the first step that would lie in the future.</summary>
    private void Live(ItTask task, List<ItTaskEvent> events)
    {
        var at = task.CreatedAtUtc;
        var ageDays = (nowUtc - at).TotalDays;

        // Some new requests wait a while for someone to pick them up, and some are never picked up yet.
        if (rng.NextDouble() < (ageDays < 7 ? 0.2 : 0.03))
        {
            if (rng.NextDouble() < 0.3 && Step(ref at, 2, 30))
            {
                Move(task, events, ItTaskStatus.Menunggu, Coordinator, at, WaitingReasons[rng.Next(WaitingReasons.Count)]);
            }

            return;
        }

        if (!Step(ref at, 0.5, 12))
        {
            return;
        }

        var assignee = PickStaff();
        Assign(task, events, Coordinator, assignee, at, "");
        if (rng.NextDouble() < 0.06 && Step(ref at, 1, 24))
        {
            var other = staff.Where(s => s.Id != assignee.Id).ToList();
            if (other.Count > 0)
            {
                var next = other[rng.Next(other.Count)];
                Assign(task, events, Coordinator, next, at, ReassignReasons[rng.Next(ReassignReasons.Count)]);
                assignee = next;
            }
        }

        if (!Step(ref at, 1, 30))
        {
            return;
        }

        var worker = new DemoActor(assignee.Id, assignee.Name);
        Move(task, events, ItTaskStatus.Dikerjakan, worker, at, "");
        if (rng.NextDouble() < 0.25 && Step(ref at, 2, 30))
        {
            Move(task, events, ItTaskStatus.Menunggu, worker, at, WaitingReasons[rng.Next(WaitingReasons.Count)]);
            if (!Step(ref at, 24, 24 * 9))
            {
                return;
            }

            Move(task, events, ItTaskStatus.Dikerjakan, worker, at, "");
        }

        if (rng.NextDouble() < 0.08 && Step(ref at, 2, 24))
        {
            var due = task.DueDate.AddDays(rng.Next(3, 10));
            events.Add(Event(ItTaskEventKind.DueDateChanged, Coordinator, at, ItTaskActionSupport.DateText(task.DueDate), ItTaskActionSupport.DateText(due)));
            task.DueDate = due;
        }

        // The work itself: its estimate spread over days between other work, finished late as often as not.
        var workHours = (double)task.EstimateHours * (4 + (rng.NextDouble() * 8));
        if (!Step(ref at, workHours * 0.6, workHours * 1.4))
        {
            return;
        }

        Move(task, events, ItTaskStatus.Selesai, worker, at, "");
        if (rng.NextDouble() < 0.04 && Step(ref at, 24, 72))
        {
            Move(task, events, ItTaskStatus.Dikerjakan, Coordinator, at, ReopenReasons[rng.Next(ReopenReasons.Count)]);
            if (Step(ref at, 4, 30))
            {
                Move(task, events, ItTaskStatus.Selesai, worker, at, "");
            }
        }
    }

    /// <summary>Advances <paramref name="at"/> by a random number of hours within office time; false when that is past now.</summary>
    private bool Step(ref DateTime at, double minHours, double maxHours)
    {
        var next = OfficeTime(at.AddHours(minHours + (rng.NextDouble() * (maxHours - minHours))));
        if (next >= nowUtc)
        {
            return false;
        }

        at = next;
        return true;
    }

    /// <summary>The given instant moved, if needed, to office hours (07.30–16.00 WIB) of a working day.</summary>
    /// <summary>
    /// An office time moved forward past "now" (an evening or weekend of the last days) goes back to the same time
    /// of the working day before, so no task is created after the moment the demo is generated as of.
    /// </summary>
    private DateTime BeforeNow(DateTime utc)
    {
        while (utc >= nowUtc)
        {
            var wib = WibTime.ToWib(utc);
            var day = DateOnly.FromDateTime(wib).AddDays(-1);
            while (!calendar.IsWorkingDay(day))
            {
                day = day.AddDays(-1);
            }

            utc = DateTime.SpecifyKind(WibTime.ToUtc(day.ToDateTime(TimeOnly.FromTimeSpan(wib.TimeOfDay))), DateTimeKind.Utc);
        }

        return utc;
    }

    private DateTime OfficeTime(DateTime utc)
    {
        var wib = WibTime.ToWib(utc);
        var day = DateOnly.FromDateTime(wib);
        var minutes = wib.TimeOfDay.TotalMinutes;
        if (minutes >= 16 * 60)
        {
            day = day.AddDays(1);
            minutes = (7 * 60) + 30 + rng.Next(90);
        }
        else if (minutes < (7 * 60) + 30)
        {
            minutes = (7 * 60) + 30 + rng.Next(90);
        }

        while (!calendar.IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return DateTime.SpecifyKind(WibTime.ToUtc(day.ToDateTime(TimeOnly.MinValue).AddMinutes(minutes)), DateTimeKind.Utc);
    }

    private ItStaffMember PickStaff()
    {
        var roll = rng.NextDouble();
        for (var i = 0; i < staff.Count; i++)
        {
            roll -= i < StaffWeights.Length ? StaffWeights[i] : 0.1;
            if (roll <= 0)
            {
                return staff[i];
            }
        }

        return staff[^1];
    }

    /// <summary>Work of the kind that comes from a ticket or a case is often raised from one: the requesting division's own, each record once.</summary>
    private void Source(ItTask task, WorkItemKind raisedFrom)
    {
        var candidates = raisedFrom switch
        {
            WorkItemKind.Ticket => ticketIdsByDivision.GetValueOrDefault(task.RequestingDivisionId, []),
            WorkItemKind.CooperativeCase => caseIds,
            _ => [],
        };
        if (candidates.Count == 0 || rng.NextDouble() >= 0.7)
        {
            return;
        }

        for (var attempt = 0; attempt < 10; attempt++)
        {
            var id = candidates[rng.Next(candidates.Count)];
            if (usedSources.Add((raisedFrom, id)))
            {
                task.SourceKind = raisedFrom;
                task.SourceId = id;
                return;
            }
        }
    }

    /// <summary>The IT coordinator (the first IT staff member) triages requests and hands out the work.</summary>
    private DemoActor Coordinator => new(staff[0].Id, staff[0].Name);

    private static void Assign(ItTask task, List<ItTaskEvent> events, DemoActor by, ItStaffMember to, DateTime at, string reason)
    {
        events.Add(Event(ItTaskEventKind.Assigned, by, at, task.AssigneeName, to.Name, reason));
        task.AssigneeId = to.Id;
        task.AssigneeName = to.Name;
    }

    private static void Move(ItTask task, List<ItTaskEvent> events, ItTaskStatus to, DemoActor by, DateTime at, string reason)
    {
        events.Add(Event(ItTaskEventKind.StatusChanged, by, at, task.Status.ToString(), to.ToString(), reason));
        task.Status = to;
        task.WaitingReason = to == ItTaskStatus.Menunggu ? reason : null;
        task.CompletedAtUtc = to == ItTaskStatus.Selesai ? at : null;
    }

    private static ItTaskEvent Event(ItTaskEventKind kind, DemoActor by, DateTime at, string? from, string? to, string text = "") =>
        ItTaskActionSupport.Event(0, kind, new UserContext(by.Id, by.Name, new HashSet<string>(), null, null), at, from, to, text);
}

internal sealed record DemoItTask(ItTask Task, List<ItTaskEvent> Events);

/// <param name="Head">The division's head, who raises some of its requests; null when it has none.</param>
internal sealed record DemoDivision(int Id, string Code, string Name, DemoActor? Head);

internal sealed record DemoActor(string Id, string Name);
