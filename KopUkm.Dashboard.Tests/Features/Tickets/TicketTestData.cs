using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.ServiceCatalog;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Tests.TestInfrastructure;

namespace KopUkm.Dashboard.Tests.Features.Tickets;

/// <summary>Shared arrangements for ticket tests: the UMK division and a valid walk-in NIB request.</summary>
internal static class TicketTestData
{
    public static async Task<int> UmkAsync(TestServices app) =>
        (await app.Get<OrganizationService>().ListDivisionsAsync()).Single(d => d.Code == "UMK").Id;

    /// <summary>Records an NIB request as the current (fake) user and returns its id; fails the test if refused.</summary>
    public static async Task<int> CreateNibRequestAsync(
        TestServices app, string applicant, string business = "", WorkPriority priority = WorkPriority.Normal)
    {
        var service = (await app.Get<ServiceCatalogService>().ListAsync()).Single(s => s.Code == "NIB-OSS").Id;
        var (result, id) = await app.Get<TicketIntake>().CreateAsync(new TicketIntakeForm
        {
            ApplicantName = applicant,
            BusinessName = business,
            Phone = "0812 7788 9900",
            ServiceTypeId = service,
            Priority = priority,
            Description = "Konsultasi NIB.",
        });
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.MessageKey)));
        return id!.Value;
    }
}
