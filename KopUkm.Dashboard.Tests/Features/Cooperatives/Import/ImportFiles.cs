using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using KopUkm.Dashboard.Features.Cooperatives.Import;
using MiniExcelLibs;

namespace KopUkm.Dashboard.Tests.Features.Cooperatives.Import;

/// <summary>Builds the office's cooperative list as CSV text or an .xlsx workbook, from a good row with changes.</summary>
public static class ImportFiles
{
    /// <summary>A valid primary savings-and-loan cooperative in Kota Jambi; <paramref name="changes"/> override columns.</summary>
    public static Dictionary<string, string> Row(string name, string nik, string nib, params (string Column, string Value)[] changes)
    {
        var row = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [CooperativeCsvFormat.Name] = name,
            [CooperativeCsvFormat.Type] = "Simpan Pinjam",
            [CooperativeCsvFormat.Pattern] = "Konvensional",
            [CooperativeCsvFormat.Level] = "Primer",
            [CooperativeCsvFormat.Region] = "Kota Jambi",
            [CooperativeCsvFormat.Address] = "Jl. Gatot Subroto No. 12",
            [CooperativeCsvFormat.Chair] = "Siti Aminah",
            [CooperativeCsvFormat.Phone] = "0812 3456 7890",
            [CooperativeCsvFormat.Email] = "pengurus@contoh.id",
            [CooperativeCsvFormat.FoundedOn] = "2015-03-10",
            [CooperativeCsvFormat.Members] = "120",
            [CooperativeCsvFormat.DeedNumber] = "12",
            [CooperativeCsvFormat.DeedDate] = "2015-03-10",
            [CooperativeCsvFormat.AhuNumber] = "AHU-0001234.AH.01.26.TAHUN 2015",
            [CooperativeCsvFormat.AhuDate] = "2015-04-01",
            [CooperativeCsvFormat.Nib] = nib,
            [CooperativeCsvFormat.Nik] = nik,
            [CooperativeCsvFormat.Status] = "Aktif",
            [CooperativeCsvFormat.LastRat] = "2025",
        };
        foreach (var (column, value) in changes)
        {
            row[column] = value;
        }

        return row;
    }

    /// <summary>CSV with the given columns (all of them by default) and separator.</summary>
    public static string Csv(IEnumerable<Dictionary<string, string>> rows, IReadOnlyList<string>? columns = null, char separator = ',')
    {
        columns ??= CooperativeCsvFormat.Header;
        var text = new StringBuilder();
        text.AppendJoin(separator, columns.Select(c => Quote(c, separator))).Append('\n');
        foreach (var row in rows)
        {
            text.AppendJoin(separator, columns.Select(c => Quote(row.GetValueOrDefault(c) ?? "", separator))).Append('\n');
        }

        return text.ToString();
    }

    public static MemoryStream Stream(string text, bool byteOrderMark = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return new MemoryStream(byteOrderMark ? [.. Encoding.UTF8.Preamble, .. bytes] : bytes);
    }

    /// <summary>A workbook whose first sheet holds the rows; cells keep their types (numbers, dates).</summary>
    public static MemoryStream Workbook(IEnumerable<Dictionary<string, object?>> rows)
    {
        var stream = new MemoryStream();
        stream.SaveAs(rows.ToList(), sheetName: "Koperasi");
        stream.Position = 0;
        return stream;
    }

    /// <summary>
    /// <paramref name="count"/> good rows, each its own cooperative (NIK and NIB both set, so a lookup of them all
    /// would need two query parameters a row), named "Koperasi Uji 00001" onwards from <paramref name="first"/>.
    /// </summary>
    public static IEnumerable<Dictionary<string, string>> ManyRows(int count, int first = 1) =>
        Enumerable.Range(first, count).Select(i => Row(
            $"Koperasi Uji {i:D5}",
            (1571000000000L + i).ToString(CultureInfo.InvariantCulture),
            (9120000000000L + i).ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// A workbook of a few kilobytes whose sheet unpacks to <paramref name="megabytes"/> MB of highly repetitive XML,
    /// as a "zip bomb" would: the header row, then the same row again and again.
    /// </summary>
    public static MemoryStream WorkbookBomb(int megabytes)
    {
        var stream = Workbook([Row("KSP Bom", "", "").ToDictionary(kv => kv.Key, kv => (object?)kv.Value)]);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(SheetPart)!.Delete();
            using var sheet = new StreamWriter(zip.CreateEntry(SheetPart, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
            sheet.Write("""<?xml version="1.0" encoding="utf-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>""");
            sheet.Write("""<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Nama Koperasi</x:t></x:is></x:c></x:row>""");
            var row = """<x:row><x:c t="inlineStr"><x:is><x:t>KSP Bom</x:t></x:is></x:c></x:row>""";
            for (long written = 0; written < megabytes * 1024L * 1024L; written += row.Length)
            {
                sheet.Write(row);
            }

            sheet.Write("</x:sheetData></x:worksheet>");
        }

        stream.Position = 0;
        return stream;
    }

    /// <summary>
    /// The workbook with the sheet's unpacked size in the zip directory (local header and central directory) set to
    /// <paramref name="statedBytes"/>, as a crafted file would understate it.
    /// </summary>
    public static MemoryStream Understated(MemoryStream workbook, int statedBytes)
    {
        var bytes = workbook.ToArray();
        var name = Encoding.ASCII.GetBytes(SheetPart);
        for (var i = 0; i + 46 + name.Length < bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            if (signature == 0x04034b50 && bytes.AsSpan(i + 30, name.Length).SequenceEqual(name))
            {
                BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i + 22), statedBytes);
            }
            else if (signature == 0x02014b50 && bytes.AsSpan(i + 46, name.Length).SequenceEqual(name))
            {
                BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i + 24), statedBytes);
            }
        }

        return new MemoryStream(bytes);
    }

    private const string SheetPart = "xl/worksheets/sheet1.xml";

    private static string Quote(string value, char separator) =>
        value.Contains(separator, StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal)
            ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : value;
}
