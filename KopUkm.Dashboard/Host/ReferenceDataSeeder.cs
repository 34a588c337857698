using System.Globalization;
using CsvHelper;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Calendar;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.ServiceCatalog;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Host;

/// <summary>
/// Seeds the office's reference data: regions, divisions, the SME service catalogue and the working calendar. Each
/// table is seeded only while it is empty, so administrators' later edits are never overwritten — except the
/// holidays, seeded per year while that year has none (so a database from an older version gains a newly shipped
/// year, and nothing is doubled), and the Ramadan period an older version seeded, brought to the official timetable
/// with breaks while nobody has edited it.
/// </summary>
public sealed class ReferenceDataSeeder(IDbContextFactory<AppDbContext> dbFactory, ILogger<ReferenceDataSeeder> logger) : IReferenceSeeder
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await SeedRegionsAsync(db, ct);
        await SeedDivisionsAsync(db, ct);
        await SeedServicesAsync(db, ct);
        await SeedWorkingDaysAsync(db, ct);
        await SeedHolidaysAsync(db, ct);
        await SeedSpecialHoursAsync(db, ct);
    }

    private async Task SeedRegionsAsync(AppDbContext db, CancellationToken ct)
    {
        if (await db.Set<Region>().AnyAsync(ct))
        {
            return;
        }

        var rows = ReadCsv("regions-jambi.csv", r => new Region
        {
            Code = r.GetString("code"),
            Name = r.GetString("name"),
            Kind = Enum.Parse<RegionKind>(r.GetString("kind"), ignoreCase: true),
        });
        db.AddRange(rows);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded {Count} regions", rows.Count);
    }

    private async Task SeedDivisionsAsync(AppDbContext db, CancellationToken ct)
    {
        if (await db.Set<Division>().AnyAsync(ct))
        {
            return;
        }

        var rows = ReadCsv("divisions.csv", r => new Division
        {
            Code = r.GetString("code"),
            Name = r.GetString("name"),
            NameEn = r.GetString("english"),
            Description = r.GetString("role"),
        });
        db.AddRange(rows);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded {Count} divisions", rows.Count);
    }

    private async Task SeedServicesAsync(AppDbContext db, CancellationToken ct)
    {
        if (await db.Set<ServiceType>().AnyAsync(ct))
        {
            return;
        }

        var divisions = await db.Set<Division>().ToDictionaryAsync(d => d.Code, d => d.Id, ct);
        var rows = ReadCsv("services.csv", r => new ServiceType
        {
            Code = r.GetString("code"),
            NameId = r.GetString("name_id"),
            NameEn = r.GetString("name_en"),
            OwnerDivisionId = divisions[r.GetString("owner_division")],
            FirstResponseWorkingDays = int.Parse(r.GetString("first_response_working_days"), CultureInfo.InvariantCulture),
            ResolutionWorkingDays = int.Parse(r.GetString("resolution_working_days"), CultureInfo.InvariantCulture),
            LaporCategory = r.GetString("lapor_category"),
        });
        db.AddRange(rows);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded {Count} services", rows.Count);
    }

    /// <summary>Perpres 21/2023: 37.5 hours a week from 07:30, Monday–Thursday to 16:00 and Friday to 16:30, less breaks.</summary>
    private static async Task SeedWorkingDaysAsync(AppDbContext db, CancellationToken ct)
    {
        if (await db.Set<WorkingDay>().AnyAsync(ct))
        {
            return;
        }

        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            var working = day is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
            db.Add(new WorkingDay
            {
                DayOfWeek = day,
                IsWorkingDay = working,
                StartTime = working ? new TimeOnly(7, 30) : TimeOnly.MinValue,
                EndTime = day == DayOfWeek.Friday ? new TimeOnly(16, 30) : working ? new TimeOnly(16, 0) : TimeOnly.MinValue,
                BreakStart = !working ? null : day == DayOfWeek.Friday ? new TimeOnly(11, 30) : new TimeOnly(12, 0),
                BreakEnd = working ? new TimeOnly(13, 0) : null,
            });
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Each embedded year list (<c>Data/Seed/holidays-YYYY.csv</c>) is added while its year has no holiday at all, in
    /// new and existing databases alike: a year someone has entered (or edited) is never touched, and a run that finds
    /// every year present adds nothing.
    /// </summary>
    private async Task SeedHolidaysAsync(AppDbContext db, CancellationToken ct)
    {
        var years = (await db.Set<Holiday>().Select(h => h.Date).ToListAsync(ct)).Select(d => d.Year).ToHashSet();
        foreach (var (year, fileName) in HolidaySeedFiles())
        {
            if (years.Contains(year))
            {
                continue;
            }

            await using var stream = OpenSeed(fileName);
            var parsed = HolidayCsv.Parse(stream);
            if (parsed.Errors.Count > 0 || parsed.Holidays.Any(h => h.Date.Year != year))
            {
                throw new InvalidOperationException($"Seed file {fileName} is not a valid holiday list of {year}.");
            }

            db.AddRange(parsed.Holidays);
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Seeded {Count} holidays of {Year}", parsed.Holidays.Count, year);
        }
    }

    /// <summary>The embedded holiday lists by year, oldest first.</summary>
    public static IReadOnlyList<(int Year, string FileName)> HolidaySeedFiles()
    {
        const string prefix = "KopUkm.Dashboard.Data.Seed.holidays-";
        return [.. typeof(ReferenceDataSeeder).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".csv", StringComparison.Ordinal))
            .Select(n => n[(prefix.Length - "holidays-".Length)..])
            .Select(f => (Year: int.Parse(f["holidays-".Length..^".csv".Length], CultureInfo.InvariantCulture), FileName: f))
            .OrderBy(f => f.Year)];
    }

    /// <summary>
    /// Ramadan 1447 H (estimated; administrators correct it) on the official timetable, 32.5 hours a week from 08:00:
    /// Monday–Thursday 08:00–15:00 with a break 12:00–12:30, Friday 08:00–15:30 with a break 11:30–12:30. A database
    /// seeded by an earlier version holds the same period at 08:00–14:30 without breaks; while nobody has edited it,
    /// it is brought to the official timetable.
    /// </summary>
    private async Task SeedSpecialHoursAsync(AppDbContext db, CancellationToken ct)
    {
        var periods = await db.Set<SpecialHoursPeriod>().ToListAsync(ct);
        if (periods.Count == 0)
        {
            db.Add(ApplyRamadanTimetable(new SpecialHoursPeriod
            {
                Name = "Ramadan 1447 H",
                StartDate = new DateOnly(2026, 2, 19),
                EndDate = new DateOnly(2026, 3, 19),
            }));
            await db.SaveChangesAsync(ct);
            return;
        }

        var earlierSeed = periods.SingleOrDefault(p => p is
        {
            Name: "Ramadan 1447 H", WeekdayBreakStart: null, WeekdayBreakEnd: null, FridayBreakStart: null, FridayBreakEnd: null,
        } && p.StartDate == new DateOnly(2026, 2, 19) && p.EndDate == new DateOnly(2026, 3, 19)
            && p.WeekdayStart == new TimeOnly(8, 0) && p.WeekdayEnd == new TimeOnly(14, 30)
            && p.FridayStart == new TimeOnly(8, 0) && p.FridayEnd == new TimeOnly(14, 30));
        if (periods.Count == 1 && earlierSeed is not null)
        {
            ApplyRamadanTimetable(earlierSeed);
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Ramadan 1447 H hours set to the official timetable with breaks");
        }
    }

    private static SpecialHoursPeriod ApplyRamadanTimetable(SpecialHoursPeriod period)
    {
        period.WeekdayStart = new TimeOnly(8, 0);
        period.WeekdayEnd = new TimeOnly(15, 0);
        period.WeekdayBreakStart = new TimeOnly(12, 0);
        period.WeekdayBreakEnd = new TimeOnly(12, 30);
        period.FridayStart = new TimeOnly(8, 0);
        period.FridayEnd = new TimeOnly(15, 30);
        period.FridayBreakStart = new TimeOnly(11, 30);
        period.FridayBreakEnd = new TimeOnly(12, 30);
        return period;
    }

    private static Stream OpenSeed(string fileName) =>
        typeof(ReferenceDataSeeder).Assembly.GetManifestResourceStream($"KopUkm.Dashboard.Data.Seed.{fileName}")
        ?? throw new InvalidOperationException($"Seed file {fileName} is not embedded.");

    private static List<T> ReadCsv<T>(string fileName, Func<CsvReader, T> map)
    {
        using var csv = CsvReader.Create(new StreamReader(OpenSeed(fileName)), CsvFile.ReaderOptions(), leaveOpen: false);
        var rows = new List<T>();
        while (csv.Read())
        {
            rows.Add(map(csv));
        }

        return rows;
    }
}
