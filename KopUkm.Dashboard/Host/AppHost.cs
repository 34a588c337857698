using KopUkm.Dashboard.Components;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features;
using KopUkm.Dashboard.Features.Account;
using KopUkm.Dashboard.Features.Content.Import;
using KopUkm.Dashboard.Features.Cooperatives;
using KopUkm.Dashboard.Features.Health;
using KopUkm.Dashboard.Features.Metrics;
using KopUkm.Dashboard.Features.Open311;
using KopUkm.Dashboard.Features.PublicPortal.Requests;
using KopUkm.Dashboard.Features.Surveys;
using KopUkm.Dashboard.Features.Tickets.Portal;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Jobs;
using KopUkm.Dashboard.Localization;
using MudBlazor.Services;

namespace KopUkm.Dashboard.Host;

/// <summary>Composition of the app: the services it registers and the pipeline it serves. Program.cs only chooses web or command.</summary>
public static class AppHost
{
    /// <param name="configure">Runs before the app registers its services (settings, environment).</param>
    /// <param name="overrideServices">Runs after, to replace a registration (benchmarks acting as a fixed user).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null, Action<IServiceCollection>? overrideServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, EnvironmentName = LaunchProfileEnvironment(args) });
        if (!builder.Environment.IsDevelopment())
        {
            // Serves MudBlazor's and the framework's static files when run unpublished outside Development.
            builder.WebHost.UseStaticWebAssets();
        }

        configure?.Invoke(builder);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddAppLocalization();
        builder.Services.AddAppDatabase(builder.Configuration);
        builder.Services.AddAppIdentity(builder.Configuration);
        builder.Services.AddAppAuthorization();
        builder.Services.AddAppJobs(builder.Configuration);
        builder.Services.AddAppHealthChecks();
        builder.Services.AddWebSecurity(builder.Configuration);
        builder.Services.AddFeatureServices(builder.Configuration);
        overrideServices?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>
    /// The launch profile's environment (Development for <c>dotnet run</c> from the repository), only when nothing
    /// explicit names one: <c>ASPNETCORE_ENVIRONMENT</c>, <c>DOTNET_ENVIRONMENT</c> or <c>--environment</c> always win,
    /// so <c>ASPNETCORE_ENVIRONMENT=Production dotnet run</c> runs as Production. A launch profile's own
    /// ASPNETCORE_ENVIRONMENT would override the operator's, which is why the profile sets this variable instead.
    /// </summary>
    private static string? LaunchProfileEnvironment(string[] args)
    {
        var named = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is { Length: > 0 }
            || Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is { Length: > 0 }
            || args.Any(a => a.StartsWith("--environment", StringComparison.OrdinalIgnoreCase) || a.StartsWith("/environment", StringComparison.OrdinalIgnoreCase));
        return named ? null : Environment.GetEnvironmentVariable("KOPUKM_LAUNCH_ENVIRONMENT") is { Length: > 0 } launch ? launch : null;
    }

    public static void UsePipeline(WebApplication app)
    {
        app.UseWebSecurity();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRequestLocalization();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapAppHealthChecks();
        app.MapCultureEndpoint();
        app.MapAccountEndpoints();
        app.MapJobsDashboard();
        app.MapCooperativeFiles();
        app.MapMetricsFiles();
        app.MapIkmFiles();
        app.MapContentImportFiles();
        app.MapTicketAttachmentFiles();
        app.MapPublicRequestEndpoints();
        app.MapOpen311Endpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
