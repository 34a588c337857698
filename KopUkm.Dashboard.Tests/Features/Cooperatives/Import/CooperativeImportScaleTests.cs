using KopUkm.Dashboard.Data.Auditing;
using KopUkm.Dashboard.Features.Cooperatives;
using KopUkm.Dashboard.Features.Cooperatives.Import;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using static KopUkm.Dashboard.Tests.Features.Cooperatives.Import.ImportFiles;

namespace KopUkm.Dashboard.Tests.Features.Cooperatives.Import;

/// <summary>Lists longer than one batch, on a real SQLite file: lookups in batches, progress, all or nothing.</summary>
public sealed class CooperativeImportScaleTests : IAsyncLifetime
{
    private TestServices app = default!;

    public async Task InitializeAsync()
    {
        app = await TestServices.CreateAsync(new() { ["Cooperatives:Import:MaxRows"] = "20000" });
        app.ActAs(AppRoles.Petugas, 2, "petugas-klm", divisionCode: "KLM");
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private CooperativeImportService Imports => app.Get<CooperativeImportService>();

    [Fact]
    public async Task Seventeen_thousand_rows_with_nik_and_nib_are_imported_and_recognised_when_checked_again()
    {
        // One parameter per NIK and per NIB in a single lookup was 34,000, beyond SQLite's 32,766: "too many SQL variables".
        var file = Csv(ManyRows(17_000));

        var result = await Imports.ImportAsync(Stream(file), "koperasi.csv");
        var again = await Imports.PreviewAsync(Stream(file), "koperasi.csv");

        Assert.Equal((17_000, 0, 0, 0), (result.Added, result.Updated, result.Unchanged, result.BadRows));
        Assert.Equal((0, 0, 17_000), (again.ToAdd, again.ToUpdate, again.Unchanged));
        await using var db = await app.DbAsync();
        Assert.Equal(17_000, await db.Set<Cooperative>().CountAsync());
    }

    [Fact]
    public async Task Progress_is_reported_batch_by_batch_while_checking_and_while_saving()
    {
        var reports = new List<CooperativeImportProgress>();

        await Imports.ImportAsync(Stream(Csv(ManyRows(2_500))), "koperasi.csv", new Collect(reports));

        var checking = reports.Where(r => r.Stage == CooperativeImportStage.Checking).ToList();
        var saving = reports.Where(r => r.Stage == CooperativeImportStage.Saving).ToList();
        Assert.Equal([1_000, 2_000, 2_500], checking.Select(r => r.Rows));
        Assert.Equal(1, checking[^1].Fraction);
        Assert.Equal([(1_000, 2_500), (2_000, 2_500), (2_500, 2_500)], saving.Select(r => (r.Rows, r.Total ?? 0)));
        Assert.True(checking.Select(r => r.Fraction ?? 0).SequenceEqual(checking.Select(r => r.Fraction ?? 0).Order()), "Checking moves forward only.");
    }

    [Fact]
    public async Task A_failure_in_a_later_batch_leaves_the_register_as_it_was()
    {
        var rows = ManyRows(2_000).ToList();
        rows[1_499][CooperativeCsvFormat.Name] = "Koperasi Gagal Simpan";
        await FailInsertsNamedAsync();

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => Imports.ImportAsync(Stream(Csv(rows)), "koperasi.csv"));

        await using var db = await app.DbAsync();
        Assert.Equal(0, await db.Set<Cooperative>().CountAsync());
        Assert.Equal(0, await db.Set<AuditEntry>().CountAsync(e => e.EntityType == nameof(Cooperative)));
    }

    [Fact]
    public async Task A_cooperative_changed_between_checking_and_saving_refuses_the_whole_file()
    {
        await Imports.ImportAsync(Stream(Csv(ManyRows(3))), "koperasi.csv");
        var edited = ManyRows(5).ToList();
        edited[0][CooperativeCsvFormat.Members] = "150";

        // Once the check has decided to update the first cooperative, someone else saves it.
        var result = await Imports.ImportAsync(Stream(Csv(edited)), "koperasi.csv", new Collect([], r =>
        {
            if (r.Stage == CooperativeImportStage.Checking)
            {
                EditMembersAsync("Koperasi Uji 00001", 99).GetAwaiter().GetResult();
            }
        }));

        Assert.Equal(("CooperativeImport.Conflict", 0, 0), (result.FileError?.MessageKey, result.Added, result.Updated));
        await using var db = await app.DbAsync();
        Assert.Equal(3, await db.Set<Cooperative>().CountAsync());
        Assert.Equal(99, (await db.Set<Cooperative>().SingleAsync(c => c.Name == "Koperasi Uji 00001")).MemberCount);
    }

    [Fact]
    public async Task A_file_over_the_row_limit_is_refused_before_anything_is_saved()
    {
        var result = await Imports.ImportAsync(Stream(Csv(ManyRows(20_001))), "koperasi.csv");

        Assert.Equal("CooperativeImport.TooManyRows", result.FileError?.MessageKey);
        await using var db = await app.DbAsync();
        Assert.Equal(0, await db.Set<Cooperative>().CountAsync());
    }

    /// <summary>A real failure from the database itself, for one row: a trigger that aborts its insert.</summary>
    private async Task FailInsertsNamedAsync()
    {
        await using var db = await app.DbAsync();
        await db.Database.ExecuteSqlRawAsync(
            "CREATE TRIGGER test_fail_insert BEFORE INSERT ON Cooperative WHEN NEW.Name = 'Koperasi Gagal Simpan' BEGIN SELECT RAISE(ABORT, 'simulated disk failure'); END;");
    }

    private async Task EditMembersAsync(string name, int members)
    {
        await using var db = await app.DbAsync();
        var cooperative = await db.Set<Cooperative>().SingleAsync(c => c.Name == name);
        cooperative.MemberCount = members;
        await db.SaveChangesAsync();
    }

    /// <summary>Records each report on the importing thread, in order (<see cref="Progress{T}"/> would post elsewhere).</summary>
    private sealed class Collect(List<CooperativeImportProgress> reports, Action<CooperativeImportProgress>? also = null) : IProgress<CooperativeImportProgress>
    {
        public void Report(CooperativeImportProgress value)
        {
            reports.Add(value);
            also?.Invoke(value);
        }
    }
}
