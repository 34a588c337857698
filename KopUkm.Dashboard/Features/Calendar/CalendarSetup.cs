namespace KopUkm.Dashboard.Features.Calendar;

public static class CalendarSetup
{
    /// <summary>The office working calendar (shared kernel): its administration and the cached calendar every clock runs on.</summary>
    public static IServiceCollection AddCalendar(this IServiceCollection services)
    {
        services.AddScoped<CalendarService>();
        services.AddSingleton<WorkingCalendarProvider>();
        return services;
    }
}
