using System.Globalization;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Calendar;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Localization;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Dashboard;

/// <summary>What the home page shows before the work modules exist: who you are, and what the office calendar says today.</summary>
public sealed class OfficeOverviewService(IDbContextFactory<AppDbContext> dbFactory, AccessGuard guard, TimeProvider clock)
{
    public async Task<OfficeOverview> GetAsync(CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewDashboard);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = DateOnly.FromDateTime(WibTime.ToWib(clock.GetUtcNow().UtcDateTime));
        var divisionName = await db.Set<Division>().Where(d => d.Id == user.DivisionId).Select(d => d.Name).FirstOrDefaultAsync(ct) ?? "";
        var holidays = await db.Set<Holiday>().AsNoTracking()
            .Where(h => h.Date >= today)
            .OrderBy(h => h.Date)
            .Take(2)
            .Select(h => new { h.Date, h.Name })
            .ToListAsync(ct);
        var todayHoliday = holidays.FirstOrDefault(h => h.Date == today);
        var next = holidays.FirstOrDefault(h => h.Date > today);
        var day = await db.Set<WorkingDay>().AsNoTracking().FirstOrDefaultAsync(d => d.DayOfWeek == today.DayOfWeek, ct);
        var special = await db.Set<SpecialHoursPeriod>().AsNoTracking()
            .Where(p => p.StartDate <= today && p.EndDate >= today)
            .FirstOrDefaultAsync(ct);
        var working = day is { IsWorkingDay: true } && todayHoliday is null;
        var (start, end) = special is null || day is null
            ? (day?.StartTime ?? default, day?.EndTime ?? default)
            : today.DayOfWeek == DayOfWeek.Friday ? (special.FridayStart, special.FridayEnd) : (special.WeekdayStart, special.WeekdayEnd);
        var timeFormat = CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "id" ? "HH.mm" : "HH:mm";
        return new OfficeOverview(
            user.DisplayName,
            divisionName,
            user.Roles.FirstOrDefault() ?? "None",
            working,
            working ? $"{start.ToString(timeFormat, CultureInfo.InvariantCulture)}–{end.ToString(timeFormat, CultureInfo.InvariantCulture)} WIB" : "",
            todayHoliday?.Name,
            next is null ? null : new UpcomingHoliday(next.Date, next.Name));
    }
}

public sealed record OfficeOverview(
    string FullName,
    string DivisionName,
    string Role,
    bool TodayIsWorkingDay,
    string TodayHours,
    string? TodayHolidayName,
    UpcomingHoliday? NextHoliday);

public sealed record UpcomingHoliday(DateOnly Date, string Name);
