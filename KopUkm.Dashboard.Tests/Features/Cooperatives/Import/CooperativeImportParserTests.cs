using KopUkm.Dashboard.Features.Cooperatives;
using KopUkm.Dashboard.Features.Cooperatives.Import;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Tests.Common;
using static KopUkm.Dashboard.Tests.Features.Cooperatives.Import.ImportFiles;

namespace KopUkm.Dashboard.Tests.Features.Cooperatives.Import;

public sealed class CooperativeImportParserTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static readonly RegionItem[] Regions =
    [
        new(1, "15.01", "Kerinci", RegionKind.Kabupaten, true, 1),
        new(2, "15.05", "Muaro Jambi", RegionKind.Kabupaten, true, 1),
        new(10, "15.71", "Jambi", RegionKind.Kota, true, 1),
        new(11, "15.72", "Sungai Penuh", RegionKind.Kota, true, 1),
    ];

    private static CooperativeImportParse ParseCsv(string text, bool byteOrderMark = false) =>
        CooperativeImportParser.Parse(Stream(text, byteOrderMark), "koperasi.csv", Regions, Today);

    [Fact]
    public void Reads_good_rows_with_dates_in_both_formats_and_regions_by_name_or_code()
    {
        var result = ParseCsv(Csv(
        [
            Row("KSP Maju Bersama", "1571010001", "9120001234567"),
            Row("KUD Sumber Rejeki", "1501020002", "", (CooperativeCsvFormat.Region, "15.01"), (CooperativeCsvFormat.FoundedOn, "17/08/1998"), (CooperativeCsvFormat.DeedDate, "1/9/1998"), (CooperativeCsvFormat.AhuDate, "")),
            Row("Koperasi Syariah Al-Ikhlas", "", "", (CooperativeCsvFormat.Region, "kabupaten muaro jambi"), (CooperativeCsvFormat.Pattern, "syariah"), (CooperativeCsvFormat.Type, "JASA"), (CooperativeCsvFormat.Status, "tidak aktif")),
        ]));

        Assert.Null(result.FileError);
        Assert.Empty(result.Errors);
        Assert.Equal([2, 3, 4], result.Rows.Select(r => r.Line));
        var (first, second, third) = (result.Rows[0].Form, result.Rows[1].Form, result.Rows[2].Form);
        Assert.Equal((10, new DateOnly(2015, 3, 10), 120, "9120001234567", 2025), (first.RegionId, first.FoundedOn!.Value, first.MemberCount, first.Nib, first.LastRatYear!.Value));
        Assert.Equal((1, new DateOnly(1998, 8, 17), new DateOnly(1998, 9, 1), (DateOnly?)null), (second.RegionId, second.FoundedOn!.Value, second.DeedDate!.Value, second.AhuDecreeDate));
        Assert.Equal((2, CooperativePattern.Syariah, CooperativeType.Jasa, ActivityStatus.TidakAktif), (third.RegionId, third.Pattern, third.Type, third.ActivityStatus));
    }

    [Fact]
    public void Reads_a_semicolon_file_with_a_byte_order_mark_and_headers_shuffled_in_any_case()
    {
        string[] columns = [.. CooperativeCsvFormat.Header.Reverse().Select(c => c.ToUpperInvariant())];
        var row = Row("KSP Maju; Bersama", "1571010001", "9120001234567");
        var upperCased = row.ToDictionary(kv => kv.Key.ToUpperInvariant(), kv => kv.Value);

        var result = ParseCsv(Csv([upperCased], columns, ';'), byteOrderMark: true);

        Assert.Null(result.FileError);
        Assert.Empty(result.Errors);
        var form = Assert.Single(result.Rows).Form;
        Assert.Equal("KSP Maju; Bersama", form.Name);
        Assert.Equal("1571010001", form.Nik);
        Assert.Equal(10, form.RegionId);
    }

    [Fact]
    public void Reports_each_kind_of_bad_row_with_its_line_and_keeps_the_good_ones()
    {
        var result = ParseCsv(Csv(
        [
            Row("KSP Baik", "1571010001", "9120001234567"),
            Row("", "1571010002", ""),
            Row("KSP NIB Pendek", "1571010003", "912000123456"),
            Row("KSP NIK Huruf", "15710A0004", ""),
            Row("KSP Tanggal Salah", "1571010005", "", (CooperativeCsvFormat.DeedDate, "2015-02-30")),
            Row("KSP Masa Depan", "1571010006", "", (CooperativeCsvFormat.FoundedOn, "2027-01-01")),
            Row("KSP Medan", "1571010007", "", (CooperativeCsvFormat.Region, "Kota Medan")),
            Row("KSP Serba Usaha", "1571010008", "", (CooperativeCsvFormat.Type, "Serba Usaha")),
            Row("KSP Kecil", "1571010009", "", (CooperativeCsvFormat.Members, "5")),
            Row("KSP Kembar", "1571010001", ""),
            Row("KSP Kota Salah", "1571010010", "", (CooperativeCsvFormat.Region, "Kabupaten Jambi")),
        ]));

        Assert.Equal(
            [
                (3, "CooperativeImport.Required"),
                (4, "Cooperatives.NibFormat"),
                (5, "Cooperatives.NikFormat"),
                (6, "Csv.BadDate"),
                (7, "CooperativeImport.FutureDate"),
                (8, "CooperativeImport.UnknownRegion"),
                (9, "CooperativeImport.UnknownType"),
                (10, "Cooperatives.PrimaryMembers"),
                (11, "CooperativeImport.DuplicateNikInFile"),
                (12, "CooperativeImport.UnknownRegion"),
            ],
            result.Errors.Select(e => (e.Line, e.MessageKey)));
        Assert.Equal(CooperativeCsvFormat.Name, result.Errors[0].Value);
        Assert.Equal(CooperativeCsvFormat.FoundedOn, result.Errors[4].Value);
        Assert.Equal("9", result.Errors[7].Value);
        Assert.Equal(2, Assert.Single(result.Rows).Line);
    }

    [Fact]
    public void A_row_with_several_problems_reports_each_once()
    {
        var result = ParseCsv(Csv([Row("KSP Kacau", "12x", "1", (CooperativeCsvFormat.Members, "banyak"), (CooperativeCsvFormat.Email, "bukan-email"))]));

        Assert.Equal(
            ["CooperativeImport.BadMembers", "Cooperatives.NibFormat", "Cooperatives.NikFormat", "Validation.Email"],
            result.Errors.Select(e => e.MessageKey).Order(StringComparer.Ordinal));
        Assert.All(result.Errors, e => Assert.Equal(2, e.Line));
    }

    [Fact]
    public void Blank_lines_are_skipped_but_still_counted()
    {
        var text = Csv([Row("KSP Satu", "1", "")]) + ",,,,,,,,,,,,,,,,,,\n\n" + Csv([Row("", "2", "")]).Split('\n', 2)[1];

        var result = ParseCsv(text);

        Assert.Equal(2, Assert.Single(result.Rows).Line);
        Assert.Equal(5, Assert.Single(result.Errors).Line);
    }

    [Fact]
    public void Only_the_required_columns_are_needed_and_the_file_says_which_it_has()
    {
        string[] columns = [CooperativeCsvFormat.Name, CooperativeCsvFormat.Type, CooperativeCsvFormat.Region, CooperativeCsvFormat.Members, "No. Urut"];

        var result = ParseCsv(Csv([Row("KSP Ringkas", "", "")], columns));

        var form = Assert.Single(result.Rows).Form;
        Assert.Equal((CooperativeLevel.Primer, ActivityStatus.Aktif, ""), (form.Level, form.ActivityStatus, form.Email));
        Assert.Equal(columns[..4].Order(StringComparer.Ordinal), result.Columns.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_file_without_the_required_columns_is_rejected_as_a_whole()
    {
        var result = ParseCsv("nama,jenis\nKSP A,Jasa\n");

        Assert.Equal("Csv.MissingHeader", result.FileError?.MessageKey);
        Assert.Equal("Nama Koperasi, Kabupaten/Kota, Jumlah Anggota", result.FileError?.Value);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void Other_file_types_are_refused()
    {
        var result = CooperativeImportParser.Parse(Stream("x"), "koperasi.xls", Regions, Today);

        Assert.Equal("CooperativeImport.UnsupportedFile", result.FileError?.MessageKey);
    }

    [Fact]
    public void Reads_the_first_sheet_of_a_workbook_with_numbers_and_dates_as_excel_stores_them()
    {
        static Dictionary<string, object?> Typed(Dictionary<string, string> row, params (string Column, object? Value)[] cells)
        {
            var typed = row.ToDictionary(kv => kv.Key, kv => (object?)kv.Value);
            foreach (var (column, value) in cells)
            {
                typed[column] = value;
            }

            return typed;
        }

        using var workbook = Workbook(
        [
            Typed(Row("KSP Angka", "", ""), (CooperativeCsvFormat.Nib, 9120001234567d), (CooperativeCsvFormat.Region, 15.72), (CooperativeCsvFormat.Members, 45d),
                (CooperativeCsvFormat.FoundedOn, new DateTime(2019, 5, 2)), (CooperativeCsvFormat.Phone, 81234567890d), (CooperativeCsvFormat.LastRat, 2024d)),
            Typed(Row("KSP Rusak", "", "", (CooperativeCsvFormat.DeedDate, "kemarin"))),
            Typed(Row("KSP Teks", "1571010003", "", (CooperativeCsvFormat.FoundedOn, "17/08/2020"))),
        ]);

        var result = CooperativeImportParser.Parse(workbook, "daftar.xlsx", Regions, Today);

        Assert.Equal([(3, "Csv.BadDate")], result.Errors.Select(e => (e.Line, e.MessageKey)));
        Assert.Equal([2, 4], result.Rows.Select(r => r.Line));
        var form = result.Rows[0].Form;
        Assert.Equal(("9120001234567", 11, 45, new DateOnly(2019, 5, 2), "081234567890", 2024), (form.Nib, form.RegionId, form.MemberCount, form.FoundedOn!.Value, form.Phone, form.LastRatYear!.Value));
        Assert.Equal(new DateOnly(2020, 8, 17), result.Rows[1].Form.FoundedOn);
    }

    [Fact]
    public void A_damaged_workbook_is_rejected_as_a_whole()
    {
        var result = CooperativeImportParser.Parse(Stream("bukan excel"), "daftar.xlsx", Regions, Today);

        Assert.Equal("CooperativeImport.UnreadableFile", result.FileError?.MessageKey);
    }

    [Theory]
    [InlineData("koperasi-utf8.csv", false)]
    [InlineData("koperasi-utf8-bom.csv", false)]
    [InlineData("koperasi-utf16le-bom.csv", false)]
    [InlineData("koperasi-windows1252.csv", true)]
    public void Reads_names_right_in_every_encoding_and_says_when_it_fell_back_to_windows_1252(string file, bool fallback)
    {
        using var stream = EncodingFiles.Open(file);

        var result = CooperativeImportParser.Parse(stream, file, Regions, Today);

        Assert.Null(result.FileError);
        Assert.Empty(result.Errors);
        var form = Assert.Single(result.Rows).Form;
        Assert.Equal((EncodingFiles.Name, EncodingFiles.Address, EncodingFiles.Chair), (form.Name, form.Address, form.ChairName));
        Assert.Equal(fallback, result.ReadAsWindows1252);
    }

    [Fact]
    public void Takes_off_only_the_apostrophe_that_the_export_put_before_a_formula()
    {
        var result = ParseCsv(Csv(
        [
            Row("'=HYPERLINK(\"http://contoh.invalid\",\"Klik\")", "1571010001", "", (CooperativeCsvFormat.Address, "'Gang Mawar"), (CooperativeCsvFormat.Chair, "'@Siti")),
        ]));

        var form = Assert.Single(result.Rows).Form;
        Assert.Equal(("=HYPERLINK(\"http://contoh.invalid\",\"Klik\")", "'Gang Mawar", "@Siti"), (form.Name, form.Address, form.ChairName));
    }

    [Fact]
    public void A_workbook_that_unpacks_beyond_the_limit_is_refused_before_it_is_read()
    {
        using var bomb = WorkbookBomb(megabytes: 12);

        var result = CooperativeImportParser.Parse(bomb, "daftar.xlsx", Regions, Today, new CooperativeImportOptions { MaxUnpackedMegabytes = 8 });

        Assert.True(bomb.Length < 200 * 1024, $"The bomb is {bomb.Length:N0} bytes packed.");
        Assert.Equal(("CooperativeImport.WorkbookTooLarge", "8"), (result.FileError?.MessageKey, result.FileError?.Value));
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void A_workbook_whose_zip_directory_understates_the_sheet_is_not_unpacked_beyond_what_it_states()
    {
        using var bomb = Understated(WorkbookBomb(megabytes: 12), statedBytes: 4096);

        var result = CooperativeImportParser.Parse(bomb, "daftar.xlsx", Regions, Today, new CooperativeImportOptions { MaxUnpackedMegabytes = 8 });

        Assert.Equal("CooperativeImport.UnreadableFile", result.FileError?.MessageKey);
    }

    [Theory]
    [InlineData("daftar.csv")]
    [InlineData("daftar.xlsx")]
    public void A_file_with_more_rows_than_the_limit_is_refused_as_a_whole(string fileName)
    {
        var rows = ManyRows(6).ToList();
        using var file = fileName.EndsWith(".csv", StringComparison.Ordinal)
            ? Stream(Csv(rows))
            : Workbook(rows.Select(r => r.ToDictionary(kv => kv.Key, kv => (object?)kv.Value)));

        var result = CooperativeImportParser.Parse(file, fileName, Regions, Today, new CooperativeImportOptions { MaxRows = 5 });

        Assert.Equal("CooperativeImport.TooManyRows", result.FileError?.MessageKey);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void A_file_larger_than_the_limit_is_refused_unread()
    {
        using var file = new MemoryStream(new byte[(1024 * 1024) + 1]);

        var result = CooperativeImportParser.Parse(file, "daftar.csv", Regions, Today, new CooperativeImportOptions { MaxFileMegabytes = 1 });

        Assert.Equal(("CooperativeImport.FileTooLarge", "1"), (result.FileError?.MessageKey, result.FileError?.Value));
        Assert.Equal(0, file.Position);
    }
}
