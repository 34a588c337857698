using KopUkm.Dashboard.Cli;
using KopUkm.Dashboard.Components;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features;
using KopUkm.Dashboard.Features.Account;
using KopUkm.Dashboard.Features.Health;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Jobs;
using KopUkm.Dashboard.Localization;
using MudBlazor.Services;

var isCommand = OperatorCommands.IsCommand(args);
// Operator commands take their own arguments; the host reads its settings from appsettings and the environment.
var builder = WebApplication.CreateBuilder(isCommand ? [] : args);
if (!builder.Environment.IsDevelopment())
{
    // Serves MudBlazor's and the framework's static files when run unpublished outside Development.
    builder.WebHost.UseStaticWebAssets();
}

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddAppLocalization();
builder.Services.AddAppDatabase(builder.Configuration);
builder.Services.AddAppIdentity(builder.Configuration);
builder.Services.AddAppAuthorization();
builder.Services.AddAppJobs(builder.Configuration);
builder.Services.AddAppHealthChecks();
builder.Services.AddFeatureServices(builder.Configuration);

var app = builder.Build();

if (isCommand)
{
    return await OperatorCommands.RunAsync(app, args, Console.Out, Console.Error);
}

using var instanceLock = AppInstance.AcquireDataFolder(app);
await StartupTasks.PrepareAsync(app);

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseRequestLocalization();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapAppHealthChecks();
app.MapCultureEndpoint();
app.MapAccountEndpoints();
app.MapJobsDashboard();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();
return 0;
