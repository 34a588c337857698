using System.Buffers;
using System.Text;
using CsvHelper;

namespace KopUkm.Dashboard.Common;

/// <summary>
/// How the office's CSV files are read and written. Reading: a header row matched case-insensitively, comma or
/// semicolon. Writing: UTF-8 with a byte-order mark, commas, and every cell that a spreadsheet would run as a
/// formula neutralised (<see cref="Neutralise"/>). Every CSV the product writes goes through <see cref="Write(IEnumerable{IReadOnlyList{string}})"/>.
/// </summary>
public static class CsvFile
{
    /// <summary>What a spreadsheet program reads as the start of a formula (OWASP's list: = + - @, tab and CR).</summary>
    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r");

    /// <summary>A record longer than this is a broken file (an unclosed quote), not data: the reader stops there.</summary>
    private const int MaxRecordBytes = 1024 * 1024;

    public static CsvReaderOptions ReaderOptions() => new()
    {
        HasHeader = true,
        TrackLineNumbers = true,
        SkipEmptyLines = true,
        // The separator (comma or semicolon) is detected from the header row.
        Separator = null,
        NormalizeHeaderName = header => header.Trim().TrimStart('\uFEFF').ToLowerInvariant(),
        MaxRecordSize = MaxRecordBytes,
    };

    public static bool HasColumns(CsvReader csv, params string[] columns)
    {
        var headers = csv.Headers?.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToHashSet() ?? [];
        return columns.All(headers.Contains);
    }

    /// <summary>
    /// A CSV reader over a seekable file in the encoding <see cref="TextFileEncoding.Detect(Stream)"/> found. The
    /// stream stays open when the reader is disposed.
    /// </summary>
    public static CsvReader OpenReader(Stream file, TextFileEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        var text = new StreamReader(file, encoding.Encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        return CsvReader.Create(text, ReaderOptions(), leaveOpen: false);
    }

    /// <summary>
    /// Puts <c>'</c> in front of a cell that a spreadsheet would run as a formula: one starting with = + - @, a tab
    /// or a carriage return, after any apostrophes. The apostrophes are counted so that the rule can be undone
    /// exactly (<see cref="RestoreNeutralised"/>): a value that already starts with <c>'=</c> is written <c>''=</c>.
    /// </summary>
    public static string Neutralise(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return NeedsApostrophe(value) ? "'" + value : value;
    }

    /// <summary>
    /// The inverse of <see cref="Neutralise"/>: removes the one apostrophe it adds, and nothing else. A cell such as
    /// <c>'abc</c> or <c>'08123</c> keeps its apostrophe, because the export never adds one there.
    /// </summary>
    public static string RestoreNeutralised(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 1 && value[0] == '\'' && NeedsApostrophe(value.AsSpan(1)) ? value[1..] : value;
    }

    /// <summary>The records (header first) as a CSV file: UTF-8 with a byte-order mark, so spreadsheet programs read Indonesian names correctly.</summary>
    public static byte[] Write(IEnumerable<IReadOnlyList<string>> records)
    {
        using var buffer = new MemoryStream();
        Write(buffer, records);
        return buffer.ToArray();
    }

    /// <summary>As <see cref="Write(IEnumerable{IReadOnlyList{string}})"/>, into a stream (left open), record by record.</summary>
    public static void Write(Stream output, IEnumerable<IReadOnlyList<string>> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        using var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions(), leaveOpen: true))
        {
            foreach (var record in records)
            {
                var cells = new string[record.Count];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = Neutralise(record[i] ?? "");
                }

                csv.WriteRecord(cells);
            }

            csv.Flush();
        }

        text.Flush();
    }

    private static bool NeedsApostrophe(ReadOnlySpan<char> value)
    {
        var rest = value.TrimStart('\'');
        return rest.Length > 0 && FormulaStarts.Contains(rest[0]);
    }
}
