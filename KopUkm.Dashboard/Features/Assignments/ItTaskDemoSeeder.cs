using System.Diagnostics;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Account;
using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Features.Assignments.Demo;
using KopUkm.Dashboard.Features.Calendar;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Assignments;

/// <summary>
/// Fills an empty IT task table with about four months of demo tasks (<see cref="DemoItTaskGenerator"/>) and adds
/// the demo IT staff of <see cref="DemoItTeam"/>. A few tasks link to existing demo tickets and cooperative cases,
/// so seed those first. Used by the <c>seed-demo</c> command and, in Development with demo accounts, at start
/// (<c>Demo:SeedItTasks</c>).
/// </summary>
public sealed class ItTaskDemoSeeder(
    IDbContextFactory<AppDbContext> dbFactory,
    UserManager<ApplicationUser> userManager,
    WorkingCalendarProvider calendars,
    TimeProvider clock,
    IEnumerable<IWorkItemSource> workItemSources,
    ILogger<ItTaskDemoSeeder> logger) : IDemoSeeder, IScaleSeeder
{
    /// <remarks>Last: some demo tasks link to the demo tickets and registration cases.</remarks>
    int IDemoSeeder.Order => 40;

    string IDemoSeeder.Switch => "Demo:SeedItTasks";

    int IScaleSeeder.Order => 40;

    async Task<DemoSeedReport> IDemoSeeder.SeedDemoAsync(int? seed, CancellationToken ct)
    {
        var seeded = await SeedAsync(seed ?? DefaultSeed, ct);
        return seeded.Tasks == 0
            ? new("Cli.DemoItTasksExist")
            : new("Cli.DemoItTasksSeeded", seeded.Tasks, seeded.Events, seeded.StaffCreated, seeded.Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.CurrentCulture));
    }

    async Task<IReadOnlyDictionary<string, int>> IScaleSeeder.SeedScaleAsync(DemoScale scale, int seed, IProgress<DemoSeedProgress>? progress, CancellationToken ct)
    {
        var seeded = await SeedScaleAsync(scale, seed, progress, ct);
        return new Dictionary<string, int> { ["ItTasks"] = seeded.Tasks, ["Accounts"] = seeded.StaffCreated };
    }

    public const int DefaultSeed = 2026;

    /// <summary>Seeds the demo tasks if there are none yet; otherwise adds nothing. Seed the demo accounts first.</summary>
    public Task<ItTaskDemoSeedResult> SeedAsync(int seed = DefaultSeed, CancellationToken ct = default) =>
        SeedCoreAsync(seed, DemoItTaskGenerator.TaskCount, DemoItTaskGenerator.DefaultHistoryDays, DemoItTaskGenerator.RecentShare, bulk: false, progress: null, ct);

    /// <summary>
    /// Seeds <see cref="DemoScale.ItTasks"/> tasks spread evenly over <see cref="DemoScale.HistoryDays"/> for load
    /// measurements (<c>seed-demo --scale</c>), if there are none yet: the same generator and histories as the demo,
    /// written by prepared inserts in one transaction, without audit rows.
    /// </summary>
    public Task<ItTaskDemoSeedResult> SeedScaleAsync(DemoScale scale, int seed = DefaultSeed, IProgress<DemoSeedProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scale);
        return SeedCoreAsync(seed, scale.ItTasks, scale.HistoryDays, recentShare: 0, bulk: true, progress, ct);
    }

    private async Task<ItTaskDemoSeedResult> SeedCoreAsync(
        int seed, int count, int historyDays, double recentShare, bool bulk, IProgress<DemoSeedProgress>? progress, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        await using (var check = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await check.Set<ItTask>().AnyAsync(ct))
            {
                return new ItTaskDemoSeedResult(0, 0, 0, stopwatch.Elapsed);
            }
        }

        // Accounts go through Identity on its own context, so they are made before the tasks' write transaction.
        var staffCreated = await CompleteTeamAsync(ct);
        // As of the start of the WIB day, so that every seeding of the day writes the same rows (DemoDay).
        var nowUtc = DemoDay.AsOfUtc(clock);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.Set<ItTask>().AnyAsync(ct))
        {
            return new ItTaskDemoSeedResult(0, 0, staffCreated, stopwatch.Elapsed);
        }

        var staff = await ItStaffAsync(db, ct);
        var divisions = await DivisionsAsync(db, ct);

        // Recent tickets and cases are the ones an IT task would plausibly come from.
        var tickets = await NewestAsync(WorkItemKind.Ticket, 600, ct);
        var ticketIds = tickets.Where(t => t.DivisionId is not null).GroupBy(t => t.DivisionId!.Value)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<int>)[.. g.Select(t => (int)t.Id)]);
        var caseIds = (await NewestAsync(WorkItemKind.CooperativeCase, 100, ct)).Select(c => (int)c.Id).ToList();
        var calendar = await calendars.GetAsync(ct);
        var tasks = new DemoItTaskGenerator(new Random(seed), nowUtc, calendar, divisions, staff, ticketIds, caseIds, count, historyDays, recentShare).Generate();

        // Ids are given here so each task's code and its events' key are known before the one insert. The table is empty.
        var nextId = 1;
        foreach (var (task, events) in tasks)
        {
            task.Id = nextId++;
            task.Code = ItTaskActionSupport.CodeFor(task.Id, task.CreatedAtUtc);
            events.ForEach(e => e.TaskId = task.Id);
        }

        if (bulk)
        {
            BulkInsert.Rows(db, tasks.Select(t => t.Task), ct);
            BulkInsert.Rows(db, tasks.SelectMany(t => t.Events), ct);
        }
        else
        {
            db.Set<ItTask>().AddRange(tasks.Select(t => t.Task));
            db.Set<ItTaskEvent>().AddRange(tasks.SelectMany(t => t.Events));
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        progress?.Report(new DemoSeedProgress(DemoSeedPart.ItTasks, tasks.Count, tasks.Count, stopwatch.Elapsed));
        var eventCount = tasks.Sum(t => t.Events.Count);
        logger.LogInformation("Seeded {Tasks} demo IT tasks with {Events} events ({Staff} demo IT staff added) in {Seconds:0.0} s",
            tasks.Count, eventCount, staffCreated, stopwatch.Elapsed.TotalSeconds);
        return new ItTaskDemoSeedResult(tasks.Count, eventCount, staffCreated, stopwatch.Elapsed);
    }

    private async Task<int> CompleteTeamAsync(CancellationToken ct)
    {
        int divisionId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            divisionId = await db.Set<Division>().Where(d => d.Code == DemoItTeam.DivisionCode).Select(d => d.Id).FirstOrDefaultAsync(ct);
        }

        if (divisionId == 0)
        {
            return 0;
        }

        var created = 0;
        foreach (var member in DemoItTeam.Staff)
        {
            ct.ThrowIfCancellationRequested();
            if (await userManager.FindByEmailAsync(member.Email) is not null)
            {
                continue;
            }

            var user = new ApplicationUser
            {
                UserName = member.Email,
                Email = member.Email,
                EmailConfirmed = true,
                FullName = member.FullName,
                DivisionId = divisionId,
                CreatedAtUtc = DemoDay.AsOfUtc(clock),
            };
            var result = await userManager.CreateAsync(user, DemoUsers.Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo IT staff {member.Email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }

            await userManager.AddToRoleAsync(user, member.Role);
            created++;
        }

        return created;
    }

    /// <summary>Active IT staff, the demo coordinator (staf.ti) first: the generator gives the first one most of the triage.</summary>
    private static async Task<List<ItStaffMember>> ItStaffAsync(AppDbContext db, CancellationToken ct)
    {
        var rows = await (from u in db.Users
                          where u.IsActive
                          from ur in db.UserRoles.Where(ur => ur.UserId == u.Id)
                          join r in db.Roles on ur.RoleId equals r.Id
                          where r.Name == AppRoles.StafTI
                          orderby u.FullName, u.Id
                          select new { u.Id, u.FullName, u.Email })
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => DemoItTeam.Order(r.Email)).Select(r => new ItStaffMember(r.Id, r.FullName))];
    }

    /// <summary>The divisions that request IT work (all but the IT unit itself), each with a head if it has one.</summary>
    private static async Task<List<DemoDivision>> DivisionsAsync(AppDbContext db, CancellationToken ct)
    {
        var divisions = await db.Set<Division>().AsNoTracking().Where(d => d.IsActive && d.Code != DemoItTeam.DivisionCode)
            .OrderBy(d => d.Code).ToListAsync(ct);
        var heads = await (from u in db.Users
                           where u.IsActive
                           from ur in db.UserRoles.Where(ur => ur.UserId == u.Id)
                           join r in db.Roles on ur.RoleId equals r.Id
                           where r.Name == AppRoles.KepalaBidang
                           orderby u.FullName, u.Id
                           select new { u.Id, u.FullName, u.DivisionId })
            .ToListAsync(ct);
        return [.. divisions.Select(d => new DemoDivision(
            d.Id, d.Code, d.Name, heads.FirstOrDefault(h => h.DivisionId == d.Id) is { } head ? new DemoActor(head.Id, head.FullName) : null))];
    }

    private async Task<IReadOnlyList<WorkItemOwner>> NewestAsync(WorkItemKind kind, int count, CancellationToken ct) =>
        workItemSources.FirstOrDefault(s => s.Kind == kind) is { } source ? await source.NewestAsync(count, ct) : [];
}

/// <summary>What a demo seeding added (nothing when tasks existed) and how long it took.</summary>
public sealed record ItTaskDemoSeedResult(int Tasks, int Events, int StaffCreated, TimeSpan Elapsed);
