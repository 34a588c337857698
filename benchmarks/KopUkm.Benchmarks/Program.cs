using System.Diagnostics;
using System.Globalization;
using KopUkm.Dashboard;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Cooperatives;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// Times the demo seeding, the supervision flagging and the cooperative list queries on a throwaway data folder, on
// this machine, with the real services (audit trail included). Not a test: numbers to compare before and after a change.
//   dotnet run -c Release --project benchmarks/KopUkm.Benchmarks [-- <total cooperatives, default 10000>]
var total = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var folder = Directory.CreateTempSubdirectory("kopukm-bench-");
try
{
    await using var app = AppHost.Build([], builder =>
    {
        builder.Configuration["Data:Folder"] = folder.FullName;
        builder.Configuration["Jobs:Storage"] = "InMemory";
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
    },
    services => services.AddScoped<ICurrentUserAccessor>(_ => new BenchmarkUser()));
    await DatabaseSetup.MigrateAsync(app.Services);
    await using var scope = app.Services.CreateAsyncScope();
    var services = scope.ServiceProvider;
    await StartupTasks.SeedReferenceDataAsync(services);
    await services.GetRequiredService<DemoDataSeeder>().SeedDemoUsersAsync();

    var seeded = await services.GetRequiredService<CooperativeDemoSeeder>().SeedAsync();
    Report($"demo seeding ({seeded.Cooperatives} cooperatives, {seeded.Cases} cases, flagging included)", seeded.Elapsed);

    var extra = Math.Max(0, total - seeded.Cooperatives);
    var dbFactory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
    var today = DateOnly.FromDateTime(WibTime.ToWib(DateTime.UtcNow));
    await AddUnflaggedAsync(dbFactory, extra, today);

    var supervision = services.GetRequiredService<SupervisionService>();
    await TimeFlaggingAsync(supervision, $"flagging {total} cooperatives, {extra} not yet judged");
    await TimeFlaggingAsync(supervision, $"flagging {total} cooperatives again, nothing to change");

    await using (var db = await dbFactory.CreateDbContextAsync())
    {
        // A bulk correction for the benchmark only: every RAT and certificate made current, so the next run clears all.
        await db.Set<Cooperative>().ExecuteUpdateAsync(s => s.SetProperty(c => c.LastRatYear, today.Year).SetProperty(c => c.NikCertificateDate, today));
    }

    await TimeFlaggingAsync(supervision, $"flagging {total} cooperatives after every reason went away");

    await TimeListAsync(services.GetRequiredService<CooperativeService>(), total);

    var ticketCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
    var insertWatch = Stopwatch.StartNew();
    await AddTicketsAsync(dbFactory, ticketCount);
    Report($"inserting {ticketCount} tickets (audit trail included)", insertWatch.Elapsed);
    await TimeTicketListAsync(services.GetRequiredService<TicketService>(), ticketCount);
}
finally
{
    folder.Delete(recursive: true);
}

static async Task TimeFlaggingAsync(SupervisionService supervision, string label)
{
    var watch = Stopwatch.StartNew();
    var result = await supervision.FlagCandidatesAsync();
    Report($"{label}: {result.Updated} updated, {result.Candidates} candidates", watch.Elapsed);
}

static async Task AddUnflaggedAsync(IDbContextFactory<AppDbContext> dbFactory, int count, DateOnly today)
{
    await using var db = await dbFactory.CreateDbContextAsync();
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    var regions = await db.Set<KopUkm.Dashboard.Features.Organization.Region>().Select(r => r.Id).ToListAsync();
    var rows = Enumerable.Range(1, count).Select(i => new Cooperative
    {
        Name = $"Koperasi Tolok Ukur {i}",
        NormalizedName = $"TOLOK UKUR {i}",
        RegionId = regions[i % regions.Count],
        MemberCount = 20,
        ActivityStatus = (ActivityStatus)(1 + (i % 3)),
        LastRatYear = i % 5 == 0 ? null : today.Year - (i % 6),
        Nik = i % 5 == 4 ? null : $"9{i:D15}",
        NikCertificateDate = i % 7 == 0 ? null : today.AddDays(-(i % 1400)),
    });
    foreach (var batch in rows.Chunk(500))
    {
        db.AddRange(batch);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }
}

// The list pages as officers use them: first page sorted by name, a filtered page, a search, a deep page and the
// overdue filter; 5 warm-up runs, then 50 timed runs each, reported as p50/p95.
static async Task TimeListAsync(CooperativeService cooperatives, int total)
{
    var cases = new (string Label, PageRequest Request, CooperativeFilter Filter)[]
    {
        ("list: first page by name", new PageRequest(0, 25, "Name"), new CooperativeFilter()),
        ("list: region + type + active", new PageRequest(0, 25, "Name"), new CooperativeFilter(RegionId: 10, Type: CooperativeType.SimpanPinjam, ActivityStatus: ActivityStatus.Aktif)),
        ("list: search by name", new PageRequest(0, 25, Search: "sejahtera"), new CooperativeFilter()),
        ("list: search by NIK prefix", new PageRequest(0, 25, Search: "1571"), new CooperativeFilter()),
        ("list: deep page (page 150)", new PageRequest(150, 25, "Name"), new CooperativeFilter()),
        ("list: overdue cases only", new PageRequest(0, 25), new CooperativeFilter(Overdue: true)),
        ("list: supervision candidates by members", new PageRequest(0, 25, "MemberCount", true), new CooperativeFilter(NeedsSupervision: true)),
    };
    foreach (var (label, request, filter) in cases)
    {
        var timings = new List<double>();
        for (var run = 0; run < 55; run++)
        {
            var watch = Stopwatch.StartNew();
            await cooperatives.ListAsync(request, filter);
            if (run >= 5)
            {
                timings.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        timings.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"p50 {timings[timings.Count / 2],6:0.0} ms  p95 {timings[(int)(timings.Count * 0.95)],6:0.0} ms  {label} ({total} cooperatives)"));
    }
}

// Synthetic tickets spread over two years, divisions, services, statuses and SLA states: enough shape for the
// queues' filters and sorts to hit the same indexes as real data.
static async Task AddTicketsAsync(IDbContextFactory<AppDbContext> dbFactory, int count)
{
    await using var db = await dbFactory.CreateDbContextAsync();
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    var services = await db.Set<KopUkm.Dashboard.Features.ServiceCatalog.ServiceType>().Select(s => new { s.Id, s.OwnerDivisionId }).ToListAsync();
    var regions = await db.Set<KopUkm.Dashboard.Features.Organization.Region>().Select(r => r.Id).ToListAsync();
    var start = DateTime.UtcNow.AddYears(-2);
    var random = new Random(7);
    for (var done = 0; done < count; done += 5_000)
    {
        var batch = Enumerable.Range(done, Math.Min(5_000, count - done)).Select(i =>
        {
            var service = services[i % services.Count];
            // As in an office's real history: most tickets are long closed, about one in twenty is still open.
            var status = i % 20 == 0 ? TicketWorkflow.OpenStatuses[random.Next(TicketWorkflow.OpenStatuses.Count)] : i % 2 == 0 ? TicketStatus.Ditutup : TicketStatus.Selesai;
            var sla = (SlaStatus)(1 + random.Next(4));
            return new Ticket
            {
                Code = $"UMKM-B-{i:D7}",
                ApplicantName = $"Pemohon {i} {(i % 7 == 0 ? "Sejahtera" : "Makmur")}",
                BusinessName = $"Usaha {i}",
                Phone = "081234567890",
                ServiceTypeId = service.Id,
                DivisionId = service.OwnerDivisionId,
                RegionId = regions[i % regions.Count],
                Channel = (TicketChannel)(1 + (i % 7)),
                Priority = (TicketPriority)(1 + (i % 4)),
                Status = status,
                Description = "Tolok ukur",
                CreatedAtUtc = start.AddMinutes(i * 10.5),
                ResolutionSla = sla,
                FirstResponseSla = sla == SlaStatus.Paused ? SlaStatus.Met : sla,
                ResolutionMinutesLeft = TicketWorkflow.IsOpen(status) ? random.Next(-3000, 2250) : null,
            };
        }).ToList();
        db.AddRange(batch);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }
}

// The ticket queues as people use them; p50/p95 over 50 timed runs after 5 warm-ups.
static async Task TimeTicketListAsync(TicketService tickets, int total)
{
    var cases = new (string Label, PageRequest Request, TicketFilter Filter)[]
    {
        ("tickets: division queue, open, newest first", new PageRequest(0, 25), new TicketFilter(TicketQueueKind.Division, DivisionId: 5)),
        ("tickets: all, open, least SLA time left first", new PageRequest(0, 25, "ResolutionMinutesLeft"), new TicketFilter(TicketQueueKind.All)),
        ("tickets: all, breached, any status", new PageRequest(0, 25), new TicketFilter(TicketQueueKind.All, OpenOnly: false, Sla: SlaStatus.Breached)),
        ("tickets: service + channel + region filters", new PageRequest(0, 25), new TicketFilter(TicketQueueKind.All, OpenOnly: false, ServiceTypeId: 3, Channel: TicketChannel.WhatsApp, RegionId: 10)),
        ("tickets: last month by date range", new PageRequest(0, 25), new TicketFilter(TicketQueueKind.All, OpenOnly: false, FromWib: DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-30)))),
        ("tickets: search by code", new PageRequest(0, 25, Search: "UMKM-B-0054321"), new TicketFilter(TicketQueueKind.All, OpenOnly: false)),
        ("tickets: search by applicant name", new PageRequest(0, 25, Search: "sejahtera"), new TicketFilter(TicketQueueKind.All, OpenOnly: false)),
        ("tickets: deep page (page 1000)", new PageRequest(1000, 25), new TicketFilter(TicketQueueKind.All, OpenOnly: false)),
    };
    foreach (var (label, request, filter) in cases)
    {
        var timings = new List<double>();
        for (var run = 0; run < 55; run++)
        {
            var watch = Stopwatch.StartNew();
            await tickets.ListAsync(request, filter);
            if (run >= 5)
            {
                timings.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        timings.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"p50 {timings[timings.Count / 2],6:0.0} ms  p95 {timings[(int)(timings.Count * 0.95)],6:0.0} ms  {label} ({total} tickets)"));
    }
}

static void Report(string label, TimeSpan elapsed) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds,7:0.00} s  {label}"));

/// <summary>The benchmark reads as an office-wide user would.</summary>
internal sealed class BenchmarkUser : ICurrentUserAccessor
{
    public Task<UserContext> GetAsync() => Task.FromResult(new UserContext("bench", "Benchmark", new HashSet<string> { AppRoles.Pimpinan }, 1, "SEK"));
}
