using System.Diagnostics;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Features.Calendar;
using KopUkm.Dashboard.Features.Cooperatives.Cases;
using KopUkm.Dashboard.Features.Cooperatives.Demo;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Localization;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Cooperatives;

/// <summary>
/// Fills an empty register with the province's demo cooperatives (about 3,900, in the office's reported
/// active/inactive proportions) and about 200 registration cases in every stage, then flags the supervision
/// candidates. Used by the <c>seed-demo</c> command and, in Development with demo accounts, at start.
/// </summary>
public sealed class CooperativeDemoSeeder(
    IDbContextFactory<AppDbContext> dbFactory,
    WorkingCalendarProvider calendars,
    SupervisionService supervision,
    TimeProvider clock,
    ILogger<CooperativeDemoSeeder> logger) : IDemoSeeder, IScaleSeeder
{
    int IDemoSeeder.Order => 10;

    string IDemoSeeder.Switch => "Demo:SeedCooperatives";

    int IScaleSeeder.Order => 10;

    async Task<DemoSeedReport> IDemoSeeder.SeedDemoAsync(int? seed, CancellationToken ct)
    {
        var seeded = await SeedAsync(seed ?? DefaultSeed, ct);
        return seeded.Cooperatives == 0
            ? new("Cli.DemoCooperativesExist")
            : new("Cli.DemoCooperativesSeeded", seeded.Cooperatives, seeded.Cases, Seconds(seeded.Elapsed));
    }

    async Task<IReadOnlyDictionary<string, int>> IScaleSeeder.SeedScaleAsync(DemoScale scale, int seed, IProgress<DemoSeedProgress>? progress, CancellationToken ct)
    {
        var seeded = await SeedScaleAsync(scale, seed, progress, ct);
        return new Dictionary<string, int> { ["Cooperatives"] = seeded.Cooperatives, ["RegistrationCases"] = seeded.Cases };
    }

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.CurrentCulture);

    /// <summary>The seed the command and the start use, so every demo install shows the same register.</summary>
    public const int DefaultSeed = 1500;

    /// <summary>Rows per SaveChanges: large enough to be quick, small enough to keep the change tracker cheap.</summary>
    public const int BatchSize = 500;

    /// <summary>
    /// Seeds the demo register if it holds no cooperative yet; otherwise adds nothing. The same seed, regions,
    /// calendar and day give the same data. Cases are assigned to the demo officer and head of the Kelembagaan
    /// division when their accounts exist (seed them first), and left unassigned otherwise.
    /// </summary>
    public async Task<CooperativeDemoSeedResult> SeedAsync(int seed = DefaultSeed, CancellationToken ct = default)
    {
        var stopwatch = Stopwatch.StartNew();
        // As of the start of the WIB day, so that every seeding of the day writes the same rows (DemoDay).
        var nowUtc = DemoDay.AsOfUtc(clock);
        var today = DateOnly.FromDateTime(WibTime.ToWib(nowUtc));
        var rng = new Random(seed);
        List<Cooperative> cooperatives;
        List<DemoCase> cases;

        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            // Inserts only: nothing to detect, and detecting over thousands of tracked rows is what makes bulk saves slow.
            db.ChangeTracker.AutoDetectChangesEnabled = false;

            // One write transaction for all of it: SQLite takes the write lock at its start, so a second seeder running
            // at the same moment waits, then finds the register filled; and a failure leaves no half-seeded register.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (await db.Set<Cooperative>().AnyAsync(ct))
            {
                return new CooperativeDemoSeedResult(0, 0, stopwatch.Elapsed);
            }

            var inputs = await LoadInputsAsync(db, ct);
            cooperatives = new DemoCooperativeGenerator(rng, inputs.Regions, today, nowUtc).Generate();
            await InsertAsync(db, cooperatives, ct);

            cases = inputs.CaseGenerator(rng, nowUtc).Generate(cooperatives);
            await InsertAsync(db, cases.Select(c => c.Case), ct);
            foreach (var demoCase in cases)
            {
                demoCase.Events.ForEach(e => e.CaseId = demoCase.Case.Id);
            }

            await InsertAsync(db, cases.SelectMany(c => c.Events.OrderBy(e => e.AtUtc)), ct);
            await transaction.CommitAsync(ct);
        }

        var flagged = await supervision.FlagCandidatesAsync(ct);
        logger.LogInformation(
            "Seeded {Cooperatives} demo cooperatives ({Candidates} supervision candidates) and {Cases} cases in {Seconds:0.0} s",
            cooperatives.Count,
            flagged.Candidates,
            cases.Count,
            stopwatch.Elapsed.TotalSeconds);
        return new CooperativeDemoSeedResult(cooperatives.Count, cases.Count, stopwatch.Elapsed);
    }

    /// <summary>
    /// Seeds <see cref="DemoScale.Cooperatives"/> cooperatives and <see cref="DemoScale.RegistrationCases"/> cases for
    /// load measurements (<c>seed-demo --scale</c>), if the register is empty: the same generators as the demo, with the
    /// supervision flags the nightly rule would set, written by prepared inserts in one transaction, without audit rows.
    /// </summary>
    public async Task<CooperativeDemoSeedResult> SeedScaleAsync(
        DemoScale scale, int seed = DefaultSeed, IProgress<DemoSeedProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scale);
        var stopwatch = Stopwatch.StartNew();
        // As of the start of the WIB day, so that every seeding of the day writes the same rows (DemoDay).
        var nowUtc = DemoDay.AsOfUtc(clock);
        var today = DateOnly.FromDateTime(WibTime.ToWib(nowUtc));
        var rng = new Random(seed);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.Set<Cooperative>().AnyAsync(ct))
        {
            return new CooperativeDemoSeedResult(0, 0, stopwatch.Elapsed);
        }

        var inputs = await LoadInputsAsync(db, ct);
        var cooperatives = new DemoCooperativeGenerator(rng, inputs.Regions, today, nowUtc, scale.Cooperatives).Generate();
        var reasonsDue = SupervisionRules.ReasonsDue(today);
        var nextId = 1;
        foreach (var cooperative in cooperatives)
        {
            // Cases refer to their cooperative's id, so ids are given before the cases are made.
            cooperative.Id = nextId++;
            cooperative.SupervisionReasons = reasonsDue(cooperative);
            cooperative.NeedsSupervision = cooperative.SupervisionReasons != SupervisionReason.None;
        }

        BulkInsert.Rows(db, cooperatives, ct);
        progress?.Report(new DemoSeedProgress(DemoSeedPart.Cooperatives, cooperatives.Count, cooperatives.Count, stopwatch.Elapsed));

        var cases = inputs.CaseGenerator(rng, nowUtc, scale.RegistrationCases).Generate(cooperatives);
        var caseId = 1;
        foreach (var demoCase in cases)
        {
            demoCase.Case.Id = caseId++;
            demoCase.Case.Documents.ForEach(d => d.CaseId = demoCase.Case.Id);
            demoCase.Events.ForEach(e => e.CaseId = demoCase.Case.Id);
        }

        BulkInsert.Rows(db, cases.Select(c => c.Case), ct);
        BulkInsert.Rows(db, cases.SelectMany(c => c.Case.Documents), ct);
        BulkInsert.Rows(db, cases.SelectMany(c => c.Events.OrderBy(e => e.AtUtc)), ct);
        await transaction.CommitAsync(ct);
        progress?.Report(new DemoSeedProgress(DemoSeedPart.RegistrationCases, cases.Count, cases.Count, stopwatch.Elapsed));
        return new CooperativeDemoSeedResult(cooperatives.Count, cases.Count, stopwatch.Elapsed);
    }

    /// <summary>What both seedings generate from: the active regions, the stage targets, the calendar and the demo staff.</summary>
    private async Task<GeneratorInputs> LoadInputsAsync(AppDbContext db, CancellationToken ct)
    {
        var regions = await db.Set<Region>().AsNoTracking().Where(r => r.IsActive).OrderBy(r => r.Code).ToListAsync(ct);
        if (regions.Count == 0)
        {
            throw new InvalidOperationException("Seed the reference data (regions) before the demo cooperatives.");
        }

        return new GeneratorInputs(
            regions,
            await db.Set<StageTarget>().AsNoTracking().ToDictionaryAsync(t => t.Stage, t => t.TargetWorkingDays, ct),
            await calendars.GetAsync(ct),
            await FindStaffAsync(db, AppRoles.Petugas, ct),
            await FindStaffAsync(db, AppRoles.KepalaBidang, ct));
    }

    private sealed record GeneratorInputs(
        List<Region> Regions, Dictionary<CaseStage, int> Targets, WorkingCalendar Calendar, DemoStaff? Officer, DemoStaff? Head)
    {
        public DemoCaseGenerator CaseGenerator(Random rng, DateTime nowUtc, int count = DemoCaseGenerator.DefaultCount) =>
            new(rng, nowUtc, Calendar, Targets, Officer, Head, count);
    }

    /// <summary>The Kelembagaan division's demo account with the given role, if it was seeded.</summary>
    private static async Task<DemoStaff?> FindStaffAsync(AppDbContext db, string role, CancellationToken ct)
    {
        var email = DemoUsers.All.First(u => u.Role == role && u.DivisionCode == "KLM").Email;
        return await db.Users.AsNoTracking()
            .Where(u => u.Email == email && u.IsActive)
            .Select(u => new DemoStaff(u.Id, u.FullName))
            .FirstOrDefaultAsync(ct);
    }

    private static async Task InsertAsync<T>(AppDbContext db, IEnumerable<T> rows, CancellationToken ct)
        where T : class
    {
        foreach (var batch in rows.Chunk(BatchSize))
        {
            db.Set<T>().AddRange(batch);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }
}

/// <summary>What a demo seeding added (nothing when the register already held cooperatives) and how long it took.</summary>
public sealed record CooperativeDemoSeedResult(int Cooperatives, int Cases, TimeSpan Elapsed);
