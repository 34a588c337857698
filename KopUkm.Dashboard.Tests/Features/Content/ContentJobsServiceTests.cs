using Hangfire;
using KopUkm.Dashboard.Features.Content;
using KopUkm.Dashboard.Features.Content.LiveCheck;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Host;
using KopUkm.Dashboard.Jobs;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.Extensions.Configuration;

namespace KopUkm.Dashboard.Tests.Features.Content;

/// <summary>Administrators see the content jobs' schedules and run them on demand, on a real (in-memory) Hangfire storage.</summary>
public sealed class ContentJobsServiceTests : IAsyncLifetime, IDisposable
{
    private TestServices app = default!;
    private Hangfire.InMemory.InMemoryStorage storage = default!;
    private ContentJobsService jobs = default!;

    public async Task InitializeAsync()
    {
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(ProcessWideHangfireLog.Instance);
        app = await TestServices.CreateAsync();
        storage = new Hangfire.InMemory.InMemoryStorage();
        var manager = new RecurringJobManager(storage);
        RecurringJobs.Register(manager, new ConfigurationBuilder().Build());
        jobs = new ContentJobsService(app.Get<AccessGuard>(), storage, manager, app.Get<ContentLiveCheckService>(), app.Get<LiveCheckProgress>());
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    public void Dispose() => storage?.Dispose();

    [Fact]
    public async Task An_administrator_sees_the_schedules_and_runs_a_job_now()
    {
        app.ActAs(AppRoles.Administrator, null, "admin");

        var list = await jobs.ListAsync();

        Assert.Equal(ContentJobsService.JobIds, list.Select(j => j.Id));
        Assert.Equal(("30 2 * * *", "0 7 * * *"), (list[0].Cron, list[1].Cron));
        // Without a configured site the live check is not scheduled and cannot be run.
        Assert.False(list[2].Scheduled);
        Assert.False(await jobs.TriggerAsync(RecurringJobs.ContentLiveCheck));
        Assert.False(await jobs.TriggerAsync("backup-nightly"));

        Assert.True(await jobs.TriggerAsync(RecurringJobs.ContentReviewAge));
        Assert.Equal(1, storage.GetMonitoringApi().EnqueuedCount("default"));
    }

    [Theory]
    [InlineData(AppRoles.StafTI)]
    [InlineData(AppRoles.KepalaBidang)]
    [InlineData(AppRoles.Pimpinan)]
    public async Task Nobody_else_runs_them(string role)
    {
        app.ActAs(role, 1, "someone");
        await Assert.ThrowsAsync<AccessDeniedException>(() => jobs.ListAsync());
        await Assert.ThrowsAsync<AccessDeniedException>(() => jobs.TriggerAsync(RecurringJobs.ContentReviewAge));
    }
}
