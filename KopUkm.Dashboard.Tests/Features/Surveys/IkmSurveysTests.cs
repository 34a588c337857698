using KopUkm.Dashboard.Features.Email;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.Surveys;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Tests.Features.Tickets.Portal;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Tests.Features.Surveys;

/// <summary>The survey of a request on both databases: invitation on resolution, one answer, 30 days, the walk-in slip, results.</summary>
public abstract class IkmSurveysTests : PortalScenario
{
    public sealed class OnSqlite : IkmSurveysTests;

    public sealed class OnPostgreSql : IkmSurveysTests
    {
        protected override TestProvider Provider => TestProvider.PostgreSql;
    }

    private IkmSurveys Surveys => App.Get<IkmSurveys>();

    private IkmSurveyLinks Links => App.Get<IkmSurveyLinks>();

    private static IkmAnswerForm Answer(int score = 4) => new() { U1 = score, U2 = score, U3 = score, U4 = score, U5 = score, U6 = score, U7 = score, U8 = score, U9 = score };

    private async Task<int> ResolvedTicketAsync(string email = "siti@contoh.id")
    {
        var view = await CreateAsync(Form() is var f && email.Length > 0 ? new TicketIntakeForm
        {
            ApplicantName = f.ApplicantName, BusinessName = f.BusinessName, Phone = f.Phone, Email = email, ServiceTypeId = f.ServiceTypeId,
            Channel = f.Channel, Priority = f.Priority, Description = f.Description,
        } : Form());
        var id = view.Ticket.Id;
        ActAsHead();
        Assert.True((await Assignment.AssignAsync(id, view.Ticket.Version, OfficerA, null)).Succeeded);
        ActAsOfficer(OfficerA);
        Assert.True((await Moves.ReplyAsync(id, (await Details.GetAsync(id))!.Ticket.Version, "Kami proses.")).Succeeded);
        var resolved = await Moves.MoveAsync(id, (await Details.GetAsync(id))!.Ticket.Version, TicketStatus.Selesai, "NIB sudah terbit.");
        Assert.True(resolved.Succeeded, string.Join(", ", resolved.Errors.Select(e => e.MessageKey)));
        return id;
    }

    [Fact]
    public async Task Resolving_a_ticket_creates_one_survey_and_one_invitation_with_a_signed_link_even_after_a_reopening()
    {
        var id = await ResolvedTicketAsync();

        var invite = Assert.Single(await OutboxAsync(), e => e.Purpose == "ikm-invite");
        Assert.Equal($"ikm:{id}:invite", invite.Key);
        Assert.Contains("http://localhost:5000/survei?t=", invite.TextBody);
        Assert.Contains("sekali", invite.TextBody);
        Assert.True((await Moves.MoveAsync(id, (await Details.GetAsync(id))!.Ticket.Version, TicketStatus.DibukaKembali, "Masih ada yang kurang.")).Succeeded);
        Assert.True((await Moves.MoveAsync(id, (await Details.GetAsync(id))!.Ticket.Version, TicketStatus.Selesai, "Sudah lengkap.")).Succeeded);

        await using var db = await App.DbAsync();
        Assert.Equal(1, await db.Set<IkmSurvey>().CountAsync(s => s.TicketId == id));
        Assert.Single(await OutboxAsync(), e => e.Purpose == "ikm-invite");
        Assert.Equal(IkmSurveyState.Open, (await Surveys.OpenAsync(Links.TokenFor(id))).State);
    }

    [Fact]
    public async Task A_survey_is_answered_once_and_the_second_answer_is_refused()
    {
        var id = await ResolvedTicketAsync();
        var token = Links.TokenFor(id);

        Assert.True((await Surveys.SubmitAsync(token, Answer(3))).Succeeded);
        var again = await Surveys.SubmitAsync(token, Answer(1));

        Assert.Equal("Ikm.Error.AlreadyAnswered", Assert.Single(again.Errors).MessageKey);
        Assert.Equal(IkmSurveyState.Answered, (await Surveys.OpenAsync(token)).State);
        await using var db = await App.DbAsync();
        Assert.Equal(3, (await db.Set<IkmSurvey>().SingleAsync(s => s.TicketId == id)).Score9);
    }

    [Fact]
    public async Task The_link_is_open_for_30_days_and_refused_after()
    {
        var id = await ResolvedTicketAsync();
        var token = Links.TokenFor(id);

        App.Clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromMinutes(1));
        Assert.Equal(IkmSurveyState.Open, (await Surveys.OpenAsync(token)).State);
        App.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(IkmSurveyState.Expired, (await Surveys.OpenAsync(token)).State);
        Assert.Equal("Ikm.Error.Expired", Assert.Single((await Surveys.SubmitAsync(token, Answer())).Errors).MessageKey);
    }

    [Fact]
    public async Task A_forged_link_and_unanswered_elements_are_refused_with_a_message_per_element()
    {
        var id = await ResolvedTicketAsync();

        Assert.Equal(IkmSurveyState.NotFound, (await Surveys.OpenAsync("bukan-token")).State);
        Assert.Equal("Ikm.Error.LinkInvalid", Assert.Single((await Surveys.SubmitAsync("bukan-token", Answer())).Errors).MessageKey);
        var partial = Answer();
        partial.U3 = null;
        partial.U7 = 5;
        var refused = await Surveys.SubmitAsync(Links.TokenFor(id), partial);

        Assert.Equal(["U3", "U7"], refused.Errors.Select(e => e.Field));
        Assert.Equal(IkmSurveyState.Open, (await Surveys.OpenAsync(Links.TokenFor(id))).State);
    }

    [Fact]
    public async Task The_walk_in_slip_is_for_resolved_tickets_the_officer_may_see_and_carries_a_qr_code()
    {
        var open = await CreateAsync();
        Assert.Null(await Surveys.WalkInLinkAsync(open.Ticket.Id));
        var id = await ResolvedTicketAsync(email: "");

        var slip = await Surveys.WalkInLinkAsync(id);

        Assert.NotNull(slip);
        Assert.StartsWith("http://localhost:5000/survei?t=", slip.Link);
        Assert.Contains("<svg", slip.QrSvg);
        Assert.Equal(IkmSurveyState.Open, (await Surveys.OpenAsync(Links.Read(new Uri(slip.Link).Query[3..]) is { } t ? Links.TokenFor(t) : null)).State);
        App.ActAs(AppRoles.Petugas, Plut, "plut-officer", divisionCode: "PLUT");
        Assert.Null(await Surveys.WalkInLinkAsync(id));
    }

    [Fact]
    public async Task An_answer_moves_the_leadership_figure_for_its_division()
    {
        var id = await ResolvedTicketAsync();
        var period = IkmPeriod.Containing(IkmPeriodKind.Month, new DateOnly(2026, 11, 23));
        App.ActAs(AppRoles.Pimpinan, 1, "pimpinan");
        var before = await App.Get<IkmResults>().ReportAsync(period);

        Assert.True((await Surveys.SubmitAsync(Links.TokenFor(id), Answer(3))).Succeeded);
        var after = await App.Get<IkmResults>().ReportAsync(period);

        Assert.Null(before.Office.Result.Ikm);
        Assert.Equal(75m, after.Office.Result.Ikm);
        Assert.Equal(IkmBand.C, after.Office.Result.Band);
        var umk = Assert.Single(after.Divisions, d => d.Code == "UMK");
        Assert.Equal(1, umk.Result.Respondents);
        Assert.Equal(1, umk.Population);
        Assert.True(umk.SampleEnough);
        // The Metrik table's IKM column over the same stretch: the division and the office.
        var column = await App.Get<IkmResults>().ByDivisionAsync(period.StartUtc, period.EndUtc);
        Assert.Equal(75m, column["UMK"].Ikm);
        Assert.Equal(1, column["UMK"].Respondents);
        Assert.Equal(75m, column[""].Ikm);
        Assert.False(column.ContainsKey("KLM"));
        App.ActAs(AppRoles.Petugas, Umk, "clerk");
        await Assert.ThrowsAsync<AccessDeniedException>(() => App.Get<IkmResults>().ReportAsync(period));
        await Assert.ThrowsAsync<AccessDeniedException>(() => App.Get<IkmResults>().ByDivisionAsync(period.StartUtc, period.EndUtc));
    }
}
