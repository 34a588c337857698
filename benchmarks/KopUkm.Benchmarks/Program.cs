using System.Diagnostics;
using System.Globalization;
using KopUkm.Dashboard;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Cooperatives;
using KopUkm.Dashboard.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// Times the demo seeding and the supervision flagging on a throwaway data folder, on this machine, with the real
// services (audit trail included). Not a test: numbers to compare before and after a change.
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
    });
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

static void Report(string label, TimeSpan elapsed) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds,7:0.00} s  {label}"));
