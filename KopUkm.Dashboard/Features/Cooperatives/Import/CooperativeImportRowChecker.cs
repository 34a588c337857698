using System.Globalization;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Organization;

namespace KopUkm.Dashboard.Features.Cooperatives.Import;

/// <summary>
/// Checks the rows of one file in order: each against <see cref="CooperativeRules"/>, and against the rows before it
/// for a NIK, NIB or (without either) name and region that the file repeats. It keeps only those identifiers, as
/// numbers where they are digits, never the rows: about 60 bytes a row.
/// </summary>
/// <param name="trackRepeats">
/// False for a second pass over a file already checked, which only needs each row's form: the first pass found the
/// repeats, and the plan leaves their lines out.
/// </param>
public sealed class CooperativeImportRowChecker(IReadOnlyList<RegionItem> regions, DateOnly todayWib, bool trackRepeats = true)
{
    private readonly IdentifierSet seenNik = new();
    private readonly IdentifierSet seenNib = new();
    private readonly HashSet<(int RegionId, string Name)> seenNames = [];

    /// <summary>The row as a form when it is valid, and every reason it is not. A blank row is neither.</summary>
    public (CooperativeImportRow? Row, IReadOnlyList<CsvLineError> Errors) Check(int line, object?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (!cells.Any(c => CooperativeImportValues.Text(c).Length > 0))
        {
            return (null, []);
        }

        var reader = new CooperativeImportRowReader(line, cells, regions);
        var form = reader.Read();
        var errors = reader.Errors.ToList();
        errors.AddRange(CooperativeImportParser.RuleErrors(line, form, reader.UnreadFields, todayWib));
        if (trackRepeats)
        {
            errors.AddRange(Repeats(line, form));
        }

        return (errors.Count == 0 ? new CooperativeImportRow(line, form) : null, errors);
    }

    private IEnumerable<CsvLineError> Repeats(int line, CooperativeForm form)
    {
        var nik = form.Nik.Trim();
        var nib = form.Nib.Trim();
        if (nik.Length > 0 && !seenNik.Add(nik))
        {
            yield return new CsvLineError(line, "CooperativeImport.DuplicateNikInFile", nik);
        }

        if (nib.Length > 0 && !seenNib.Add(nib))
        {
            yield return new CsvLineError(line, "CooperativeImport.DuplicateNibInFile", nib);
        }

        // Without NIK or NIB a row is recognised by name and region alone, so two such rows would be one cooperative.
        if (nik.Length == 0 && nib.Length == 0 && form.RegionId > 0
            && !seenNames.Add((form.RegionId, CooperativeRules.NormalizeName(form.Name))))
        {
            yield return new CsvLineError(line, "CooperativeImport.DuplicateNameInFile", form.Name.Trim());
        }
    }

    /// <summary>
    /// NIKs and NIBs seen so far. They are digits (a NIB 13, a NIK up to 30), so each is kept as one 128-bit number
    /// with its length in the top byte (so "0123" and "123" stay two) instead of a string; anything else, a row
    /// already refused for its format, is kept as text.
    /// </summary>
    private sealed class IdentifierSet
    {
        private readonly HashSet<UInt128> numbers = [];
        private readonly HashSet<string> others = new(StringComparer.Ordinal);

        public bool Add(string identifier) =>
            identifier.Length <= 30 && UInt128.TryParse(identifier, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                ? numbers.Add(number | ((UInt128)(uint)identifier.Length << 120))
                : others.Add(identifier);
    }
}
