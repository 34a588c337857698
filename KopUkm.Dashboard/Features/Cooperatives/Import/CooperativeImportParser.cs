using System.Globalization;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Calendar;
using KopUkm.Dashboard.Features.Organization;

namespace KopUkm.Dashboard.Features.Cooperatives.Import;

/// <summary>
/// Reads the office's cooperative list (<see cref="CooperativeCsvFormat"/>) into forms, one per row, checked against
/// <see cref="CooperativeRules"/>. Pure and clocked: the regions and today's date (WIB) are passed in, and nothing is
/// looked up in the database. Each bad row is reported with its line (the spreadsheet row number for .xlsx,
/// header = 1) and a resource key, and never guessed. The import streams the file through
/// <see cref="CooperativeImportReader"/> and <see cref="CooperativeImportRowChecker"/>; <see cref="Parse"/> does the
/// same for a whole file at once.
/// </summary>
public static class CooperativeImportParser
{
    /// <summary>
    /// The whole file at once, by extension: <c>.xlsx</c> as a workbook, <c>.csv</c> (or <c>.txt</c>) as CSV in the
    /// encoding <see cref="TextFileEncoding"/> finds. The stream must be seekable.
    /// </summary>
    public static CooperativeImportParse Parse(Stream stream, string fileName, IReadOnlyList<RegionItem> regions, DateOnly todayWib, CooperativeImportOptions? limits = null)
    {
        try
        {
            using var reader = CooperativeImportReader.Open(stream, fileName, limits ?? new CooperativeImportOptions());
            var checker = new CooperativeImportRowChecker(regions, todayWib);
            var valid = new List<CooperativeImportRow>();
            var errors = new List<CsvLineError>();
            foreach (var (line, cells) in reader.Rows())
            {
                var (row, rowErrors) = checker.Check(line, cells);
                if (row is not null)
                {
                    valid.Add(row);
                }

                errors.AddRange(rowErrors);
            }

            return new CooperativeImportParse(valid, errors, reader.Columns, ReadAsWindows1252: reader.ReadAsWindows1252);
        }
        catch (CooperativeImportFileException ex)
        {
            return new CooperativeImportParse([], [], new HashSet<string>(), ex.Error);
        }
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
