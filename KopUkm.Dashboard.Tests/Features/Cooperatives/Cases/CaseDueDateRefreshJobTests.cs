using KopUkm.Dashboard.Features.Calendar;
using KopUkm.Dashboard.Features.Cooperatives;
using KopUkm.Dashboard.Features.Cooperatives.Cases;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KopUkm.Dashboard.Tests.Features.Cooperatives.Cases;

public sealed class CaseDueDateRefreshJobTests : IAsyncLifetime
{
    private TestServices app = default!;

    public async Task InitializeAsync()
    {
        app = await TestServices.CreateAsync();
        app.ActAs(AppRoles.Petugas, divisionCode: "KLM");
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task A_holiday_added_after_a_case_opened_moves_its_due_time_when_the_job_runs()
    {
        var caseId = await OpenCaseAsync();
        var before = await DueAsync(caseId);
        await using (var db = await app.DbAsync())
        {
            db.Add(new Holiday { Date = new DateOnly(2026, 11, 24), Kind = HolidayKind.CutiBersama, Name = "Libur uji" });
            await db.SaveChangesAsync();
        }

        app.Services.GetRequiredService<WorkingCalendarProvider>().Invalidate();
        var job = app.Job<CaseDueDateRefreshJob>();

        await job.RunAsync(CancellationToken.None);

        Assert.Equal(before.AddDays(1), await DueAsync(caseId));
    }

    private async Task<int> OpenCaseAsync()
    {
        int cooperativeId;
        await using (var db = await app.DbAsync())
        {
            var cooperative = new Cooperative { Name = "Koperasi Uji", NormalizedName = "UJI", RegionId = 1, MemberCount = 20 };
            db.Add(cooperative);
            await db.SaveChangesAsync();
            cooperativeId = cooperative.Id;
        }

        var (result, caseId) = await app.Get<RegistrationCaseService>().OpenAsync(cooperativeId, CaseKind.PendaftaranBaru);
        Assert.True(result.Succeeded);
        return caseId!.Value;
    }

    private async Task<DateTime> DueAsync(int caseId)
    {
        await using var db = await app.DbAsync();
        return (await db.Set<RegistrationCase>().SingleAsync(c => c.Id == caseId)).StageDueAtUtc!.Value;
    }
}
