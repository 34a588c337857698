using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Tickets;

using KopUkm.Dashboard.Tests.TestInfrastructure;

namespace KopUkm.Dashboard.Tests.Features.Tickets;

public abstract class TicketIntakeTests : TicketScenario
{
    public sealed class OnSqlite : TicketIntakeTests;

    public sealed class OnPostgreSql : TicketIntakeTests
    {
        protected override TestProvider Provider => TestProvider.PostgreSql;
    }

    [Fact]
    public async Task A_new_ticket_gets_a_readable_code_and_goes_to_the_services_owner_division()
    {
        var view = await CreateAsync();

        Assert.Matches(@"^UMKM-2026-\d{6}$", view.Ticket.Code);
        Assert.Equal(Umk, view.Ticket.DivisionId);
        Assert.Equal(TicketStatus.Baru, view.Ticket.Status);
        Assert.Equal(TicketEventKind.Created, Assert.Single(view.History).Kind);
        Assert.Equal(SlaStatus.OnTrack, view.Ticket.ResolutionSla);
        Assert.NotNull(view.Ticket.FirstResponseDueAtUtc);
    }

    [Theory]
    [InlineData("", "0812 1111 2222", "ApplicantName", "Validation.Required")]
    [InlineData("Ani", "123", "Phone", "Validation.Phone")]
    [InlineData("Ani", "", "Phone", "Tickets.ContactRequired")]
    public async Task Bad_intake_is_refused_field_by_field_and_nothing_is_saved(string applicant, string phone, string field, string key)
    {
        var form = Form(applicant);
        form.Phone = phone;

        var (result, _) = await Intake.CreateAsync(form);

        Assert.Contains(result.Errors, e => e.Field == field && e.MessageKey == key);
        Assert.Equal(0, (await Queues.ListAsync(new PageRequest(0, 25), new TicketFilter(TicketQueueKind.All))).TotalCount);
    }

    [Fact]
    public async Task A_nib_must_be_13_digits_and_lapor_tickets_need_their_tracking_number()
    {
        var form = Form();
        form.Nib = "12345";
        form.Channel = TicketChannel.Lapor;

        var (result, _) = await Intake.CreateAsync(form);

        Assert.Contains(result.Errors, e => e.Field == "Nib" && e.MessageKey == "Cooperatives.NibFormat");
        Assert.Contains(result.Errors, e => e.Field == "LaporTrackingNumber");
    }
}
