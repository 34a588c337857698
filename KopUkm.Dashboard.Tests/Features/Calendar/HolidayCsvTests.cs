using System.Text;
using KopUkm.Dashboard.Features.Calendar;

namespace KopUkm.Dashboard.Tests.Features.Calendar;

public sealed class HolidayCsvTests
{
    private static HolidayCsvResult Parse(string text) => HolidayCsv.Parse(new MemoryStream(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void A_windows_1252_file_reads_its_names_right_and_says_how_it_was_read()
    {
        using var file = KopUkm.Dashboard.Tests.Common.EncodingFiles.Open("libur-windows1252.csv");

        var result = HolidayCsv.Parse(file);

        Assert.Empty(result.Errors);
        Assert.True(result.ReadAsWindows1252);
        Assert.Equal(["Tahun Baru – 2027", "Hari Raya Idul Fitri 1448 H – Hari ’Pertama’"], result.Holidays.Select(h => h.Name));
        Assert.False(Parse("date,kind,name\n2027-01-01,libur nasional,Tahun Baru – 2027\n").ReadAsWindows1252);
    }

    [Fact]
    public void Reads_comma_or_semicolon_files_with_headers_in_any_case_and_both_date_formats()
    {
        var comma = Parse("date,kind,name\n2027-01-01,libur nasional,Tahun Baru 2027\n");
        var semicolon = Parse("Date;Kind;Name\n17/08/2027;Libur Nasional;Hari Kemerdekaan\n24/12/2027;cuti bersama;Cuti bersama Natal\n");

        Assert.Empty(comma.Errors);
        Assert.Equal(new DateOnly(2027, 1, 1), Assert.Single(comma.Holidays).Date);
        Assert.Empty(semicolon.Errors);
        Assert.Equal([new DateOnly(2027, 8, 17), new DateOnly(2027, 12, 24)], semicolon.Holidays.Select(h => h.Date));
        Assert.Equal(HolidayKind.CutiBersama, semicolon.Holidays[1].Kind);
    }

    [Fact]
    public void Reports_every_bad_line_with_its_number_and_reason()
    {
        var result = Parse("date,kind,name\n2027-13-01,libur nasional,Bulan salah\n2027-02-01,libur daerah,Jenis salah\n2027-03-01,cuti bersama,\n2027-04-01,cuti bersama,Baik\n2027-04-01,cuti bersama,Dobel\n");

        Assert.Equal(
            [(2, "Csv.BadDate"), (3, "Csv.BadHolidayKind"), (4, "Csv.BadName"), (6, "Csv.DuplicateDate")],
            result.Errors.Select(e => (e.Line, e.MessageKey)));
        Assert.Single(result.Holidays);
    }

    [Fact]
    public void A_file_without_the_expected_header_is_rejected_as_a_whole()
    {
        var result = Parse("tanggal,jenis,nama\n2027-01-01,libur nasional,Tahun Baru\n");

        Assert.Equal("Csv.MissingHeader", Assert.Single(result.Errors).MessageKey);
        Assert.Empty(result.Holidays);
    }
}
