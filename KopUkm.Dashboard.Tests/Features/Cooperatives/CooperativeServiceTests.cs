using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Cooperatives;
using KopUkm.Dashboard.Features.Cooperatives.Cases;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using static KopUkm.Dashboard.Tests.Features.Cooperatives.CooperativeTestData;

namespace KopUkm.Dashboard.Tests.Features.Cooperatives;

public abstract class CooperativeServiceTests(TestProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : CooperativeServiceTests(TestProvider.Sqlite);

    public sealed class OnPostgreSql() : CooperativeServiceTests(TestProvider.PostgreSql);

    private TestServices app = default!;
    private int jambi;
    private int kerinci;

    private CooperativeService Cooperatives => app.Get<CooperativeService>();

    public async Task InitializeAsync()
    {
        app = await TestServices.CreateAsync(provider: provider);
        await ActAsKlmOfficerAsync(app);
        jambi = await RegionIdAsync(app, "15.71");
        kerinci = await RegionIdAsync(app, "15.01");
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task A_klm_officer_creates_a_cooperative_and_finds_it_by_name_nik_and_nib()
    {
        var id = await CreateAsync(app, Form(jambi, "Koperasi Konsumen Pegawai Sejahtera", nik: "1571010000123", nib: "9120001234567"));

        foreach (var search in new[] { "pegawai sejahtera", "1571010000", "9120001234567" })
        {
            var found = await Cooperatives.ListAsync(new PageRequest(0, 25, Search: search), new CooperativeFilter());
            Assert.Equal(id, Assert.Single(found.Items).Id);
        }
    }

    [Fact]
    public async Task The_same_nik_or_nib_twice_is_refused_and_nothing_is_saved()
    {
        await CreateAsync(app, Form(jambi, "Koperasi A", nik: "1571000000001", nib: "1000000000001"));

        var dupNik = await Cooperatives.CreateAsync(Form(kerinci, "Koperasi B", nik: "1571000000001"));
        var dupNib = await Cooperatives.CreateAsync(Form(kerinci, "Koperasi C", nib: "1000000000001"));

        Assert.Equal(("Nik", "Cooperatives.DuplicateNik"), (dupNik.Result.Errors.Single().Field, dupNik.Result.Errors.Single().MessageKey));
        Assert.Equal(("Nib", "Cooperatives.DuplicateNib"), (dupNib.Result.Errors.Single().Field, dupNib.Result.Errors.Single().MessageKey));
        Assert.Equal(1, (await Cooperatives.ListAsync(new PageRequest(0, 25), new CooperativeFilter())).TotalCount);
    }

    [Fact]
    public async Task A_same_normalized_name_in_the_same_region_is_a_warning_only_there()
    {
        await CreateAsync(app, Form(jambi, "Koperasi Simpan Pinjam Maju-Jaya"));

        var sameRegion = await Cooperatives.FindSimilarNamesAsync(Form(jambi, "KOP. Simpan Pinjam Maju Jaya"));
        var otherRegion = await Cooperatives.FindSimilarNamesAsync(Form(kerinci, "Simpan Pinjam Maju Jaya"));

        Assert.Single(sameRegion);
        Assert.Empty(otherRegion);
        // A warning, not a refusal: the user may confirm it is a different cooperative.
        Assert.True((await Cooperatives.CreateAsync(Form(jambi, "KOP. Simpan Pinjam Maju Jaya"))).Result.Succeeded);
    }

    [Fact]
    public async Task Invalid_data_is_refused_field_by_field_and_nothing_is_saved()
    {
        var form = Form(jambi);
        form.Nib = "123";
        form.MemberCount = 4;

        var saved = await Cooperatives.CreateAsync(form);

        Assert.Equal(["Nib", "MemberCount"], saved.Result.Errors.Select(e => e.Field));
        Assert.Equal(0, (await Cooperatives.ListAsync(new PageRequest(0, 25), new CooperativeFilter())).TotalCount);
    }

    [Fact]
    public async Task Two_people_editing_the_same_record_do_not_overwrite_each_other()
    {
        var id = await CreateAsync(app, Form(jambi));
        var first = (await Cooperatives.GetAsync(id))!.Data;
        var second = (await Cooperatives.GetAsync(id))!.Data;
        first.ChairName = "H. Bakri";
        second.ChairName = "Hj. Rosmiati";

        Assert.True((await Cooperatives.UpdateAsync(first)).Result.Succeeded);
        Assert.True((await Cooperatives.UpdateAsync(second)).Result.IsConflict);
        Assert.Equal("H. Bakri", (await Cooperatives.GetAsync(id))!.Data.ChairName);
    }

    [Fact]
    public async Task Other_divisions_read_the_register_but_cannot_change_it()
    {
        var id = await CreateAsync(app, Form(jambi));
        var (_, umk) = await DivisionsAsync(app);
        app.ActAs(AppRoles.Petugas, umk, "umk-officer", divisionCode: "UMK");

        Assert.NotNull(await Cooperatives.GetAsync(id));
        Assert.False((await Cooperatives.GetAsync(id))!.CanEdit);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Cooperatives.CreateAsync(Form(kerinci, "Koperasi Lain")));
        await Assert.ThrowsAsync<AccessDeniedException>(() => app.Get<RegistrationCaseService>().OpenAsync(id, CaseKind.PendaftaranBaru));

        app.ActAs(AppRoles.Pimpinan, umk, "leader", divisionCode: "SEK");
        await Assert.ThrowsAsync<AccessDeniedException>(() => Cooperatives.CreateAsync(Form(kerinci, "Koperasi Lain")));
    }

    [Fact]
    public async Task Filters_and_paging_run_in_the_database()
    {
        for (var i = 1; i <= 30; i++)
        {
            var form = Form(i % 2 == 0 ? jambi : kerinci, $"Koperasi Produsen Nomor {i:00}");
            form.Type = i % 3 == 0 ? CooperativeType.Produsen : CooperativeType.Jasa;
            form.ActivityStatus = i <= 10 ? ActivityStatus.TidakAktif : ActivityStatus.Aktif;
            await CreateAsync(app, form);
        }

        var page2 = await Cooperatives.ListAsync(new PageRequest(1, 10, "Name", false), new CooperativeFilter());
        var jambiProdusen = await Cooperatives.ListAsync(new PageRequest(0, 50), new CooperativeFilter(RegionId: jambi, Type: CooperativeType.Produsen));
        var inactive = await Cooperatives.ListAsync(new PageRequest(0, 50), new CooperativeFilter(ActivityStatus: ActivityStatus.TidakAktif));

        Assert.Equal(30, page2.TotalCount);
        Assert.Equal("Koperasi Produsen Nomor 11", page2.Items[0].Name);
        Assert.Equal(5, jambiProdusen.TotalCount);
        Assert.All(jambiProdusen.Items, c => Assert.Equal(CooperativeType.Produsen, c.Type));
        Assert.Equal(10, inactive.TotalCount);
    }

    [Fact]
    public async Task Stage_assigned_to_me_and_overdue_filters_follow_the_open_case()
    {
        var waiting = await CreateAsync(app, Form(jambi, "Koperasi Menunggu"));
        var inReview = await CreateAsync(app, Form(jambi, "Koperasi Diperiksa"));
        await CreateAsync(app, Form(jambi, "Koperasi Tanpa Kasus"));
        var cases = app.Get<RegistrationCaseService>();
        var (_, firstCase) = await cases.OpenAsync(waiting, CaseKind.PendaftaranBaru);
        var (_, secondCase) = await cases.OpenAsync(inReview, CaseKind.PendaftaranBaru);
        var second = (await cases.GetAsync(secondCase!.Value))!;
        Assert.True((await cases.MoveAsync(second.Id, second.Version, CaseStage.VerifikasiDokumen, null)).Succeeded);

        var submitted = await Cooperatives.ListAsync(new PageRequest(0, 25), new CooperativeFilter(Stage: CaseStage.Diajukan));
        Assert.Equal(waiting, Assert.Single(submitted.Items).Id);

        // The "submitted" stage has a 2-working-day target: three weeks later the first case is overdue.
        app.Clock.Advance(TimeSpan.FromDays(21));
        var overdue = await Cooperatives.ListAsync(new PageRequest(0, 25), new CooperativeFilter(Overdue: true));
        Assert.Equal(2, overdue.TotalCount);
        Assert.All(overdue.Items, c => Assert.True(c.OpenCaseOverdue));

        Assert.Equal(0, (await Cooperatives.ListAsync(new PageRequest(0, 25), new CooperativeFilter(AssignedToMe: true))).TotalCount);
        Assert.NotNull(firstCase);
    }
}
