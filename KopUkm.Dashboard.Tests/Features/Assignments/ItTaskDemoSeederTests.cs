using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Features.Assignments;
using KopUkm.Dashboard.Features.Assignments.Demo;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Tests.Features.Assignments;

public sealed class ItTaskDemoSeederTests : IAsyncLifetime
{
    private TestServices app = default!;

    public async Task InitializeAsync()
    {
        app = await TestServices.CreateAsync();
        await app.Get<DemoDataSeeder>().SeedDemoUsersAsync();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task The_demo_fills_every_column_with_histories_that_lead_to_each_tasks_state_and_adds_the_it_team_once()
    {
        var first = await app.Get<ItTaskDemoSeeder>().SeedAsync();
        var second = await app.Get<ItTaskDemoSeeder>().SeedAsync();

        Assert.Equal((DemoItTaskGenerator.TaskCount, DemoItTeam.Staff.Count), (first.Tasks, first.StaffCreated));
        Assert.Equal((0, 0), (second.Tasks, second.StaffCreated));
        await using var db = await app.DbAsync();
        var tasks = await db.Set<ItTask>().AsNoTracking().ToListAsync();
        var events = (await db.Set<ItTaskEvent>().AsNoTracking().OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToListAsync()).ToLookup(e => e.TaskId);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var today = ItTaskRules.TodayWib(app.Clock);

        Assert.All(ItTaskWorkflow.Columns, status => Assert.Contains(tasks, t => t.Status == status));
        Assert.Contains(tasks, t => ItTaskRules.IsOverdue(t.DueDate, t.Status, today));
        Assert.Equal(tasks.Count, tasks.Select(t => t.Code).Distinct().Count());
        Assert.All(tasks, t =>
        {
            Assert.Matches(@"^TI-\d{4}-\d{5}$", t.Code);
            Assert.InRange(t.EstimateHours, ItTaskRules.MinEstimateHours, ItTaskRules.MaxEstimateHours);
            var log = events[t.Id].ToList();
            Assert.Equal(ItTaskEventKind.Created, log[0].Kind);
            Assert.All(log, e => Assert.True(e.AtUtc >= t.CreatedAtUtc && e.AtUtc < now));
            var lastMove = log.LastOrDefault(e => e.Kind == ItTaskEventKind.StatusChanged);
            Assert.Equal(t.Status.ToString(), lastMove?.ToValue ?? nameof(ItTaskStatus.Baru));
            Assert.Equal(t.AssigneeName, log.LastOrDefault(e => e.Kind == ItTaskEventKind.Assigned)?.ToValue);
            Assert.Equal(t.Status == ItTaskStatus.Selesai, t.CompletedAtUtc is not null);
            Assert.True(t.Status is ItTaskStatus.Baru or ItTaskStatus.Menunggu || t.AssigneeId is not null);
        });

        // The work is spread over the demo IT staff: staf.ti and the two added colleagues.
        app.ActAs(AppRoles.StafTI, null, "reader");
        var workload = await app.Get<ItTaskAssignment>().WorkloadAsync();
        Assert.Equal(3, workload.Count);
        Assert.True(workload.Count(l => l.OpenItems > 0) >= 2);
    }
}
