using System.Globalization;
using System.Xml;
using CsvHelper;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Calendar;
using KopUkm.Dashboard.Features.Organization;
using MiniExcelLibs;

namespace KopUkm.Dashboard.Features.Cooperatives.Import;

/// <summary>
/// Reads the office's cooperative list (<see cref="CooperativeCsvFormat"/>) from CSV or the first sheet of an .xlsx
/// workbook into forms, one per row, checked against <see cref="CooperativeRules"/>. Pure and clocked: the regions
/// and today's date (WIB) are passed in, and nothing is looked up in the database. Each bad row is reported with
/// its line (the spreadsheet row number for .xlsx, header = 1) and a resource key, and never guessed.
/// </summary>
public static class CooperativeImportParser
{
    /// <summary>Parses by file extension: <c>.xlsx</c> as a workbook, <c>.csv</c> (or <c>.txt</c>) as CSV.</summary>
    public static CooperativeImportParse Parse(Stream stream, string fileName, IReadOnlyList<RegionItem> regions, DateOnly todayWib) =>
        Path.GetExtension(fileName).ToUpperInvariant() switch
        {
            ".XLSX" => ParseExcel(stream, regions, todayWib),
            ".CSV" or ".TXT" => ParseCsv(stream, regions, todayWib),
            _ => Failed(new CsvLineError(0, "CooperativeImport.UnsupportedFile", Path.GetFileName(fileName))),
        };

    /// <summary>
    /// Comma or semicolon, header matched case-insensitively, in the encoding <see cref="TextFileEncoding"/> finds (a
    /// byte-order mark, else UTF-8, else Windows-1252, which the result reports). The stream must be seekable.
    /// </summary>
    public static CooperativeImportParse ParseCsv(Stream stream, IReadOnlyList<RegionItem> regions, DateOnly todayWib)
    {
        var encoding = TextFileEncoding.Detect(stream);
        using var csv = CsvFile.OpenReader(stream, encoding);
        try
        {
            var columns = MapColumns(csv.Headers ?? []);
            if (MissingHeaderError(columns) is { } missing)
            {
                return Failed(missing);
            }

            var rows = new List<(int Line, object?[] Cells)>();
            while (csv.Read())
            {
                var cells = new object?[CooperativeCsvFormat.Header.Count];
                foreach (var (column, index) in columns)
                {
                    // The export neutralised formulas with an apostrophe; the import takes exactly that apostrophe off again.
                    cells[column] = index < csv.FieldCount ? CsvFile.RestoreNeutralised(csv.GetString(index)) : null;
                }

                rows.Add(((int)csv.LineNumber, cells));
            }

            return Build(rows, columns.Keys, regions, todayWib) with { ReadAsWindows1252 = encoding.IsWindows1252Fallback };
        }
        catch (CsvFormatException)
        {
            return Failed(new CsvLineError(0, "CooperativeImport.UnreadableFile", "CSV"));
        }
    }

    /// <summary>The first sheet of a workbook; row 1 is the header. Cells may be text, numbers or dates.</summary>
    public static CooperativeImportParse ParseExcel(Stream stream, IReadOnlyList<RegionItem> regions, DateOnly todayWib)
    {
        try
        {
            // MiniExcel reads the zip directory, so the stream must seek; the header is read before the rows.
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            buffer.Position = 0;
            var headers = MiniExcel.GetColumns(buffer, useHeaderRow: true, excelType: ExcelType.XLSX)?.Select(h => h?.ToString() ?? "").ToList() ?? [];
            var columns = MapColumns(headers);
            if (MissingHeaderError(columns) is { } missing)
            {
                return Failed(missing);
            }

            buffer.Position = 0;
            var rows = new List<(int Line, object?[] Cells)>();
            var line = 1;
            foreach (IDictionary<string, object?> record in buffer.Query(useHeaderRow: true, excelType: ExcelType.XLSX))
            {
                // MiniExcel returns blank rows too, so counting rows gives the spreadsheet's row numbers.
                line++;
                var cells = new object?[CooperativeCsvFormat.Header.Count];
                foreach (var (column, index) in columns)
                {
                    cells[column] = record.TryGetValue(headers[index], out var value) ? value : null;
                }

                rows.Add((line, cells));
            }

            return Build(rows, columns.Keys, regions, todayWib);
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or InvalidOperationException or NotSupportedException)
        {
            return Failed(new CsvLineError(0, "CooperativeImport.UnreadableFile", "XLSX"));
        }
    }

    /// <summary>The column (index into <see cref="CooperativeCsvFormat.Header"/>) → its position in the file; the first of duplicates wins.</summary>
    private static Dictionary<int, int> MapColumns(IReadOnlyList<string> headers)
    {
        var columns = new Dictionary<int, int>();
        for (var position = 0; position < headers.Count; position++)
        {
            var name = headers[position].Trim().TrimStart('\uFEFF');
            var column = CooperativeCsvFormat.IndexOf(name);
            if (column >= 0)
            {
                columns.TryAdd(column, position);
            }
        }

        return columns;
    }

    private static CsvLineError? MissingHeaderError(Dictionary<int, int> columns)
    {
        var missing = CooperativeCsvFormat.RequiredColumns.Where(c => !columns.ContainsKey(CooperativeCsvFormat.IndexOf(c))).ToList();
        return missing.Count == 0 ? null : new CsvLineError(1, "Csv.MissingHeader", string.Join(", ", missing));
    }

    private static CooperativeImportParse Build(List<(int Line, object?[] Cells)> rows, IEnumerable<int> presentColumns, IReadOnlyList<RegionItem> regions, DateOnly todayWib)
    {
        var present = presentColumns.Select(i => CooperativeCsvFormat.Header[i]).ToHashSet(StringComparer.Ordinal);
        var valid = new List<CooperativeImportRow>();
        var errors = new List<CsvLineError>();
        var seenNik = new HashSet<string>(StringComparer.Ordinal);
        var seenNib = new HashSet<string>(StringComparer.Ordinal);
        var seenNames = new HashSet<(int RegionId, string Name)>();
        foreach (var (line, cells) in rows.Where(r => r.Cells.Any(c => CooperativeImportValues.Text(c).Length > 0)))
        {
            var row = new CooperativeImportRowReader(line, cells, regions);
            var form = row.Read();
            var rowErrors = row.Errors.ToList();
            rowErrors.AddRange(RuleErrors(line, form, row.UnreadFields, todayWib));

            var nik = form.Nik.Trim();
            var nib = form.Nib.Trim();
            if (nik.Length > 0 && !seenNik.Add(nik))
            {
                rowErrors.Add(new CsvLineError(line, "CooperativeImport.DuplicateNikInFile", nik));
            }

            if (nib.Length > 0 && !seenNib.Add(nib))
            {
                rowErrors.Add(new CsvLineError(line, "CooperativeImport.DuplicateNibInFile", nib));
            }

            // Without NIK or NIB a row is recognised by name and region alone, so two such rows would be one cooperative.
            if (nik.Length == 0 && nib.Length == 0 && form.RegionId > 0
                && !seenNames.Add((form.RegionId, CooperativeRules.NormalizeName(form.Name))))
            {
                rowErrors.Add(new CsvLineError(line, "CooperativeImport.DuplicateNameInFile", form.Name.Trim()));
            }

            if (rowErrors.Count == 0)
            {
                valid.Add(new CooperativeImportRow(line, form));
            }

            errors.AddRange(rowErrors);
        }

        return new CooperativeImportParse(valid, errors, present);
    }

    /// <summary>
    /// <see cref="CooperativeRules"/> for one imported row, in words that name the column. A field whose cell could
    /// not be read is already reported, so its rule is skipped rather than reported twice.
    /// </summary>
    internal static IEnumerable<CsvLineError> RuleErrors(int line, CooperativeForm form, IReadOnlySet<string> unreadFields, DateOnly todayWib) =>
        CooperativeRules.Validate(form, todayWib)
            .Where(e => e.Field is null || !unreadFields.Contains(e.Field))
            .Select(e => ToLineError(line, form, e));

    private static CsvLineError ToLineError(int line, CooperativeForm form, CommandError error)
    {
        var column = ColumnOf(error.Field);
        return error.MessageKey switch
        {
            "Validation.Required" => new CsvLineError(line, "CooperativeImport.Required", column),
            "Validation.MaxLength" => new CsvLineError(line, "CooperativeImport.TooLong", column),
            "Validation.NotInFuture" => new CsvLineError(line, "CooperativeImport.FutureDate", column),
            "Validation.Range" => new CsvLineError(line, "CooperativeImport.RatYearRange", Convert.ToString(form.LastRatYear, CultureInfo.InvariantCulture) ?? ""),
            _ => new CsvLineError(line, error.MessageKey, error.Args.Length > 0 ? Convert.ToString(error.Args[0], CultureInfo.InvariantCulture) ?? "" : column),
        };
    }

    private static string ColumnOf(string? field) => field switch
    {
        nameof(CooperativeForm.Name) => CooperativeCsvFormat.Name,
        nameof(CooperativeForm.RegionId) => CooperativeCsvFormat.Region,
        nameof(CooperativeForm.Nib) => CooperativeCsvFormat.Nib,
        nameof(CooperativeForm.Nik) => CooperativeCsvFormat.Nik,
        nameof(CooperativeForm.Phone) => CooperativeCsvFormat.Phone,
        nameof(CooperativeForm.Email) => CooperativeCsvFormat.Email,
        nameof(CooperativeForm.FoundedOn) => CooperativeCsvFormat.FoundedOn,
        nameof(CooperativeForm.DeedDate) => CooperativeCsvFormat.DeedDate,
        nameof(CooperativeForm.AhuDecreeDate) => CooperativeCsvFormat.AhuDate,
        nameof(CooperativeForm.MemberCount) => CooperativeCsvFormat.Members,
        nameof(CooperativeForm.LastRatYear) => CooperativeCsvFormat.LastRat,
        _ => field ?? "",
    };

    private static CooperativeImportParse Failed(CsvLineError error) => new([], [], new HashSet<string>(), error);
}

/// <summary>A row that passed every check: its line in the file and the cooperative it describes.</summary>
public sealed record CooperativeImportRow(int Line, CooperativeForm Form);

/// <summary>
/// The valid rows, every rejected line, and the columns the file has (a column the file lacks leaves the existing
/// value of a matched cooperative alone). <see cref="FileError"/> is set when the file as a whole cannot be read:
/// an unknown file type, a damaged file or a header without the required columns.
/// </summary>
public sealed record CooperativeImportParse(
    IReadOnlyList<CooperativeImportRow> Rows,
    IReadOnlyList<CsvLineError> Errors,
    IReadOnlySet<string> Columns,
    CsvLineError? FileError = null,
    bool ReadAsWindows1252 = false);
