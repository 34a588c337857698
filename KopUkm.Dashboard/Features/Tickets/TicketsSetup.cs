using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Calendar;
using KopUkm.Dashboard.Features.Tickets.Portal;

namespace KopUkm.Dashboard.Features.Tickets;

public static class TicketsSetup
{
    /// <summary>SME service tickets: intake, routing, assignment, handoffs, the SLA engine and its job, and demo data.</summary>
    public static IServiceCollection AddTickets(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<TicketOptions>("Tickets");
        services.AddScoped<TicketSlaProjector>();
        services.AddScoped<TicketActionRecorder>();
        services.AddScoped<TicketIntake>();
        services.AddScoped<TicketQueues>();
        services.AddScoped<TicketDetails>();
        services.AddScoped<TicketAssignment>();
        services.AddScoped<TicketPickup>();
        services.AddScoped<TicketHandoffs>();
        services.AddScoped<TicketMoves>();
        services.AddScoped<TicketSlaMonitor>();
        services.AddScoped<TicketSettingsService>();
        services.AddScoped<IWorkItemSource, TicketWorkItemSource>();
        services.AddScoped<IOpenDueDates, TicketOpenDueDates>();
        services.AddScoped<IDataBackfill, TicketWorkingDurationBackfill>();
        services.AddScoped<TicketSlaRefreshJob>();
        services.AddAttachmentStore(configuration);
        services.AddScoped<Portal.TicketTrackingLinks>();
        services.AddScoped<Portal.TicketApplicantEmails>();
        services.AddScoped<Portal.TicketPortal>();
        services.AddDemoSeeder<TicketDemoSeeder>();
        return services;
    }
}
