using Bunit;
using Hangfire;
using KopUkm.Dashboard.Features.Content;
using KopUkm.Dashboard.Features.Content.LiveCheck;
using KopUkm.Dashboard.Features.Content.Pages.Jobs;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Host;
using KopUkm.Dashboard.Tests.Features.Content.Import;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KopUkm.Dashboard.Tests.Features.Content.Jobs;

/// <summary>
/// The content jobs panel (bunit, real services on a real SQLite file, an in-memory job store): the live check's
/// progress written by a run elsewhere (its own scope, as on another instance) shows on the open panel as it is written.
/// </summary>
public sealed class ContentJobsPanelTests : AppBunitContext, IAsyncLifetime
{
    private TestServices app = default!;
    private Hangfire.InMemory.InMemoryStorage storage = default!;
    private RecurringJobManager manager = default!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(ProcessWideHangfireLog.Instance);
        app = await TestServices.CreateAsync(new() { ["Content:LiveCheck:SiteUrl"] = "https://diskopukm.jambiprov.go.id" }, validateScopes: false);
        storage = new Hangfire.InMemory.InMemoryStorage();
        manager = new RecurringJobManager(storage);
        RecurringJobs.Register(manager, app.Services.GetRequiredService<IConfiguration>());
        UseApp(app);
        // The app's real services, and the panel's service over the in-memory job store (the test services have none;
        // bunit takes no new registrations once its context is built).
        Services.AddFallbackServiceProvider(new WithJobs(this, app.Services));
        var divisions = await app.DivisionIdsAsync();
        app.ActAs(AppRoles.Administrator, divisions["TI"], "admin");
        SignInAs(AppRoles.Administrator, divisions["TI"]);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await app.DisposeAsync();
        storage.Dispose();
    }

    [Fact]
    public async Task The_live_checks_progress_follows_a_run_written_elsewhere_without_a_reload()
    {
        var panel = Render<ContentJobsPanel>();
        panel.WaitForElement("[data-job=content-live-check]");
        Assert.Empty(panel.FindAll("[data-testid=live-check-progress]"));

        var run = app.Get<LiveCheckProgress>();
        await run.StartAsync(40);
        panel.WaitForAssertion(() => Assert.Contains("0 dari 40", panel.Find("[data-testid=content-jobs]").TextContent, StringComparison.Ordinal));
        Assert.Single(panel.FindAll("[data-testid=live-check-progress]"));

        // A second later (the page refreshes at most once a second, the run writes at most once a second).
        for (var i = 0; i < 10; i++)
        {
            await run.AdvanceAsync(1);
        }

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await run.AdvanceAsync(1);
        panel.WaitForAssertion(() => Assert.Contains("11 dari 40", panel.Find("[data-testid=content-jobs]").TextContent, StringComparison.Ordinal));

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await run.FinishAsync();
        panel.WaitForAssertion(() => Assert.Empty(panel.FindAll("[data-testid=live-check-progress]")));
        Assert.Contains("11 halaman", panel.Find("[data-testid=content-jobs]").TextContent, StringComparison.Ordinal);
    }

    private sealed class WithJobs(ContentJobsPanelTests test, IServiceProvider app) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(ContentJobsService)
            ? new ContentJobsService(test.app.Get<AccessGuard>(), test.storage, test.manager, test.app.Get<ContentLiveCheckService>(), test.app.Get<LiveCheckProgress>())
            : app.GetService(serviceType);
    }
}
