using System.Diagnostics;
using System.Globalization;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Account;
using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Features.Calendar;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.ServiceCatalog;
using KopUkm.Dashboard.Features.Tickets.Demo;
using KopUkm.Dashboard.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Features.Tickets;

/// <summary>
/// Fills an empty ticket table with a year of demo SME requests (about 5,000) up to now, each with its event log,
/// handoffs and the SLA snapshot the projector computes from that log, so queues and charts show true states. Adds
/// demo officers to divisions with too few to work them. Used by the <c>seed-demo</c> command and, in Development
/// with demo accounts, at start (<c>Demo:SeedTickets</c>).
/// </summary>
public sealed class TicketDemoSeeder(
    IDbContextFactory<AppDbContext> dbFactory,
    UserManager<ApplicationUser> userManager,
    WorkingCalendarProvider calendars,
    TicketSlaProjector sla,
    IOptions<TicketOptions> options,
    TimeProvider clock,
    ILogger<TicketDemoSeeder> logger) : IDemoSeeder, IScaleSeeder
{
    int IDemoSeeder.Order => 20;

    string IDemoSeeder.Switch => "Demo:SeedTickets";

    int IScaleSeeder.Order => 20;

    async Task<DemoSeedReport> IDemoSeeder.SeedDemoAsync(int? seed, CancellationToken ct)
    {
        var seeded = await SeedAsync(seed ?? DefaultSeed, ct);
        return seeded.Tickets == 0
            ? new("Cli.DemoTicketsExist")
            : new("Cli.DemoTicketsSeeded", seeded.Tickets, seeded.Events, seeded.Handoffs, seeded.OfficersCreated, seeded.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.CurrentCulture));
    }

    async Task<IReadOnlyDictionary<string, int>> IScaleSeeder.SeedScaleAsync(DemoScale scale, int seed, IProgress<DemoSeedProgress>? progress, CancellationToken ct)
    {
        var seeded = await SeedScaleAsync(scale, seed, progress, ct);
        return new Dictionary<string, int>
        {
            ["Tickets"] = seeded.Tickets, ["TicketEvents"] = seeded.Events, ["Handoffs"] = seeded.Handoffs, ["Accounts"] = seeded.OfficersCreated,
        };
    }

    /// <summary>The seed the command and the start use, so every demo install shows the same tickets.</summary>
    public const int DefaultSeed = 2026;

    /// <summary>Tickets per SaveChanges, with their events and handoffs.</summary>
    public const int BatchSize = 500;

    /// <summary>Tickets per round of prepared inserts when seeding at scale.</summary>
    private const int BulkBatchSize = 10_000;

    /// <summary>
    /// Seeds the demo tickets if there are none yet; otherwise adds nothing. The same seed, reference data, staff and
    /// day give the same tickets. Seed the demo accounts first: their divisions' teams are completed here.
    /// </summary>
    public Task<TicketDemoSeedResult> SeedAsync(int seed = DefaultSeed, CancellationToken ct = default) =>
        SeedCoreAsync(seed, DemoTicketGenerator.TicketCount, DemoTicketGenerator.DefaultHistoryDays, bulk: false, progress: null, ct);

    /// <summary>
    /// Seeds <see cref="DemoScale.Tickets"/> tickets over <see cref="DemoScale.HistoryDays"/> for load measurements
    /// (<c>seed-demo --scale</c>), if there are none yet: the same generator, event logs, handoffs and SLA snapshots
    /// as the demo, written by prepared inserts in one transaction, without audit rows.
    /// </summary>
    public Task<TicketDemoSeedResult> SeedScaleAsync(DemoScale scale, int seed = DefaultSeed, IProgress<DemoSeedProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scale);
        return SeedCoreAsync(seed, scale.Tickets, scale.HistoryDays, bulk: true, progress, ct);
    }

    private async Task<TicketDemoSeedResult> SeedCoreAsync(
        int seed, int count, int historyDays, bool bulk, IProgress<DemoSeedProgress>? progress, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        await using (var check = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await check.Set<Ticket>().AnyAsync(ct))
            {
                return TicketDemoSeedResult.Nothing(stopwatch.Elapsed);
            }
        }

        // Accounts go through Identity on its own context, so they are made before the tickets' write transaction.
        var officersCreated = await CompleteTeamsAsync(ct);
        // As of the start of the WIB day, so that every seeding of the day writes the same rows (DemoDay).
        var nowUtc = DemoDay.AsOfUtc(clock);
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        // Inserts only: nothing to detect, and detecting over thousands of tracked rows is what makes bulk saves slow.
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        // One write transaction: a second seeder at the same moment waits for the lock, then finds the tickets there;
        // a failure leaves no half-seeded year.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.Set<Ticket>().AnyAsync(ct))
        {
            return TicketDemoSeedResult.Nothing(stopwatch.Elapsed) with { OfficersCreated = officersCreated };
        }

        var services = await db.Set<ServiceType>().AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Code).ToListAsync(ct);
        var regions = await db.Set<Region>().AsNoTracking().Where(r => r.IsActive).OrderBy(r => r.Code).ToListAsync(ct);
        if (services.Count == 0 || regions.Count == 0)
        {
            throw new InvalidOperationException("Seed the reference data (services, regions) before the demo tickets.");
        }

        var divisions = await db.Set<Division>().AsNoTracking().Where(d => d.IsActive).ToDictionaryAsync(d => d.Code, d => d.Id, ct);
        var staff = await StaffAsync(db, ct);
        var calendar = await calendars.GetAsync(ct);
        var tickets = new DemoTicketGenerator(
                new Random(seed), nowUtc, calendar, services, regions, divisions, staff, options.Value.HandoffAcceptanceWorkingDays, count, historyDays)
            .Generate();

        // Ids are given here rather than by the database so that each ticket's code and its events' key are known
        // before the insert and a batch goes in one save. The table is empty, so they start at 1.
        var nextId = 1;
        var servicesById = services.ToDictionary(s => s.Id);
        var events = 0;
        var handoffs = 0;
        foreach (var batch in tickets.Chunk(bulk ? BulkBatchSize : BatchSize))
        {
            foreach (var (ticket, ticketEvents, ticketHandoffs) in batch)
            {
                ticket.Id = nextId++;
                ticket.Code = string.Create(CultureInfo.InvariantCulture, $"UMKM-{WibTime.ToWib(ticket.CreatedAtUtc).Year}-{ticket.Id:D6}");
                ticketEvents.ForEach(e => e.TicketId = ticket.Id);
                ticketHandoffs.ForEach(h => h.TicketId = ticket.Id);

                // The projector reads the targets from the navigation (saving a query per ticket); it is cleared
                // again so the insert does not take the catalogue row along.
                ticket.ServiceType = servicesById[ticket.ServiceTypeId];
                await sla.ApplyAsync(db, ticket, ticketEvents, ct);
                ticket.ServiceType = null;
                events += ticketEvents.Count;
                handoffs += ticketHandoffs.Count;
            }

            if (bulk)
            {
                BulkInsert.Rows(db, batch.Select(t => t.Ticket), ct);
                BulkInsert.Rows(db, batch.SelectMany(t => t.Events), ct);
                BulkInsert.Rows(db, batch.SelectMany(t => t.Handoffs), ct);
            }
            else
            {
                db.Set<Ticket>().AddRange(batch.Select(t => t.Ticket));
                db.Set<TicketEvent>().AddRange(batch.SelectMany(t => t.Events));
                db.Set<TicketHandoff>().AddRange(batch.SelectMany(t => t.Handoffs));
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }

            progress?.Report(new DemoSeedProgress(DemoSeedPart.Tickets, nextId - 1, tickets.Count, stopwatch.Elapsed));
        }

        await transaction.CommitAsync(ct);
        logger.LogInformation(
            "Seeded {Tickets} demo tickets with {Events} events and {Handoffs} handoffs ({Officers} demo officers added) in {Seconds:0.0} s",
            tickets.Count,
            events,
            handoffs,
            officersCreated,
            stopwatch.Elapsed.TotalSeconds);
        return new TicketDemoSeedResult(tickets.Count, events, handoffs, officersCreated, stopwatch.Elapsed);
    }

    /// <summary>
    /// Adds the listed demo officers of each division, in order, while the division has fewer active officers and
    /// heads than its demo team. Returns how many accounts were created.
    /// </summary>
    private async Task<int> CompleteTeamsAsync(CancellationToken ct)
    {
        Dictionary<string, int> divisions;
        Dictionary<int, int> counts;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            divisions = await db.Set<Division>().AsNoTracking().Where(d => d.IsActive).ToDictionaryAsync(d => d.Code, d => d.Id, ct);
            counts = (await StaffAsync(db, ct)).ToDictionary(s => s.Key, s => s.Value.Count);
        }

        var created = 0;
        foreach (var officer in DemoTicketTeams.Officers)
        {
            if (!divisions.TryGetValue(officer.DivisionCode, out var divisionId)
                || counts.GetValueOrDefault(divisionId) >= DemoTicketTeams.TeamSize(officer.DivisionCode)
                || await userManager.FindByEmailAsync(officer.Email) is not null)
            {
                continue;
            }

            var user = new ApplicationUser
            {
                UserName = officer.Email,
                Email = officer.Email,
                EmailConfirmed = true,
                FullName = officer.FullName,
                DivisionId = divisionId,
                CreatedAtUtc = DemoDay.AsOfUtc(clock),
            };
            var result = await userManager.CreateAsync(user, DemoUsers.Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo officer {officer.Email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }

            await userManager.AddToRoleAsync(user, officer.Role);
            counts[divisionId] = counts.GetValueOrDefault(divisionId) + 1;
            created++;
        }

        return created;
    }

    /// <summary>Active officers and heads by division, as <see cref="TicketAssignment"/> offers them.</summary>
    private static async Task<Dictionary<int, IReadOnlyList<TicketStaff>>> StaffAsync(AppDbContext db, CancellationToken ct)
    {
        var roles = new[] { AppRoles.Petugas, AppRoles.KepalaBidang };
        var rows = await (from u in db.Users
                          where u.IsActive
                          from ur in db.UserRoles.Where(ur => ur.UserId == u.Id)
                          join r in db.Roles on ur.RoleId equals r.Id
                          where roles.Contains(r.Name!)
                          orderby u.FullName, u.Id
                          select new { u.Id, u.FullName, u.DivisionId, Role = r.Name! })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.DivisionId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<TicketStaff>)[.. g.DistinctBy(r => r.Id).Select(r => new TicketStaff(r.Id, r.FullName, r.Role == AppRoles.KepalaBidang))]);
    }
}

/// <summary>What a demo seeding added (nothing when tickets existed) and how long it took.</summary>
public sealed record TicketDemoSeedResult(int Tickets, int Events, int Handoffs, int OfficersCreated, TimeSpan Elapsed)
{
    /// <summary>The result of a run that found tickets already there.</summary>
    public static TicketDemoSeedResult Nothing(TimeSpan elapsed) => new(0, 0, 0, 0, elapsed);
}
