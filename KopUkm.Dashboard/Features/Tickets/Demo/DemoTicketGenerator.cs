using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Calendar;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.ServiceCatalog;
using KopUkm.Dashboard.Localization;
using static KopUkm.Dashboard.Features.Tickets.Demo.DemoTicketWords;

namespace KopUkm.Dashboard.Features.Tickets.Demo;

/// <summary>
/// A year of SME requests up to "now", each with the event log that led to its present state. A ticket's life is
/// planned in working time from its creation — assignment, first reply, work, an occasional wait on the applicant,
/// resolution, closing, now and then a handoff or a reopening — then played forward only up to now, so recent
/// tickets are still open and breaches come from slow replies and resolutions, never from a flag. Everything comes
/// from the given <see cref="Random"/>, so a seed gives the same tickets for the same reference data and day.
/// </summary>
internal sealed class DemoTicketGenerator
{
    /// <summary>About 20 requests per working day over a year.</summary>
    public const int TicketCount = 5000;

    /// <summary>How far back the demo year goes.</summary>
    public const int DefaultHistoryDays = 365;
    private const double HandoffShare = 0.08;
    private const double ReopenShare = 0.045;

    private static readonly TicketChannel[] OnlineChannels =
        [TicketChannel.SitusWeb, TicketChannel.WhatsApp, TicketChannel.Email, TicketChannel.MediaSosial, TicketChannel.Lapor, TicketChannel.Portal];

    private readonly Random rng;
    private readonly DateTime nowUtc;
    private readonly WorkingCalendar calendar;
    private readonly IReadOnlyList<DemoTicketService> services;
    private readonly IReadOnlyDictionary<string, int> divisionIds;
    private readonly IReadOnlyDictionary<int, IReadOnlyList<TicketStaff>> staff;
    private readonly int acceptanceWorkingDays;
    private readonly DemoApplicantGenerator applicants;
    private readonly HashSet<string> laporNumbers = [];
    private readonly DateOnly[] days;
    private readonly double[] officeDayWeights;
    private readonly double[] onlineDayWeights;
    private readonly double dayMinutes;
    private readonly Dictionary<string, (string Division, string Reason)[]> handoffTargets;
    private readonly double handoffChance;
    private readonly int count;

    public DemoTicketGenerator(
        Random rng,
        DateTime nowUtc,
        WorkingCalendar calendar,
        IReadOnlyList<ServiceType> services,
        IReadOnlyList<Region> regions,
        IReadOnlyDictionary<string, int> divisionIds,
        IReadOnlyDictionary<int, IReadOnlyList<TicketStaff>> staff,
        int acceptanceWorkingDays,
        int count = TicketCount,
        int historyDays = DefaultHistoryDays)
    {
        this.rng = rng;
        this.count = count;
        this.nowUtc = nowUtc;
        this.calendar = calendar;
        this.services = [.. services.Select(s => new DemoTicketService(
            s.Id, s.Code, s.OwnerDivisionId, calendar.StandardWorkingDay * s.FirstResponseWorkingDays, calendar.StandardWorkingDay * s.ResolutionWorkingDays))];
        this.divisionIds = divisionIds;
        this.staff = staff;
        this.acceptanceWorkingDays = acceptanceWorkingDays;
        applicants = new DemoApplicantGenerator(rng, regions);
        dayMinutes = calendar.StandardWorkingDay.TotalMinutes;

        // Only a division that exists, is another one and has staff can receive a handoff.
        handoffTargets = this.services.ToDictionary(
            s => s.Code,
            s => Handoffs.GetValueOrDefault(s.Code, [])
                .Where(t => divisionIds.TryGetValue(t.Division, out var id) && id != s.OwnerDivisionId && staff.ContainsKey(id))
                .ToArray());
        var eligibleWeight = this.services.Where(s => handoffTargets[s.Code].Length > 0).Sum(s => ServiceWeights.GetValueOrDefault(s.Code, 30));
        var totalWeight = this.services.Sum(s => ServiceWeights.GetValueOrDefault(s.Code, 30));
        handoffChance = eligibleWeight == 0 ? 0 : Math.Min(1, HandoffShare * totalWeight / eligibleWeight);

        // More requests lately (the office's online channels grew over the year), Mondays busiest, Fridays shorter.
        var today = DateOnly.FromDateTime(WibTime.ToWib(nowUtc));
        days = [.. Enumerable.Range(0, historyDays + 1).Select(i => today.AddDays(i - historyDays))];
        officeDayWeights = new double[days.Length];
        onlineDayWeights = new double[days.Length];
        for (var i = 0; i < days.Length; i++)
        {
            var trend = 0.75 + (0.5 * i / historyDays);
            var weekday = days[i].DayOfWeek switch { DayOfWeek.Monday => 1.15, DayOfWeek.Friday => 0.85, _ => 1.0 };
            var open = calendar.IsWorkingDay(days[i]);
            officeDayWeights[i] = open ? trend * weekday : 0;
            onlineDayWeights[i] = open ? trend * weekday : trend * 0.15;
        }
    }

    public List<DemoTicket> Generate()
    {
        var tickets = new List<DemoTicket>(count);
        var serviceWeights = services.Select(s => (double)ServiceWeights.GetValueOrDefault(s.Code, 30)).ToArray();
        for (var i = 0; i < count; i++)
        {
            var service = services[WeightedIndex(serviceWeights)];
            var channel = Channel(service.Code);
            tickets.Add(Create(service, channel, CreatedAt(channel)));
        }

        return [.. tickets.OrderBy(t => t.Ticket.CreatedAtUtc)];
    }

    private TicketChannel Channel(string serviceCode) => serviceCode switch
    {
        "PENGADUAN" => Weighted([(TicketChannel.Lapor, 35), (TicketChannel.WhatsApp, 20), (TicketChannel.SitusWeb, 15), (TicketChannel.DatangLangsung, 15), (TicketChannel.Email, 8), (TicketChannel.MediaSosial, 7)]),
        "INFO-PUBLIK" => Weighted([(TicketChannel.Email, 25), (TicketChannel.SitusWeb, 25), (TicketChannel.DatangLangsung, 25), (TicketChannel.WhatsApp, 13), (TicketChannel.Lapor, 12)]),
        _ => Weighted([(TicketChannel.DatangLangsung, 33), (TicketChannel.WhatsApp, 31), (TicketChannel.SitusWeb, 12), (TicketChannel.Telepon, 9), (TicketChannel.Email, 6), (TicketChannel.MediaSosial, 6), (TicketChannel.Lapor, 3), (TicketChannel.Portal, 5)]),
    };

    /// <summary>
    /// Walk-ins and calls arrive in office hours; online requests mostly too, some in the evening, early morning or
    /// at the weekend.
    /// </summary>
    private DateTime CreatedAt(TicketChannel channel)
    {
        var online = OnlineChannels.Contains(channel);
        while (true)
        {
            var day = days[WeightedIndex(online ? onlineDayWeights : officeDayWeights)];
            TimeSpan time;
            if (!calendar.IsWorkingDay(day))
            {
                time = TimeSpan.FromMinutes(rng.Next(7 * 60, (22 * 60) + 30));
            }
            else if (online && rng.NextDouble() < 0.22)
            {
                var minute = rng.Next(0, (2 * 60) + (6 * 60) + 30);
                time = minute < 120 ? TimeSpan.FromMinutes((5 * 60) + 30 + minute) : TimeSpan.FromMinutes((16 * 60) + 30 + minute - 120);
            }
            else
            {
                time = OfficeTime(day);
            }

            var at = WibTime.ToUtc(day.ToDateTime(TimeOnly.MinValue).Add(time).AddSeconds(rng.Next(60)));
            if (at < nowUtc)
            {
                return DateTime.SpecifyKind(at, DateTimeKind.Utc);
            }
        }
    }

    private TimeSpan OfficeTime(DateOnly day)
    {
        var intervals = calendar.WorkingIntervals(day);
        var minute = rng.Next((int)intervals.Sum(i => (i.End - i.Start).TotalMinutes));
        foreach (var (start, end) in intervals)
        {
            var length = (int)(end - start).TotalMinutes;
            if (minute < length)
            {
                return start.ToTimeSpan() + TimeSpan.FromMinutes(minute);
            }

            minute -= length;
        }

        return intervals[^1].Start.ToTimeSpan();
    }

    private DemoTicket Create(DemoTicketService service, TicketChannel channel, DateTime created)
    {
        var applicant = applicants.Next(service.Code, channel);
        var ticket = new Ticket
        {
            ApplicantName = applicant.Name,
            BusinessName = applicant.BusinessName,
            Nib = applicant.Nib,
            Phone = applicant.Phone,
            Email = applicant.Email,
            RegionId = applicant.RegionId,
            Size = applicant.Size,
            ServiceTypeId = service.Id,
            Channel = channel,
            LaporTrackingNumber = channel == TicketChannel.Lapor ? LaporNumber(created) : null,
            Priority = service.Code == "PENGADUAN"
                ? Weighted([(WorkPriority.Normal, 55), (WorkPriority.Tinggi, 35), (WorkPriority.Mendesak, 10)])
                : Weighted([(WorkPriority.Normal, 78), (WorkPriority.Rendah, 7), (WorkPriority.Tinggi, 12), (WorkPriority.Mendesak, 3)]),
            Description = Describe(service.Code, applicant),
            Status = TicketStatus.Baru,
            DivisionId = service.OwnerDivisionId,
            CreatedAtUtc = created,
        };
        var creator = channel is TicketChannel.SitusWeb or TicketChannel.Lapor ? null : PickOfficer(service.OwnerDivisionId);
        var life = new DemoTicketLife(ticket, calendar, acceptanceWorkingDays);
        life.Created(creator, created);
        foreach (var step in Plan(service, created).OrderBy(s => s.At))
        {
            if (step.At > nowUtc)
            {
                break;
            }

            life.Apply(step);
        }

        return new DemoTicket(ticket, life.Events, life.Handoffs);
    }

    /// <summary>The whole life of a ticket as it would run, in any order; the caller sorts it and plays it up to now.</summary>
    private List<PlannedStep> Plan(DemoTicketService service, DateTime created)
    {
        var steps = new List<PlannedStep>();
        var division = service.OwnerDivisionId;
        var worker = PickOfficer(division);

        // Working minutes from creation on the resolution clock; before a pause the first-response clock agrees.
        DateTime Working(double minutes) => calendar.AddWorkingTime(created, TimeSpan.FromMinutes(Math.Round(minutes)));
        var assign = rng.NextDouble() < 0.1 ? service.FirstResponse.TotalMinutes * Between(0.15, 0.6) : Between(3, 90);
        var reply = FirstReply(service.FirstResponse.TotalMinutes, assign);
        var resolve = Resolution(service.Code, service.Resolution.TotalMinutes, reply);
        var stalled = created > nowUtc.AddDays(-100) && rng.NextDouble() < 0.008;
        steps.Add(PlannedStep.Assign(Working(assign), Head(division), worker));

        if (HandoffTarget(service) is { } target)
        {
            // Mostly noticed before anyone answers; sometimes only while working on it.
            var early = rng.NextDouble() < 0.7;
            var handoff = early
                ? assign + Between(5, Math.Max(10, (reply - assign) * 0.8))
                : reply + Between(10, Math.Max(20, (resolve - reply) * 0.4));
            if (!early)
            {
                steps.Add(PlannedStep.Reply(Working(reply), worker, Pick(FirstReplies, service.Code)));
            }

            steps.Add(PlannedStep.HandOff(Working(handoff), worker, target.DivisionId, target.Reason));
            var receiver = PickOfficer(target.DivisionId);
            if (AcceptanceDelay(created) is not { } delay)
            {
                return steps;
            }

            var acceptance = handoff + delay;
            steps.Add(PlannedStep.Assign(Working(acceptance), Head(target.DivisionId) ?? receiver, receiver));
            worker = receiver;
            var answer = acceptance + Between(5, 90);
            reply = early ? Math.Max(reply, answer) : answer;
            resolve = Math.Max(resolve, reply + Between(30, 600));
            steps.Add(PlannedStep.Reply(Working(reply), worker, early ? Pick(FirstReplies, service.Code) : HandoffReply));
        }
        else
        {
            steps.Add(PlannedStep.Reply(Working(reply), worker, Pick(FirstReplies, service.Code)));
        }

        if (rng.NextDouble() < 0.15 && resolve - reply > 60)
        {
            steps.Add(PlannedStep.Note(Working(reply + ((resolve - reply) * Between(0.1, 0.5))), worker, Notes[rng.Next(Notes.Length)]));
        }

        // A wait on the applicant pauses the resolution clock: the work after it shifts by the wait.
        DateTime resolvedAt;
        var note = Pick(Resolutions, service.Code);
        var pauseShare = service.Code is "NIB-OSS" or "HALAL" or "DATA-KOP" or "KUR" ? 0.3 : 0.15;
        if (resolve - reply > 60 && rng.NextDouble() < pauseShare)
        {
            var pausedAt = reply + ((resolve - reply) * Between(0.2, 0.7));
            var pauseInstant = Working(pausedAt);
            steps.Add(PlannedStep.Pause(pauseInstant, worker, Pick(PauseReasons, service.Code)));
            if (!stalled && rng.NextDouble() < 0.1)
            {
                // The applicant never sends what was missing: settled while waiting, so the clock stays as it was.
                resolvedAt = calendar.AddWorkingDays(pauseInstant, rng.Next(10, 13));
                note = AbandonedResolution;
            }
            else
            {
                var waitDays = 0.3 + (7.7 * Math.Pow(rng.NextDouble(), 2));
                var resumedAt = calendar.AddWorkingTime(pauseInstant, TimeSpan.FromMinutes(Math.Round(waitDays * dayMinutes)));
                steps.Add(PlannedStep.Resume(resumedAt, worker, ResumeTexts[rng.Next(ResumeTexts.Length)]));
                resolvedAt = calendar.AddWorkingTime(resumedAt, TimeSpan.FromMinutes(Math.Round(resolve - pausedAt)));
            }
        }
        else
        {
            resolvedAt = Working(resolve);
        }

        if (stalled)
        {
            // Left lying: nobody finishes it, which the queues should show.
            return steps;
        }

        steps.Add(PlannedStep.Resolve(resolvedAt, worker, note));
        var closedAt = rng.NextDouble() < 0.94 ? AfterWorkingDays(resolvedAt, 0.2, 4) : (DateTime?)null;
        if (note != AbandonedResolution && rng.NextDouble() < ReopenShare)
        {
            // Within the reopening window: the applicant comes back a few days later.
            var reopenedAt = calendar.AddWorkingTime(resolvedAt.AddDays(rng.Next(1, 21)), TimeSpan.FromMinutes(rng.Next(30, 300)));
            if (closedAt < reopenedAt)
            {
                steps.Add(PlannedStep.Close(closedAt.Value, worker, CloseTexts[rng.Next(CloseTexts.Length)]));
            }

            steps.Add(PlannedStep.Reopen(reopenedAt, worker, ReopenReasons[rng.Next(ReopenReasons.Length)]));
            var answeredAt = calendar.AddWorkingTime(reopenedAt, TimeSpan.FromMinutes(rng.Next(10, 240)));
            steps.Add(PlannedStep.Reply(answeredAt, worker, ReopenReply));
            resolvedAt = AfterWorkingDays(answeredAt, 0.1, 2.5);
            steps.Add(PlannedStep.Resolve(resolvedAt, worker, Pick(Resolutions, service.Code)));
            closedAt = AfterWorkingDays(resolvedAt, 0.2, 3);
        }

        if (closedAt is { } closed)
        {
            steps.Add(PlannedStep.Close(closed, worker, CloseTexts[rng.Next(CloseTexts.Length)]));
        }

        return steps;
    }

    private DateTime AfterWorkingDays(DateTime fromUtc, double min, double max) =>
        calendar.AddWorkingTime(fromUtc, TimeSpan.FromMinutes(Math.Round(Between(min, max) * dayMinutes)));

    /// <summary>
    /// A division to hand a ticket to, for about <see cref="HandoffShare"/> of all tickets: only services with a known
    /// receiving division can be misrouted, so their chance is scaled up by their share.
    /// </summary>
    private (int DivisionId, string Reason)? HandoffTarget(DemoTicketService service)
    {
        if (!handoffTargets.TryGetValue(service.Code, out var targets) || targets.Length == 0 || rng.NextDouble() >= handoffChance)
        {
            return null;
        }

        var (code, reason) = targets[rng.Next(targets.Length)];
        return (divisionIds[code], reason);
    }

    /// <summary>Most first replies come well within the target; about one in fourteen is late.</summary>
    private double FirstReply(double target, double assigned)
    {
        var minutes = rng.NextDouble() < 0.07
            ? target * Between(1.02, 2.2)
            : target * (0.02 + (0.75 * Math.Pow(rng.NextDouble(), 1.7)));
        return Math.Max(minutes, assigned + Between(2, 30));
    }

    /// <summary>
    /// Working minutes to resolve, pauses excluded: about one in nine over the target; consultations often settled in
    /// the first conversation.
    /// </summary>
    private double Resolution(string serviceCode, double target, double reply)
    {
        if (serviceCode is "KONS-USAHA" or "KONS-KOP" && rng.NextDouble() < 0.35)
        {
            return reply + Between(15, 90);
        }

        var minutes = rng.NextDouble() < 0.115
            ? target * Between(1.02, 1.7)
            : target * (0.08 + (0.85 * Math.Pow(rng.NextDouble(), 1.2)));
        return Math.Max(minutes, reply + Between(10, 60));
    }

    /// <summary>
    /// Working minutes until the receiving division takes a handed-off ticket: mostly within the day, sometimes late,
    /// and now and then forgotten (only among recent tickets, which is where a forgotten one would still be noticed).
    /// </summary>
    private double? AcceptanceDelay(DateTime created)
    {
        var roll = rng.NextDouble();
        return roll switch
        {
            < 0.04 when created > nowUtc.AddDays(-45) => null,
            < 0.82 => Between(0.05, 0.9) * dayMinutes,
            _ => Between(1.05, 2.5) * dayMinutes,
        };
    }

    private string LaporNumber(DateTime created)
    {
        var year = WibTime.ToWib(created).Year;
        string number;
        do
        {
            number = $"LAPOR-{year}-{rng.Next(0, 10_000_000):D7}";
        }
        while (!laporNumbers.Add(number));
        return number;
    }

    private string Describe(string serviceCode, DemoApplicant applicant)
    {
        var text = Pick(Descriptions, serviceCode);
        var business = applicant.BusinessName.Length > 0 ? applicant.BusinessName : "usaha saya";
        return text.Replace("{usaha}", business, StringComparison.Ordinal)
            .Replace("{produk}", applicant.Product, StringComparison.Ordinal)
            .Replace("{wilayah}", "Provinsi Jambi", StringComparison.Ordinal);
    }

    /// <summary>An officer of the division, officers four times as likely as the head; null for a division without staff.</summary>
    private TicketStaff? PickOfficer(int divisionId)
    {
        if (!staff.TryGetValue(divisionId, out var team) || team.Count == 0)
        {
            return null;
        }

        return team[WeightedIndex([.. team.Select(s => s.IsHead ? 1.0 : 4.0)])];
    }

    private TicketStaff? Head(int divisionId) =>
        staff.TryGetValue(divisionId, out var team) ? team.FirstOrDefault(s => s.IsHead) : null;

    private string Pick(Dictionary<string, string[]> texts, string serviceCode)
    {
        var options = texts.GetValueOrDefault(serviceCode) ?? texts[Generic];
        return options[rng.Next(options.Length)];
    }

    private double Between(double min, double max) => min + ((max - min) * rng.NextDouble());

    private int WeightedIndex(double[] weights)
    {
        var roll = rng.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            if (roll < weights[i])
            {
                return i;
            }

            roll -= weights[i];
        }

        return Array.FindLastIndex(weights, w => w > 0);
    }

    private T Weighted<T>((T Item, int Weight)[] items) => items[WeightedIndex([.. items.Select(i => (double)i.Weight)])].Item;
}

/// <summary>A service as the generator needs it: owner and targets in working time.</summary>
internal sealed record DemoTicketService(int Id, string Code, int OwnerDivisionId, TimeSpan FirstResponse, TimeSpan Resolution);

/// <summary>An active officer or head who works tickets of a division.</summary>
internal sealed record TicketStaff(string UserId, string Name, bool IsHead);

/// <summary>A generated ticket with its log and handoffs; the seeder gives it its id and code before saving.</summary>
internal sealed record DemoTicket(Ticket Ticket, List<TicketEvent> Events, List<TicketHandoff> Handoffs);

/// <summary>Something that will happen to a ticket, by whom (null for the system).</summary>
internal sealed record PlannedStep(DateTime At, TicketEventKind Kind, TicketStaff? By, string Text = "", TicketStaff? Assignee = null, int? ToDivisionId = null)
{
    public static PlannedStep Assign(DateTime at, TicketStaff? by, TicketStaff? assignee) => new(at, TicketEventKind.Assigned, by, Assignee: assignee);

    public static PlannedStep Reply(DateTime at, TicketStaff? by, string text) => new(at, TicketEventKind.Replied, by, text);

    public static PlannedStep Note(DateTime at, TicketStaff? by, string text) => new(at, TicketEventKind.NoteAdded, by, text);

    public static PlannedStep Pause(DateTime at, TicketStaff? by, string reason) => new(at, TicketEventKind.Paused, by, reason);

    public static PlannedStep Resume(DateTime at, TicketStaff? by, string text) => new(at, TicketEventKind.Resumed, by, text);

    public static PlannedStep Resolve(DateTime at, TicketStaff? by, string note) => new(at, TicketEventKind.Resolved, by, note);

    public static PlannedStep Close(DateTime at, TicketStaff? by, string text) => new(at, TicketEventKind.Closed, by, text);

    public static PlannedStep Reopen(DateTime at, TicketStaff? by, string reason) => new(at, TicketEventKind.Reopened, by, reason);

    public static PlannedStep HandOff(DateTime at, TicketStaff? by, int toDivisionId, string reason) => new(at, TicketEventKind.HandedOff, by, reason, ToDivisionId: toDivisionId);
}
