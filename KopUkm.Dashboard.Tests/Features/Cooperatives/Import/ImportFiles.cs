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

    private static string Quote(string value, char separator) =>
        value.Contains(separator, StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal)
            ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : value;
}
