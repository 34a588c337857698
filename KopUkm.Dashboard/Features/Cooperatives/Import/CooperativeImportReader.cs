using System.Globalization;
using System.Xml;
using CsvHelper;
using KopUkm.Dashboard.Common;
using MiniExcelLibs;

namespace KopUkm.Dashboard.Features.Cooperatives.Import;

/// <summary>
/// Streams the rows of the office's cooperative list (<see cref="CooperativeCsvFormat"/>) from a seekable file, CSV
/// or the first sheet of an .xlsx workbook, one row at a time: cells in <see cref="CooperativeCsvFormat.Header"/>
/// order (null for a column the file lacks) with the row's line (the spreadsheet row number for .xlsx, header = 1).
/// Nothing is kept between rows, so a file of any length costs the same memory. The limits of
/// <see cref="CooperativeImportOptions"/> apply before and while reading; a file that breaks one, or cannot be read,
/// throws <see cref="CooperativeImportFileException"/> with the reason.
/// </summary>
internal sealed class CooperativeImportReader : IDisposable
{
    private readonly Stream file;
    private readonly int maxRows;
    private readonly CsvReader? csv;
    private readonly IReadOnlyList<string> headers;
    private readonly Dictionary<int, int> columns;
    private readonly int? lastSheetRow;

    private CooperativeImportReader(Stream file, int maxRows, CsvReader? csv, IReadOnlyList<string> headers, int? lastSheetRow, bool readAsWindows1252)
    {
        this.file = file;
        this.maxRows = maxRows;
        this.csv = csv;
        this.headers = headers;
        this.lastSheetRow = lastSheetRow;
        ReadAsWindows1252 = readAsWindows1252;
        columns = MapColumns(headers);
        Columns = columns.Keys.Select(i => CooperativeCsvFormat.Header[i]).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The columns the file has: a column it lacks leaves the existing value of a matched cooperative alone.</summary>
    public IReadOnlySet<string> Columns { get; }

    /// <summary>A CSV without a byte-order mark that was not valid UTF-8, read as Windows-1252 (the preview says so).</summary>
    public bool ReadAsWindows1252 { get; }

    /// <summary>Rows read so far, blank ones included.</summary>
    public int RowsRead { get; private set; }

    /// <summary>How far through the file the reader is, 0 to 1, when that can be told (for a progress bar).</summary>
    public double? Fraction => csv is not null
        ? file.Length == 0 ? 1 : Math.Min(1, (double)file.Position / file.Length)
        : lastSheetRow > 1 ? Math.Min(1, (double)RowsRead / (lastSheetRow.Value - 1)) : null;

    /// <summary>
    /// Opens the file by its extension (<c>.xlsx</c>, <c>.csv</c> or <c>.txt</c>) from its current position and reads
    /// the header. The stream must be seekable: an .xlsx is checked before it is read, a CSV's encoding is found first.
    /// </summary>
    public static CooperativeImportReader Open(Stream file, string fileName, CooperativeImportOptions limits)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(limits);
        if (!file.CanSeek)
        {
            throw new ArgumentException("The import reads a seekable stream (a file or a buffer).", nameof(file));
        }

        if (file.Length - file.Position > limits.MaxFileBytes)
        {
            throw Refused(new CsvLineError(0, "CooperativeImport.FileTooLarge", limits.MaxFileMegabytes.ToString(CultureInfo.InvariantCulture)));
        }

        var reader = Path.GetExtension(fileName).ToUpperInvariant() switch
        {
            ".XLSX" => OpenWorkbook(file, limits),
            ".CSV" or ".TXT" => OpenCsv(file, limits),
            _ => throw Refused(new CsvLineError(0, "CooperativeImport.UnsupportedFile", Path.GetFileName(fileName))),
        };
        var missing = CooperativeCsvFormat.RequiredColumns.Where(c => !reader.Columns.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            reader.Dispose();
            throw new CooperativeImportFileException(new CsvLineError(1, "Csv.MissingHeader", string.Join(", ", missing)));
        }

        return reader;
    }

    /// <summary>The rows after the header, in file order. Enumerate once.</summary>
    public IEnumerable<(int Line, object?[] Cells)> Rows() => csv is not null ? CsvRows(csv) : WorkbookRows();

    public void Dispose() => csv?.Dispose();

    private static CooperativeImportReader OpenCsv(Stream file, CooperativeImportOptions limits)
    {
        var encoding = TextFileEncoding.Detect(file);
        var csv = CsvFile.OpenReader(file, encoding);
        try
        {
            return new CooperativeImportReader(file, limits.MaxRows, csv, csv.Headers ?? [], null, encoding.IsWindows1252Fallback);
        }
        catch (CsvFormatException)
        {
            csv.Dispose();
            throw Refused(new CsvLineError(0, "CooperativeImport.UnreadableFile", "CSV"));
        }
    }

    private static CooperativeImportReader OpenWorkbook(Stream file, CooperativeImportOptions limits)
    {
        switch (XlsxFile.Check(file, limits.MaxUnpackedBytes))
        {
            case XlsxFile.Verdict.TooLarge:
                throw Refused(new CsvLineError(0, "CooperativeImport.WorkbookTooLarge", limits.MaxUnpackedMegabytes.ToString(CultureInfo.InvariantCulture)));
            case XlsxFile.Verdict.Damaged:
                throw Refused(new CsvLineError(0, "CooperativeImport.UnreadableFile", "XLSX"));
        }

        var start = file.Position;
        try
        {
            var headers = MiniExcel.GetColumns(file, useHeaderRow: true, excelType: ExcelType.XLSX)?.Select(h => h ?? "").ToList() ?? [];
            file.Position = start;
            return new CooperativeImportReader(file, limits.MaxRows, null, headers, LastSheetRow(file), false);
        }
        catch (Exception ex) when (IsUnreadableWorkbook(ex))
        {
            throw Refused(new CsvLineError(0, "CooperativeImport.UnreadableFile", "XLSX"));
        }
        finally
        {
            file.Position = start;
        }
    }

    /// <summary>The last row the first sheet declares (its dimension), only to show progress; null when it declares none.</summary>
    private static int? LastSheetRow(Stream file)
    {
        try
        {
            return MiniExcel.GetSheetDimensions(file).FirstOrDefault()?.Rows.EndIndex;
        }
        catch (Exception ex) when (IsUnreadableWorkbook(ex))
        {
            return null;
        }
    }

    private IEnumerable<(int Line, object?[] Cells)> CsvRows(CsvReader reader)
    {
        while (Next(reader))
        {
            CountRow();
            var cells = new object?[CooperativeCsvFormat.Header.Count];
            foreach (var (column, index) in columns)
            {
                // The export neutralised formulas with an apostrophe; the import takes exactly that apostrophe off again.
                cells[column] = index < reader.FieldCount ? CsvFile.RestoreNeutralised(reader.GetString(index)) : null;
            }

            yield return ((int)reader.LineNumber, cells);
        }
    }

    private IEnumerable<(int Line, object?[] Cells)> WorkbookRows()
    {
        using var records = file.Query(useHeaderRow: true, excelType: ExcelType.XLSX).GetEnumerator();
        var line = 1;
        while (Next(records))
        {
            // MiniExcel returns blank rows too, so counting rows gives the spreadsheet's row numbers.
            line++;
            CountRow();
            var record = (IDictionary<string, object?>)records.Current;
            var cells = new object?[CooperativeCsvFormat.Header.Count];
            foreach (var (column, index) in columns)
            {
                cells[column] = record.TryGetValue(headers[index], out var value) ? value : null;
            }

            yield return (line, cells);
        }
    }

    private void CountRow()
    {
        if (++RowsRead > maxRows)
        {
            throw Refused(new CsvLineError(0, "CooperativeImport.TooManyRows", maxRows.ToString("N0", CultureInfo.CurrentCulture)));
        }
    }

    private static bool Next(CsvReader reader)
    {
        try
        {
            return reader.Read();
        }
        catch (CsvFormatException)
        {
            throw Refused(new CsvLineError(0, "CooperativeImport.UnreadableFile", "CSV"));
        }
    }

    private static bool Next(IEnumerator<object> records)
    {
        try
        {
            return records.MoveNext();
        }
        catch (Exception ex) when (IsUnreadableWorkbook(ex))
        {
            throw Refused(new CsvLineError(0, "CooperativeImport.UnreadableFile", "XLSX"));
        }
    }

    private static bool IsUnreadableWorkbook(Exception ex) =>
        ex is InvalidDataException or XmlException or InvalidOperationException or NotSupportedException or IndexOutOfRangeException or InvalidCastException;

    /// <summary>The column (index into <see cref="CooperativeCsvFormat.Header"/>) → its position in the file; the first of duplicates wins.</summary>
    private static Dictionary<int, int> MapColumns(IReadOnlyList<string> headers)
    {
        var columns = new Dictionary<int, int>();
        for (var position = 0; position < headers.Count; position++)
        {
            var column = CooperativeCsvFormat.IndexOf(headers[position].Trim().TrimStart('\uFEFF'));
            if (column >= 0)
            {
                columns.TryAdd(column, position);
            }
        }

        return columns;
    }

    private static CooperativeImportFileException Refused(CsvLineError error) => new(error);
}

/// <summary>The file as a whole cannot be imported: nothing is saved, and <see cref="Error"/> says why.</summary>
public sealed class CooperativeImportFileException : Exception
{
    public CooperativeImportFileException()
        : this(new CsvLineError(0, "CooperativeImport.UnreadableFile", ""))
    {
    }

    public CooperativeImportFileException(string message)
        : this(message, null)
    {
    }

    public CooperativeImportFileException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Error = new CsvLineError(0, "CooperativeImport.UnreadableFile", "");
    }

    public CooperativeImportFileException(CsvLineError error)
        : base($"The file cannot be imported: {error?.MessageKey}.")
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    public CsvLineError Error { get; }
}
