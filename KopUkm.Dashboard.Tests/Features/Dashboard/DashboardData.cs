using KopUkm.Dashboard.Features.Content;
using KopUkm.Dashboard.Features.Cooperatives;
using KopUkm.Dashboard.Features.Cooperatives.Cases;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.ServiceCatalog;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Tests.Features.Dashboard;

/// <summary>
/// A small hand-built office for the dashboard tests: every count below is worked out by hand in the comments.
/// UMK: four open tickets (one at risk, one breached, one unassigned and breached-free, one waiting on the applicant),
/// one resolved; PLUT: one open breached ticket. KLM runs registrations: two cooperatives with open cases (one past its
/// stage target), one closed case. Content in UMK: one overdue, one due soon, one broken, one fresh.
/// </summary>
internal sealed class DashboardData
{
    public int Umk { get; private set; }

    public int Plut { get; private set; }

    public int Klm { get; private set; }

    public int BreachedUmkTicket { get; private set; }

    public int OverdueCase { get; private set; }

    public long BrokenPage { get; private set; }

    public long OverduePage { get; private set; }

    public int SoonTicket { get; private set; }

    public static async Task<DashboardData> SeedAsync(TestServices app)
    {
        var data = new DashboardData();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await using var db = await app.DbAsync();
        var divisions = await db.Set<Division>().ToDictionaryAsync(d => d.Code, d => d.Id);
        (data.Umk, data.Plut, data.Klm) = (divisions["UMK"], divisions["PLUT"], divisions["KLM"]);
        var service = await db.Set<ServiceType>().Where(s => s.OwnerDivisionId == data.Umk).Select(s => s.Id).FirstAsync();
        var region = await db.Set<Region>().Select(r => r.Id).FirstAsync();

        Ticket NewTicket(int division, TicketStatus status, string? assignee, SlaStatus sla, DateTime? due, DateTime created) => new()
        {
            ApplicantName = "Pemohon " + Guid.NewGuid().ToString("N")[..6],
            Description = "Permohonan",
            ServiceTypeId = service,
            DivisionId = division,
            Status = status,
            AssignedUserId = assignee,
            AssignedUserName = assignee,
            ResolutionSla = sla,
            ResolutionDueAtUtc = due,
            CreatedAtUtc = created,
            Code = "UMKM-2026-" + Random.Shared.Next(100000, 999999),
        };

        var onTrack = NewTicket(data.Umk, TicketStatus.Diproses, "officer", SlaStatus.OnTrack, now.AddDays(5), now.AddDays(-1));
        var atRisk = NewTicket(data.Umk, TicketStatus.Diproses, "officer", SlaStatus.AtRisk, now.AddHours(3), now.AddDays(-4));
        var breached = NewTicket(data.Umk, TicketStatus.Diproses, "officer", SlaStatus.Breached, now.AddDays(-2), now.AddDays(-10));
        var unassigned = NewTicket(data.Umk, TicketStatus.Baru, null, SlaStatus.OnTrack, now.AddDays(6), now.AddHours(-2));
        var waiting = NewTicket(data.Umk, TicketStatus.MenungguPemohon, "officer", SlaStatus.Paused, now.AddDays(-20), now.AddDays(-40));
        var resolved = NewTicket(data.Umk, TicketStatus.Selesai, "officer", SlaStatus.OnTrack, null, now.AddDays(-12));
        resolved.ResolvedAtUtc = now.AddDays(-3);
        var plut = NewTicket(data.Plut, TicketStatus.Diproses, "officer", SlaStatus.Breached, now.AddDays(-1), now.AddDays(-9));
        db.AddRange(onTrack, atRisk, breached, unassigned, waiting, resolved, plut);

        var coopA = new Cooperative { Name = "Koperasi A", RegionId = region };
        var coopB = new Cooperative { Name = "Koperasi B", RegionId = region };
        var coopC = new Cooperative { Name = "Koperasi C", RegionId = region };
        db.AddRange(coopA, coopB, coopC);
        await db.SaveChangesAsync();
        (data.BreachedUmkTicket, data.SoonTicket) = (breached.Id, atRisk.Id);

        var late = new RegistrationCase { CooperativeId = coopA.Id, Stage = CaseStage.VerifikasiDokumen, SubmittedAtUtc = now.AddDays(-20), StageEnteredAtUtc = now.AddDays(-10), StageDueAtUtc = now.AddDays(-3) };
        var fine = new RegistrationCase { CooperativeId = coopB.Id, Stage = CaseStage.Diajukan, SubmittedAtUtc = now.AddDays(-1), StageEnteredAtUtc = now.AddDays(-1), StageDueAtUtc = now.AddDays(4) };
        var closed = new RegistrationCase { CooperativeId = coopC.Id, Stage = CaseStage.Disetujui, SubmittedAtUtc = now.AddDays(-60), StageEnteredAtUtc = now.AddDays(-30), ClosedAtUtc = now.AddDays(-30) };
        db.AddRange(late, fine, closed);

        ContentItem Page(string slug, int reviewedDaysAgo, LiveStatus live = LiveStatus.Ok)
        {
            var item = new ContentItem
            {
                Title = "Halaman " + slug, Url = "https://dinaskopukm.jambiprov.go.id/" + slug, OwnerDivisionId = data.Umk,
                Kind = ContentKind.WebsitePage, Channel = ContentChannel.Website, Category = InformationCategory.SetiapSaat,
                State = ContentState.Terbit, CreatedAtUtc = now.AddDays(-400), StateChangedAtUtc = now.AddDays(-400), PublishedAtUtc = now.AddDays(-400),
                LastReviewedAtUtc = now.AddDays(-reviewedDaysAgo), LiveStatus = live,
            };
            ContentFreshnessRules.Refresh(item, now);
            return item;
        }

        // IT tasks requested by UMK: one overdue, one due today (not overdue: the due day still counts), one done late.
        var today = DateOnly.FromDateTime(KopUkm.Dashboard.Localization.WibTime.ToWib(now));
        KopUkm.Dashboard.Features.Assignments.ItTask Task(string code, DateOnly due, KopUkm.Dashboard.Features.Assignments.ItTaskStatus status) => new()
        {
            Code = code, Title = "Tugas " + code, RequestingDivisionId = data.Umk, DueDate = due, Status = status, EstimateHours = 2, CreatedAtUtc = now.AddDays(-10),
        };
        db.AddRange(
            Task("TI-2026-00001", today.AddDays(-1), KopUkm.Dashboard.Features.Assignments.ItTaskStatus.Dikerjakan),
            Task("TI-2026-00002", today, KopUkm.Dashboard.Features.Assignments.ItTaskStatus.Baru),
            Task("TI-2026-00003", today.AddDays(-5), KopUkm.Dashboard.Features.Assignments.ItTaskStatus.Selesai));

        var overduePage = Page("terlambat", 120);
        var brokenPage = Page("rusak", 10, LiveStatus.Broken);
        db.AddRange(overduePage, Page("segera", 80), brokenPage, Page("segar", 5));
        await db.SaveChangesAsync();
        (data.OverdueCase, data.BrokenPage, data.OverduePage) = (late.Id, brokenPage.Id, overduePage.Id);
        return data;
    }
}
