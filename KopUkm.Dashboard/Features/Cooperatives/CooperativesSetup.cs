using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Calendar;
using KopUkm.Dashboard.Features.Cooperatives.Cases;
using KopUkm.Dashboard.Features.Cooperatives.Import;

namespace KopUkm.Dashboard.Features.Cooperatives;

public static class CooperativesSetup
{
    /// <summary>The cooperative register, registration cases, supervision flags, their jobs and demo data.</summary>
    public static IServiceCollection AddCooperatives(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<CooperativeOptions>("Cooperatives");
        services.AddSettings<CooperativeImportOptions>("Cooperatives:Import");
        services.AddScoped<IReferenceSeeder, CooperativeReferenceSeeder>();
        services.AddScoped<CooperativeService>();
        services.AddScoped<CooperativeImportService>();
        services.AddScoped<RegistrationCaseService>();
        services.AddScoped<StageTargetService>();
        services.AddScoped<IWorkItemSource, CaseWorkItemSource>();
        services.AddScoped<IOpenDueDates, CaseOpenDueDates>();
        services.AddScoped<IDataBackfill, CaseStageDurationBackfill>();
        services.AddScoped<SupervisionService>();
        services.AddScoped<SupervisionFlagJob>();
        services.AddScoped<CaseDueDateRefreshJob>();
        services.AddDemoSeeder<CooperativeDemoSeeder>();
        return services;
    }
}
