using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Calendar;

/// <summary>The office's working calendar: weekly hours, holidays and special-hours periods (the SLA clock's input).</summary>
public sealed class CalendarService(
    IDbContextFactory<AppDbContext> dbFactory,
    AccessGuard guard,
    WorkingCalendarProvider workingCalendar,
    IEnumerable<IOpenDueDates> dueDates,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<WorkingDayItem>> ListWorkingDaysAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var days = await db.Set<WorkingDay>().AsNoTracking().ToListAsync(ct);
        // Monday first, as the office reads its week.
        return [.. days.OrderBy(d => ((int)d.DayOfWeek + 6) % 7).Select(d => new WorkingDayItem(d.DayOfWeek, d.IsWorkingDay, d.StartTime, d.EndTime, d.BreakStart, d.BreakEnd, d.Version))];
    }

    public async Task<CommandResult> SaveWorkingDayAsync(WorkingDayItem item, CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.Administer);
        if (item.IsWorkingDay && item.EndTime <= item.StartTime)
        {
            return CommandResult.Fail("Calendar.EndBeforeStart", nameof(WorkingDayItem.EndTime));
        }

        if (item.IsWorkingDay && (item.BreakStart is null) != (item.BreakEnd is null))
        {
            return CommandResult.Fail("Calendar.BreakIncomplete", nameof(WorkingDayItem.BreakStart));
        }

        if (item.IsWorkingDay && item.BreakStart is { } breakStart && item.BreakEnd is { } breakEnd
            && (breakEnd <= breakStart || breakStart < item.StartTime || breakEnd > item.EndTime))
        {
            return CommandResult.Fail("Calendar.BreakOutsideHours", nameof(WorkingDayItem.BreakStart));
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var day = await db.FindForUpdateAsync<WorkingDay>(item.DayOfWeek, item.Version, ct);
        if (day is null)
        {
            return CommandResult.Conflict();
        }

        day.IsWorkingDay = item.IsWorkingDay;
        day.StartTime = item.StartTime;
        day.EndTime = item.EndTime;
        day.BreakStart = item.IsWorkingDay ? item.BreakStart : null;
        day.BreakEnd = item.IsWorkingDay ? item.BreakEnd : null;
        return Invalidating(await db.TrySaveAsync(ct));
    }

    public async Task<IReadOnlyList<HolidayItem>> ListHolidaysAsync(int year, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        return await db.Set<Holiday>().AsNoTracking()
            .Where(h => h.Date >= from && h.Date <= to)
            .OrderBy(h => h.Date)
            .Select(h => new HolidayItem(h.Id, h.Date, h.Kind, h.Name, h.Version))
            .ToListAsync(ct);
    }

    /// <summary>Years that have holidays, plus the current one, for the year picker.</summary>
    public async Task<IReadOnlyList<int>> ListHolidayYearsAsync(int currentYear, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dates = await db.Set<Holiday>().AsNoTracking().Select(h => h.Date).ToListAsync(ct);
        return [.. dates.Select(d => d.Year).Append(currentYear).Distinct().OrderDescending()];
    }

    public async Task<CommandResult> SaveHolidayAsync(HolidayItem item, CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.Administer);
        if (string.IsNullOrWhiteSpace(item.Name))
        {
            return CommandResult.Fail("Validation.Required", nameof(HolidayItem.Name));
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Set<Holiday>().AnyAsync(h => h.Date == item.Date && h.Id != item.Id, ct))
        {
            return CommandResult.Fail("Calendar.DuplicateHoliday", nameof(HolidayItem.Date), item.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        Holiday? holiday;
        if (item.Id == 0)
        {
            holiday = new Holiday { Name = item.Name };
            db.Add(holiday);
        }
        else
        {
            holiday = await db.FindForUpdateAsync<Holiday>(item.Id, item.Version, ct);
            if (holiday is null)
            {
                return CommandResult.Conflict();
            }
        }

        holiday.Date = item.Date;
        holiday.Kind = item.Kind;
        holiday.Name = item.Name.Trim();
        return Invalidating(await db.TrySaveAsync(ct));
    }

    public async Task<CommandResult> DeleteHolidayAsync(int id, long version, CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var holiday = await db.FindForUpdateAsync<Holiday>(id, version, ct);
        if (holiday is null)
        {
            return CommandResult.Conflict();
        }

        db.Remove(holiday);
        return Invalidating(await db.TrySaveAsync(ct));
    }

    /// <summary>
    /// Imports a holiday CSV all or nothing: any bad line rejects the file with every line's reason. Dates already
    /// present are updated; importing the same file twice changes nothing the second time.
    /// </summary>
    public async Task<HolidayImportResult> ImportHolidaysAsync(Stream csv, CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.Administer);
        var parsed = HolidayCsv.Parse(csv);
        if (parsed.Errors.Count > 0)
        {
            return new HolidayImportResult(0, 0, 0, parsed.Errors, parsed.ReadAsWindows1252);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dates = parsed.Holidays.Select(h => h.Date).ToList();
        var existing = await db.Set<Holiday>().Where(h => dates.Contains(h.Date)).ToDictionaryAsync(h => h.Date, ct);
        int added = 0, updated = 0, unchanged = 0;
        foreach (var incoming in parsed.Holidays)
        {
            if (!existing.TryGetValue(incoming.Date, out var current))
            {
                db.Add(incoming);
                added++;
            }
            else if (current.Name != incoming.Name || current.Kind != incoming.Kind)
            {
                current.Name = incoming.Name;
                current.Kind = incoming.Kind;
                updated++;
            }
            else
            {
                unchanged++;
            }
        }

        await db.SaveChangesAsync(ct);
        workingCalendar.Changed();
        return new HolidayImportResult(added, updated, unchanged, [], parsed.ReadAsWindows1252);
    }

    public async Task<IReadOnlyList<SpecialHoursItem>> ListSpecialHoursAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<SpecialHoursPeriod>().AsNoTracking()
            .OrderByDescending(p => p.StartDate)
            .Select(p => new SpecialHoursItem(p.Id, p.Name, p.StartDate, p.EndDate, p.WeekdayStart, p.WeekdayEnd, p.FridayStart, p.FridayEnd, p.Version)
            {
                WeekdayBreakStart = p.WeekdayBreakStart,
                WeekdayBreakEnd = p.WeekdayBreakEnd,
                FridayBreakStart = p.FridayBreakStart,
                FridayBreakEnd = p.FridayBreakEnd,
            })
            .ToListAsync(ct);
    }

    public async Task<CommandResult> SaveSpecialHoursAsync(SpecialHoursItem item, CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.Administer);
        var errors = new List<CommandError>();
        if (string.IsNullOrWhiteSpace(item.Name))
        {
            errors.Add(new(nameof(SpecialHoursItem.Name), "Validation.Required", []));
        }

        if (item.EndDate < item.StartDate)
        {
            errors.Add(new(nameof(SpecialHoursItem.EndDate), "Calendar.EndBeforeStart", []));
        }

        if (item.WeekdayEnd <= item.WeekdayStart || item.FridayEnd <= item.FridayStart)
        {
            errors.Add(new(nameof(SpecialHoursItem.WeekdayEnd), "Calendar.EndBeforeStart", []));
        }

        if (BreakError(item.WeekdayStart, item.WeekdayEnd, item.WeekdayBreakStart, item.WeekdayBreakEnd) is { } weekdayBreak)
        {
            errors.Add(new(nameof(SpecialHoursItem.WeekdayBreakStart), weekdayBreak, []));
        }

        if (BreakError(item.FridayStart, item.FridayEnd, item.FridayBreakStart, item.FridayBreakEnd) is { } fridayBreak)
        {
            errors.Add(new(nameof(SpecialHoursItem.FridayBreakStart), fridayBreak, []));
        }

        if (errors.Count > 0)
        {
            return new CommandResult(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        SpecialHoursPeriod? period;
        if (item.Id == 0)
        {
            period = new SpecialHoursPeriod { Name = item.Name };
            db.Add(period);
        }
        else
        {
            period = await db.FindForUpdateAsync<SpecialHoursPeriod>(item.Id, item.Version, ct);
            if (period is null)
            {
                return CommandResult.Conflict();
            }
        }

        period.Name = item.Name.Trim();
        period.StartDate = item.StartDate;
        period.EndDate = item.EndDate;
        period.WeekdayStart = item.WeekdayStart;
        period.WeekdayEnd = item.WeekdayEnd;
        period.FridayStart = item.FridayStart;
        period.FridayEnd = item.FridayEnd;
        period.WeekdayBreakStart = item.WeekdayBreakStart;
        period.WeekdayBreakEnd = item.WeekdayBreakEnd;
        period.FridayBreakStart = item.FridayBreakStart;
        period.FridayBreakEnd = item.FridayBreakEnd;
        return Invalidating(await db.TrySaveAsync(ct));
    }

    /// <summary>
    /// The years from the current one to the latest open due date (tickets, registration cases: every
    /// <see cref="IOpenDueDates"/>) whose holidays were never entered, so the due dates in them may be too early.
    /// </summary>
    public async Task<IReadOnlyList<int>> YearsMissingHolidaysAsync(CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.Administer);
        var calendar = await workingCalendar.GetAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var latest = now;
        foreach (var source in dueDates)
        {
            if (await source.LatestOpenDueAtUtcAsync(ct) is { } due && due > latest)
            {
                latest = due;
            }
        }

        return calendar.YearsWithoutHolidays(now, latest);
    }

    /// <summary>Both ends or neither; a break inside the hours and ending after it starts.</summary>
    private static string? BreakError(TimeOnly start, TimeOnly end, TimeOnly? breakStart, TimeOnly? breakEnd) => (breakStart, breakEnd) switch
    {
        (null, null) => null,
        (null, _) or (_, null) => "Calendar.BreakIncomplete",
        ({ } s, { } e) when e <= s || s < start || e > end => "Calendar.BreakOutsideHours",
        _ => null,
    };

    /// <summary>Makes the SLA clock re-read the calendar once an edit has been saved, here and on every other instance.</summary>
    private CommandResult Invalidating(CommandResult result)
    {
        if (result.Succeeded)
        {
            workingCalendar.Changed();
        }

        return result;
    }
}

public sealed record WorkingDayItem(DayOfWeek DayOfWeek, bool IsWorkingDay, TimeOnly StartTime, TimeOnly EndTime, TimeOnly? BreakStart, TimeOnly? BreakEnd, long Version)
{
    public double NetHours => IsWorkingDay
        ? (EndTime - StartTime - (BreakStart is { } s && BreakEnd is { } e && e > s ? e - s : TimeSpan.Zero)).TotalHours
        : 0;
}

public sealed record HolidayItem(int Id, DateOnly Date, HolidayKind Kind, string Name, long Version);

public sealed record SpecialHoursItem(int Id, string Name, DateOnly StartDate, DateOnly EndDate, TimeOnly WeekdayStart, TimeOnly WeekdayEnd, TimeOnly FridayStart, TimeOnly FridayEnd, long Version)
{
    public TimeOnly? WeekdayBreakStart { get; init; }

    public TimeOnly? WeekdayBreakEnd { get; init; }

    public TimeOnly? FridayBreakStart { get; init; }

    public TimeOnly? FridayBreakEnd { get; init; }
}

/// <param name="ReadAsWindows1252">The file was not UTF-8 and was read as Windows-1252: names with accents deserve a look.</param>
public sealed record HolidayImportResult(int Added, int Updated, int Unchanged, IReadOnlyList<CsvLineError> Errors, bool ReadAsWindows1252)
{
    public bool Succeeded => Errors.Count == 0;
}
