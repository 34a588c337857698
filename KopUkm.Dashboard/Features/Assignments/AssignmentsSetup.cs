using KopUkm.Dashboard.Data.Seeding;

namespace KopUkm.Dashboard.Features.Assignments;

public static class AssignmentsSetup
{
    /// <summary>The IT task board and its demo data.</summary>
    public static IServiceCollection AddAssignments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ItTaskSources>();
        services.AddScoped<ItTaskLists>();
        services.AddScoped<ItTaskDetails>();
        services.AddScoped<ItTaskEditing>();
        services.AddScoped<ItTaskStatusMoves>();
        services.AddScoped<ItTaskAssignment>();
        services.AddDemoSeeder<ItTaskDemoSeeder>();
        return services;
    }
}
