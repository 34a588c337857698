using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Cooperatives.Cases;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.ServiceCatalog;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Tests.Features.Cooperatives;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KopUkm.Dashboard.Tests.Features.Metrics;

/// <summary>
/// The stored working durations the metrics rank: filled by the SLA projector and the ticket and case services as
/// work happens, and by the start-up backfill for rows written before the columns existed. The clock starts at
/// Monday 23 November 2026 09:00 WIB, inside office hours (07:30–12:00, 13:00–16:00).
/// </summary>
public abstract class WorkingDurationColumnsTests(TestProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : WorkingDurationColumnsTests(TestProvider.Sqlite);

    public sealed class OnPostgreSql() : WorkingDurationColumnsTests(TestProvider.PostgreSql);

    private TestServices app = default!;
    private int umk;
    private int plut;
    private int nibService;

    public async Task InitializeAsync()
    {
        app = await TestServices.CreateAsync(provider: provider);
        var divisions = await app.Get<OrganizationService>().ListDivisionsAsync();
        umk = divisions.Single(d => d.Code == "UMK").Id;
        plut = divisions.Single(d => d.Code == "PLUT").Id;
        nibService = (await app.Get<ServiceCatalogService>().ListAsync()).Single(s => s.Code == "NIB-OSS").Id;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task The_projector_stores_working_minutes_once_a_clock_stops_and_clears_resolution_on_reopening()
    {
        var officer = await app.CreateUserAsync("a@umk.test", "Ahmad", AppRoles.Petugas, umk);
        app.ActAs(AppRoles.KepalaBidang, umk, "head-umk", divisionCode: "UMK");
        var (_, id) = await app.Get<TicketIntake>().CreateAsync(new TicketIntakeForm
        {
            ApplicantName = "Siti Rahmah",
            Phone = "0812 7788 9900",
            ServiceTypeId = nibService,
            Channel = TicketChannel.DatangLangsung,
            Description = "Ingin membuat NIB.",
        });
        var ticket = await TicketAsync(id!.Value);
        Assert.Null(ticket.FirstResponseWorkingMinutes);
        Assert.Null(ticket.ResolutionWorkingMinutes);

        Assert.True((await app.Get<TicketAssignment>().AssignAsync(ticket.Id, ticket.Version, officer, null)).Succeeded);
        app.ActAs(AppRoles.Petugas, umk, officer, divisionCode: "UMK");
        // 09:00 → 09:40: the first reply after 40 working minutes.
        app.Clock.Advance(TimeSpan.FromMinutes(40));
        Assert.True((await app.Get<TicketMoves>().ReplyAsync(ticket.Id, (await TicketAsync(ticket.Id)).Version, "Kami bantu daftar OSS.")).Succeeded);
        ticket = await TicketAsync(ticket.Id);
        Assert.Equal(40, ticket.FirstResponseWorkingMinutes);
        Assert.Null(ticket.ResolutionWorkingMinutes);

        // 09:40 → 16:00 the same day, with the 12:00–13:00 break: 2 h 20 min + 3 h = 320 more, 360 working minutes in all.
        app.Clock.Advance(new TimeSpan(6, 20, 0));
        Assert.True((await app.Get<TicketMoves>().MoveAsync(ticket.Id, ticket.Version, TicketStatus.Selesai, "NIB terbit.")).Succeeded);
        ticket = await TicketAsync(ticket.Id);
        Assert.Equal(360, ticket.ResolutionWorkingMinutes);

        app.Clock.Advance(TimeSpan.FromHours(18));
        Assert.True((await app.Get<TicketMoves>().MoveAsync(ticket.Id, ticket.Version, TicketStatus.DibukaKembali, "Data NIB salah.")).Succeeded);
        ticket = await TicketAsync(ticket.Id);
        Assert.Null(ticket.ResolutionWorkingMinutes);
        Assert.Equal(40, ticket.FirstResponseWorkingMinutes);
    }

    [Fact]
    public async Task A_handoff_stores_the_working_minutes_until_the_receiving_division_first_acts()
    {
        app.ActAs(AppRoles.Petugas, umk, "clerk", divisionCode: "UMK");
        var (_, id) = await app.Get<TicketIntake>().CreateAsync(new TicketIntakeForm
        {
            ApplicantName = "Budi",
            Phone = "0812 7788 9901",
            ServiceTypeId = nibService,
            Channel = TicketChannel.Telepon,
            Description = "Pemasaran produk.",
        });
        Assert.True((await app.Get<TicketHandoffs>().HandOffAsync(id!.Value, (await TicketAsync(id.Value)).Version, plut, "Pendampingan pemasaran di PLUT")).Succeeded);

        // Monday 09:00 → Tuesday 08:00: Monday 09:00–16:00 less the break (6 h) + Tuesday 07:30–08:00 (30 min) = 390 minutes.
        app.Clock.Advance(TimeSpan.FromHours(23));
        app.ActAs(AppRoles.KepalaBidang, plut, "head-plut", divisionCode: "PLUT");
        Assert.True((await app.Get<TicketMoves>().NoteAsync(id.Value, (await TicketAsync(id.Value)).Version, "Diterima PLUT")).Succeeded);

        await using var db = await app.DbAsync();
        var handoff = await db.Set<TicketHandoff>().SingleAsync(h => h.TicketId == id.Value);
        Assert.Equal(390, handoff.AcceptanceWorkingMinutes);
    }

    [Fact]
    public async Task Moving_a_case_records_the_working_minutes_spent_in_the_stage_it_leaves()
    {
        await CooperativeTestData.ActAsKlmOfficerAsync(app);
        var cooperative = await CooperativeTestData.CreateAsync(app, CooperativeTestData.Form(await CooperativeTestData.RegionIdAsync(app)));
        var cases = app.Get<RegistrationCaseService>();
        var (_, caseId) = await cases.OpenAsync(cooperative, CaseKind.PendaftaranBaru);

        // Monday 09:00 → Tuesday 09:00: Monday's 6 h after 09:00 + Tuesday 07:30–09:00 (1.5 h) = 450 minutes, one working day.
        app.Clock.Advance(TimeSpan.FromDays(1));
        var view = (await cases.GetAsync(caseId!.Value))!;
        Assert.True((await cases.MoveAsync(view.Id, view.Version, CaseStage.VerifikasiDokumen, null)).Succeeded);

        await using var db = await app.DbAsync();
        var moved = await db.Set<CaseEvent>().SingleAsync(e => e.CaseId == caseId && e.Kind == CaseEventKind.StageChanged);
        Assert.Equal(450, moved.StageWorkingMinutes);
        Assert.Null((await db.Set<CaseEvent>().SingleAsync(e => e.CaseId == caseId && e.Kind == CaseEventKind.Submitted)).StageWorkingMinutes);
    }

    [Fact]
    public async Task The_backfill_fills_rows_written_before_the_columns_existed_and_a_rerun_changes_nothing()
    {
        // A resolved ticket and an accepted handoff as an older version left them: events, but no stored durations.
        var created = new DateTime(2026, 11, 16, 1, 0, 0, DateTimeKind.Utc);   // Monday 16 Nov 08:00 WIB
        long versionBefore;
        int ticketId;
        await using (var db = await app.DbAsync())
        {
            var ticket = new Ticket
            {
                Code = "LAMA-0001",
                ApplicantName = "Pemohon lama",
                Description = "Tiket dari versi sebelumnya",
                ServiceTypeId = nibService,
                DivisionId = umk,
                CreatedAtUtc = created,
                FirstRespondedAtUtc = created.AddHours(1),
                ResolvedAtUtc = created.AddHours(2),
                Status = TicketStatus.Selesai,
                ResolutionSla = SlaStatus.Met,
            };
            db.Add(ticket);
            await db.SaveChangesAsync();
            ticketId = ticket.Id;
            versionBefore = ticket.Version;
            db.AddRange(
                new TicketEvent { TicketId = ticket.Id, Kind = TicketEventKind.Created, AtUtc = created, ByName = "Lama" },
                new TicketEvent { TicketId = ticket.Id, Kind = TicketEventKind.Replied, AtUtc = created.AddHours(1), ByName = "Lama" },
                new TicketEvent { TicketId = ticket.Id, Kind = TicketEventKind.Resolved, AtUtc = created.AddHours(2), ByName = "Lama" });
            db.Add(new TicketHandoff
            {
                TicketId = ticket.Id, FromDivisionId = plut, ToDivisionId = umk, Reason = "Lama", ByName = "Lama",
                HandedOffAtUtc = created.AddMinutes(10), AcceptanceDueAtUtc = created.AddDays(1), AcceptedAtUtc = created.AddMinutes(40),
            });
            await db.SaveChangesAsync();
        }

        var backfill = Backfill<TicketWorkingDurationBackfill>();
        // One ticket and one handoff.
        Assert.Equal(2, await backfill.RunAsync());
        Assert.Equal(0, await backfill.RunAsync());

        await using var check = await app.DbAsync();
        var filled = await check.Set<Ticket>().SingleAsync(t => t.Id == ticketId);
        // 08:00 → 09:00 and 08:00 → 10:00 on a Monday: 60 and 120 working minutes; the handoff 08:10 → 08:40: 30.
        Assert.Equal((60, 120), (filled.FirstResponseWorkingMinutes, filled.ResolutionWorkingMinutes));
        Assert.Equal(30, (await check.Set<TicketHandoff>().SingleAsync(h => h.TicketId == ticketId)).AcceptanceWorkingMinutes);
        // A schema upgrade, not anyone's edit: the version an open form holds stays valid.
        Assert.Equal(versionBefore, filled.Version);
    }

    [Fact]
    public async Task The_case_backfill_measures_each_stage_visit_from_the_entry_before_it()
    {
        await CooperativeTestData.ActAsKlmOfficerAsync(app);
        var cooperative = await CooperativeTestData.CreateAsync(app, CooperativeTestData.Form(await CooperativeTestData.RegionIdAsync(app)));
        var submitted = new DateTime(2026, 11, 16, 1, 0, 0, DateTimeKind.Utc);   // Monday 16 Nov 08:00 WIB
        int caseId;
        await using (var db = await app.DbAsync())
        {
            var registration = new RegistrationCase { CooperativeId = cooperative, Kind = CaseKind.PendaftaranBaru, SubmittedAtUtc = submitted, StageEnteredAtUtc = submitted };
            db.Add(registration);
            await db.SaveChangesAsync();
            caseId = registration.Id;
            db.AddRange(
                new CaseEvent { CaseId = caseId, Kind = CaseEventKind.Submitted, ToStage = CaseStage.Diajukan, AtUtc = submitted, ByName = "Lama" },
                new CaseEvent { CaseId = caseId, Kind = CaseEventKind.Commented, AtUtc = submitted.AddHours(1), ByName = "Lama", Text = "Catatan" },
                new CaseEvent { CaseId = caseId, Kind = CaseEventKind.StageChanged, FromStage = CaseStage.Diajukan, ToStage = CaseStage.VerifikasiDokumen, AtUtc = submitted.AddHours(2), ByName = "Lama" },
                new CaseEvent { CaseId = caseId, Kind = CaseEventKind.StageChanged, FromStage = CaseStage.VerifikasiDokumen, ToStage = CaseStage.PerluPerbaikan, AtUtc = submitted.AddDays(1), ByName = "Lama" });
            await db.SaveChangesAsync();
        }

        Assert.Equal(2, await Backfill<CaseStageDurationBackfill>().RunAsync());
        Assert.Equal(0, await Backfill<CaseStageDurationBackfill>().RunAsync());

        await using var check = await app.DbAsync();
        var minutes = await check.Set<CaseEvent>().Where(e => e.CaseId == caseId && e.Kind == CaseEventKind.StageChanged)
            .OrderBy(e => e.AtUtc).Select(e => e.StageWorkingMinutes).ToListAsync();
        // Monday 08:00 → 10:00 = 120; Monday 10:00 → Tuesday 08:00 = 10:00–16:00 less the break (5 h) + 07:30–08:00 = 330.
        Assert.Equal(new int?[] { 120, 330 }, minutes);
    }

    /// <summary>A backfill as the start-up finds it: among every feature's <see cref="IDataBackfill"/>.</summary>
    private T Backfill<T>()
        where T : IDataBackfill => app.Services.CreateScope().ServiceProvider.GetServices<IDataBackfill>().OfType<T>().Single();

    private async Task<Ticket> TicketAsync(int id)
    {
        await using var db = await app.DbAsync();
        return await db.Set<Ticket>().AsNoTracking().SingleAsync(t => t.Id == id);
    }
}
