using KopUkm.Dashboard.Features.Metrics;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.ServiceCatalog;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Localization;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Tests.Features.Metrics;

/// <summary>
/// Hand-built rows for the metrics tests, written straight into the tables the metrics read, with every instant given
/// in WIB so the period arithmetic reads as the office would say it.
/// </summary>
internal sealed class MetricsTestData(TestServices app)
{
    private int next;

    public static MetricPeriod November { get; } = new(MetricPeriodKind.Month, new DateOnly(2026, 11, 1));

    public static MetricPeriod October { get; } = new(MetricPeriodKind.Month, new DateOnly(2026, 10, 1));

    public int Klm { get; private set; }

    public int Umk { get; private set; }

    public int ServiceWithTarget { get; private set; }

    public int ServiceWithoutTarget { get; private set; }

    /// <summary>A WIB wall-clock time in 2026 as the UTC instant that is stored.</summary>
    public static DateTime Wib(int month, int day, int hour = 9, int minute = 0) =>
        WibTime.ToUtc(new DateTime(2026, month, day, hour, minute, 0));

    public static async Task<MetricsTestData> CreateAsync(TestServices app)
    {
        var data = new MetricsTestData(app);
        var divisions = await app.Get<OrganizationService>().ListDivisionsAsync();
        data.Klm = divisions.Single(d => d.Code == "KLM").Id;
        data.Umk = divisions.Single(d => d.Code == "UMK").Id;
        await using var db = await app.DbAsync();
        data.ServiceWithTarget = await db.Set<ServiceType>().Where(s => s.ResolutionWorkingDays > 0).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        var consultation = new ServiceType
        {
            Code = "KONSULTASI-BEBAS",
            NameId = "Konsultasi tanpa target",
            OwnerDivisionId = data.Umk,
            FirstResponseWorkingDays = 0,
            ResolutionWorkingDays = 0,
        };
        db.Add(consultation);
        await db.SaveChangesAsync();
        data.ServiceWithoutTarget = consultation.Id;
        app.ActAs(AppRoles.Pimpinan, divisions.Single(d => d.Code == "SEK").Id, "pimpinan");
        return data;
    }

    /// <summary>A ticket with its stored SLA columns as the projector would have left them.</summary>
    public async Task<Ticket> TicketAsync(
        int division,
        DateTime created,
        DateTime? resolved = null,
        SlaStatus resolution = SlaStatus.Met,
        int? resolutionMinutes = null,
        DateTime? firstResponded = null,
        int? firstResponseMinutes = null,
        int? service = null,
        int reopenCount = 0)
    {
        var ticket = new Ticket
        {
            Code = $"UJI-{++next:D4}",
            ApplicantName = $"Pemohon {next}",
            Description = "Data uji metrik",
            ServiceTypeId = service ?? ServiceWithTarget,
            DivisionId = division,
            CreatedAtUtc = created,
            ResolvedAtUtc = resolved,
            Status = resolved is null ? TicketStatus.Diproses : TicketStatus.Selesai,
            ResolutionSla = resolved is null && resolution == SlaStatus.Met ? SlaStatus.OnTrack : resolution,
            ResolutionWorkingMinutes = resolutionMinutes,
            FirstRespondedAtUtc = firstResponded,
            FirstResponseWorkingMinutes = firstResponseMinutes,
            ReopenCount = reopenCount,
        };
        await using var db = await app.DbAsync();
        db.Add(ticket);
        await db.SaveChangesAsync();
        return ticket;
    }

    public async Task EventsAsync(Ticket ticket, params (TicketEventKind Kind, DateTime At)[] events)
    {
        await using var db = await app.DbAsync();
        db.AddRange(events.Select(e => new TicketEvent { TicketId = ticket.Id, Kind = e.Kind, AtUtc = e.At, ByName = "Penguji" }));
        await db.SaveChangesAsync();
    }

    public async Task HandoffAsync(Ticket ticket, int from, int to, DateTime at, DateTime? accepted = null, int? acceptanceMinutes = null)
    {
        await using var db = await app.DbAsync();
        db.Add(new TicketHandoff
        {
            TicketId = ticket.Id,
            FromDivisionId = from,
            ToDivisionId = to,
            Reason = "Uji",
            ByName = "Penguji",
            HandedOffAtUtc = at,
            AcceptanceDueAtUtc = at.AddDays(1),
            AcceptedAtUtc = accepted,
            AcceptanceWorkingMinutes = acceptanceMinutes,
        });
        await db.SaveChangesAsync();
    }

    public Task<CoordinationMetricsReport> ReportAsync(MetricPeriod period) => app.Get<CoordinationMetricsService>().GetAsync(period);
}

internal static class MetricsReportExtensions
{
    public static MetricsRow Row(this CoordinationMetricsReport report, int divisionId) => report.Divisions.Single(r => r.DivisionId == divisionId);

    public static double? Now(this MetricsRow row, CoordinationMetric metric) => row[metric].Current.Value;

    public static double? Before(this MetricsRow row, CoordinationMetric metric) => row[metric].Previous?.Value;
}
