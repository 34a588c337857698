using System.Text;
using KopUkm.Dashboard.Common;

namespace KopUkm.Dashboard.Tests.Common;

public sealed class TextFileEncodingTests
{
    [Theory]
    [InlineData("koperasi-utf8.csv", "utf-8", false)]
    [InlineData("koperasi-utf8-bom.csv", "utf-8", false)]
    [InlineData("koperasi-utf16le-bom.csv", "utf-16", false)]
    [InlineData("koperasi-utf16be-bom.csv", "utf-16BE", false)]
    [InlineData("koperasi-windows1252.csv", "windows-1252", true)]
    public void A_byte_order_mark_names_the_encoding_else_valid_utf8_is_utf8_else_windows_1252(string file, string expected, bool fallback)
    {
        using var stream = EncodingFiles.Open(file);
        stream.Position = 0;

        var found = TextFileEncoding.Detect(stream);

        Assert.Equal((expected, fallback), (found.Encoding.WebName, found.IsWindows1252Fallback));
        Assert.Equal(0, stream.Position);
    }

    [Theory]
    [InlineData("koperasi-utf8.csv")]
    [InlineData("koperasi-utf8-bom.csv")]
    [InlineData("koperasi-utf16le-bom.csv")]
    [InlineData("koperasi-utf16be-bom.csv")]
    [InlineData("koperasi-windows1252.csv")]
    public void Every_file_reads_back_the_same_names(string file)
    {
        using var stream = EncodingFiles.Open(file);
        using var csv = CsvFile.OpenReader(stream, TextFileEncoding.Detect(stream));

        Assert.True(csv.Read());
        Assert.Equal((EncodingFiles.Name, EncodingFiles.Address, EncodingFiles.Chair), (csv.GetString("nama koperasi"), csv.GetString("alamat"), csv.GetString("ketua")));
    }

    [Fact]
    public void A_utf8_sequence_cut_off_at_the_end_is_not_utf8()
    {
        using var stream = new MemoryStream([.. Encoding.UTF8.GetBytes("nama\nKoperasi –"), 0xE2, 0x80]);

        Assert.True(TextFileEncoding.Detect(stream).IsWindows1252Fallback);
    }

    [Fact]
    public void A_character_split_between_two_reads_is_still_utf8()
    {
        // The check reads 64 KiB at a time: "é" (two bytes) starts on the last byte of the first read.
        var text = new string('a', (64 * 1024) - 1) + "é – Jambi";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));

        Assert.False(TextFileEncoding.Detect(stream).IsWindows1252Fallback);
    }
}
