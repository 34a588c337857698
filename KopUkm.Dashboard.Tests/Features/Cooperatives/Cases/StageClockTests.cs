using KopUkm.Dashboard.Features.Calendar;
using KopUkm.Dashboard.Features.Cooperatives.Cases;

namespace KopUkm.Dashboard.Tests.Features.Cooperatives.Cases;

public sealed class StageClockTests
{
    /// <summary>The office default week (37.5 h) with the Idul Fitri 2026 block as holidays.</summary>
    private static readonly WorkingCalendar Calendar = new(
        Enum.GetValues<DayOfWeek>().Select(d => new WorkingDay
        {
            DayOfWeek = d,
            IsWorkingDay = d is not (DayOfWeek.Saturday or DayOfWeek.Sunday),
            StartTime = new TimeOnly(7, 30),
            EndTime = d == DayOfWeek.Friday ? new TimeOnly(16, 30) : new TimeOnly(16, 0),
            BreakStart = d == DayOfWeek.Friday ? new TimeOnly(11, 30) : new TimeOnly(12, 0),
            BreakEnd = new TimeOnly(13, 0),
        }),
        Enumerable.Range(18, 7).Select(day => new DateOnly(2026, 3, day)),
        []);

    private static DateTime Wib(int month, int day, int hour, int minute = 0) =>
        new DateTime(2026, month, day, hour, minute, 0, DateTimeKind.Utc).AddHours(-7);

    [Fact]
    public void Two_working_days_from_monday_morning_end_on_wednesday_morning()
    {
        // Monday 23 Nov 08:00 WIB + 15 working hours: Monday has 7 h left (to 16:00 less the break), Tuesday 7.5 h,
        // leaving 0.5 h on Wednesday: 08:00 WIB.
        var due = StageClock.DueAt([(CaseStage.Diajukan, Wib(11, 23, 8))], 2, Calendar);

        Assert.Equal(Wib(11, 25, 8), due);
    }

    [Fact]
    public void Returning_for_revision_pauses_and_time_already_spent_still_counts()
    {
        // The 5-day budget is 37.5 h. Verification ran Mon 23 Nov 08:00 → Tue 24 Nov 08:30: Monday 7 h (08:00–16:00
        // less the break) and Tuesday 1 h (from 07:30) = 8 h. After a week with the applicant it resumes Tue 1 Dec
        // 08:00 with 29.5 h left: Tue 7 h, Wed 7.5, Thu 7.5 (= 22), then Friday's 7.5 h run out at its 16:30 close.
        IReadOnlyList<(CaseStage, DateTime)> visits =
        [
            (CaseStage.VerifikasiDokumen, Wib(11, 23, 8)),
            (CaseStage.PerluPerbaikan, Wib(11, 24, 8, 30)),
            (CaseStage.VerifikasiDokumen, Wib(12, 1, 8)),
        ];

        Assert.Null(StageClock.DueAt(visits.Take(2).ToList(), 5, Calendar));
        Assert.Equal(Wib(12, 4, 16, 30), StageClock.DueAt(visits, 5, Calendar));
    }

    [Fact]
    public void The_idul_fitri_holiday_block_is_not_counted()
    {
        // Tuesday 17 Mar 2026 at 16:00 WIB, 1 working day: the office is closed 18–24 Mar (holidays and weekend),
        // so the 7.5 h run Wednesday 25 Mar 07:30 → 16:00 (with the break).
        var due = StageClock.DueAt([(CaseStage.VerifikasiDokumen, Wib(3, 17, 16))], 1, Calendar);

        Assert.Equal(Wib(3, 25, 16), due);
    }

    [Fact]
    public void Closed_stages_and_stages_without_a_target_have_no_due_time()
    {
        Assert.Null(StageClock.DueAt([(CaseStage.Disetujui, Wib(11, 23, 8))], 5, Calendar));
        Assert.Null(StageClock.DueAt([(CaseStage.VerifikasiLapangan, Wib(11, 23, 8))], null, Calendar));
    }

    [Fact]
    public void A_stage_whose_budget_is_spent_is_due_the_moment_it_is_entered_again()
    {
        IReadOnlyList<(CaseStage, DateTime)> visits =
        [
            (CaseStage.VerifikasiDokumen, Wib(11, 2, 8)),
            (CaseStage.PerluPerbaikan, Wib(11, 20, 8)),
            (CaseStage.VerifikasiDokumen, Wib(11, 23, 8)),
        ];

        Assert.Equal(Wib(11, 23, 8), StageClock.DueAt(visits, 5, Calendar));
    }
}
