using Hangfire;
using Hangfire.Storage;
using KopUkm.Dashboard.Host;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.Extensions.Configuration;

namespace KopUkm.Dashboard.Tests.Host;

/// <summary><c>Jobs:Schedules:&lt;job id&gt;</c> replaces one recurring job's schedule and leaves the others as shipped.</summary>
public sealed class RecurringJobScheduleTests : IDisposable
{
    private readonly Hangfire.InMemory.InMemoryStorage storage = new();

    public RecurringJobScheduleTests() => Hangfire.Logging.LogProvider.SetCurrentLogProvider(ProcessWideHangfireLog.Instance);

    public void Dispose() => storage.Dispose();

    [Fact]
    public void A_configured_schedule_replaces_the_jobs_own()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"Jobs:Schedules:{RecurringJobs.SupervisionFlags}"] = "*/10 * * * *",
            [$"Jobs:Schedules:{RecurringJobs.TicketSla}"] = " * * * * * ",
            [$"Jobs:Schedules:{RecurringJobs.EmailOutbox}"] = "*/2 * * * *",
        }).Build();

        RecurringJobs.Register(new RecurringJobManager(storage), configuration);

        using var connection = storage.GetConnection();
        var schedules = connection.GetRecurringJobs().ToDictionary(j => j.Id, j => j.Cron);
        Assert.Equal("*/10 * * * *", schedules[RecurringJobs.SupervisionFlags]);
        Assert.Equal("* * * * *", schedules[RecurringJobs.TicketSla]);
        Assert.Equal("15 2 * * *", schedules[RecurringJobs.CaseDueDates]);
        // A job its feature switches off stays off whatever its schedule says (no SMTP server configured here).
        Assert.DoesNotContain(RecurringJobs.EmailOutbox, schedules.Keys);
    }
}
